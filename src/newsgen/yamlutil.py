"""Safe YAML loading that remembers the line of every top-level key.

Editors fix what they can find: every YAML problem is reported with its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import NewsgenError

MAX_YAML_BYTES = 1_000_000


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases, closing the door on alias bombs."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, dict[Any, int]]:
    """Parse YAML text; return the data and {top-level key: line number}."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise NewsgenError(f"YAML is larger than {MAX_YAML_BYTES} bytes", path, first_line)
    try:
        loader = _NoAliasLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
            lines = _key_lines(loader, node, first_line)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        raise NewsgenError(f"invalid YAML: {exc.problem or exc.context}", path, line) from None
    except yaml.YAMLError as exc:
        raise NewsgenError(f"invalid YAML: {exc}", path, first_line) from None
    except RecursionError:
        raise NewsgenError("invalid YAML: nested too deeply", path, first_line) from None
    return data, lines


def _key_lines(loader: yaml.SafeLoader, node: yaml.Node | None, first_line: int) -> dict[Any, int]:
    """{top-level key as loaded (so `1:` is the int 1): its line}."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {loader.construct_object(key_node, deep=True): first_line + key_node.start_mark.line
            for key_node, _ in node.value}


def load_yaml_mapping(path: Path) -> tuple[dict[Any, Any], dict[Any, int]]:
    """Load a YAML file that must hold a mapping (an empty file is an empty mapping)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsgenError(f"cannot read: {exc}", str(path)) from None
    data, lines = parse_yaml(text, str(path))
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise NewsgenError("must be a mapping of keys to values", str(path), 1)
    return data, lines
