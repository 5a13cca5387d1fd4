"""Safe YAML loading that remembers the line of every top-level key.

Editors fix what they can find: every YAML problem is reported with its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import NewsgenError

MAX_YAML_BYTES = 1_000_000
# The characters XML 1.0 forbids, as sources.files replaces them in a source's text. YAML's
# reader refuses them written as they are, but a double-quoted escape ("\x01", "\ud800") makes
# them after that: in a title they would leave every feed holding it ill-formed.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
T = TypeVar("T")


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases, closing the door on alias bombs."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_scalar(self, node):  # type: ignore[override]
        """Every scalar, escapes undone; one holding a character XML forbids names its line."""
        value = super().construct_scalar(node)
        forbidden = _XML_FORBIDDEN.search(value) if isinstance(value, str) else None
        if forbidden and "\ud800" <= forbidden.group() <= "\udfff":
            # "\ud83d\ude00", as JSON writes an emoji, is one character to JSON; PyYAML leaves two halves.
            value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
            forbidden = _XML_FORBIDDEN.search(value)
        if forbidden:
            raise yaml.constructor.ConstructorError(
                None, None, f"an escape makes a character no page or feed may hold ({forbidden.group()!r})",
                node.start_mark)
        return value

    def construct_yaml_timestamp(self, node):  # type: ignore[override]
        """PyYAML builds a date from any digits that look like one and lets the
        ValueError of `2024-02-30` escape with no line; here it names the line."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"not a valid date: {node.value}", node.start_mark
            ) from None


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)


def _with_loader(text: str, path: str, first_line: int, use: Callable[[yaml.SafeLoader], T]) -> T:
    """Run `use` on a safe, alias-free loader; every YAML problem becomes a located NewsgenError."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise NewsgenError(f"YAML is larger than {MAX_YAML_BYTES} bytes", path, first_line)
    try:
        loader = _NoAliasLoader(text)
        try:
            return use(loader)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        raise NewsgenError(f"invalid YAML: {exc.problem or exc.context}", path, line) from None
    except yaml.reader.ReaderError as exc:
        line = first_line + text.count("\n", 0, exc.position)
        raise NewsgenError(f"invalid YAML: {exc.reason} (character {exc.character!r})", path, line) from None
    except yaml.YAMLError as exc:
        raise NewsgenError(f"invalid YAML: {exc}", path, first_line) from None
    except RecursionError:
        raise NewsgenError("invalid YAML: nested too deeply", path, first_line) from None


def compose_yaml(text: str, path: str, first_line: int = 1) -> yaml.Node | None:
    """The YAML node tree, for readers that check every node and name its line."""
    return _with_loader(text, path, first_line, lambda loader: loader.get_single_node())


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, dict[Any, int]]:
    """Parse YAML text; return the data and {top-level key: line number}."""

    def load(loader: yaml.SafeLoader) -> tuple[Any, dict[Any, int]]:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return data, _key_lines(loader, node, first_line)

    return _with_loader(text, path, first_line, load)


def read_yaml_text(path: Path, data: bytes | None = None) -> str:
    """A YAML file's text (UTF-8, BOM allowed), from `data` if given (its bytes, read once
    by a caller that keys something by them); an unreadable file names the bad line."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise NewsgenError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NewsgenError("not valid UTF-8 (YAML files must be UTF-8)", str(path), line) from None


def _key_lines(loader: yaml.SafeLoader, node: yaml.Node | None, first_line: int) -> dict[Any, int]:
    """{top-level key as loaded (so `1:` is the int 1): its line}."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {loader.construct_object(key_node, deep=True): first_line + key_node.start_mark.line
            for key_node, _ in node.value}


def load_yaml_mapping(path: Path, raw: bytes | None = None) -> tuple[dict[Any, Any], dict[Any, int]]:
    """Load a YAML file that must hold a mapping (an empty file is an empty mapping); `raw`,
    its bytes if read already."""
    data, lines = parse_yaml(read_yaml_text(path, raw), str(path))
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise NewsgenError("must be a mapping of keys to values", str(path), 1)
    return data, lines
