"""Site configuration: `newsgen.yaml`, validated on load, then overridden by flags.

One frozen record, passed explicitly to the stages that need it: no global settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import NewsgenError
from .yamlutil import load_yaml_mapping

CONFIG_NAME = "newsgen.yaml"


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    title: str = "News archive"
    description: str = "An archive of news articles."
    language: str = "en"
    base_url: str = ""
    # newsgen.yaml says `base_url: ""`: no public address yet, by choice (the Pages workflow
    # gives one with --base-url when it publishes), so a build does not warn of its absence.
    base_url_left_empty: bool = False
    output: Path = Path("site")
    seeds: Path = Path("seeds")
    content: Path = Path("content")
    page_size: int = 20
    require_dates: bool = False  # every article must have a date: each undated one is a warning
    duplicates: str = "merge"  # sources of the same text: one article ("merge") or one each ("keep")
    # `executor: {dask: ADDRESS}`: the Dask scheduler that parses and extracts the sources; "" for this machine
    dask_scheduler: str = ""

    def resolve(self, path: Path) -> Path:
        return path if path.is_absolute() else (self.root / path)

    @property
    def output_dir(self) -> Path:
        return self.resolve(self.output)

    @property
    def seeds_dir(self) -> Path:
        return self.resolve(self.seeds)

    @property
    def content_dir(self) -> Path:
        return self.resolve(self.content)


_KEY_TYPES: dict[str, type] = {
    "title": str,
    "description": str,
    "language": str,
    "base_url": str,
    "output": str,
    "seeds": str,
    "content": str,
    "page_size": int,
    "require_dates": bool,
    "duplicates": str,
    "executor": dict,
}
DUPLICATES_MODES = ("merge", "keep")
_PATH_KEYS = {"output", "seeds", "content"}
_FIELDS = {"executor": "dask_scheduler"}  # keys whose setting a field of another name holds
# A Dask scheduler's address: tcp://host:8786, tls://..., or host:port.
_SCHEDULER_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?[^\s/:]+(?::[0-9]+)?", re.IGNORECASE)
# A BCP 47 language tag's shape (RFC 5646, section 2.1): language[-extlang][-Script][-REGION]
# [-variant...][-extension...][-x-private], e.g. en, en-GB, pt-BR, zh-Hant, sr-Latn-RS; its language
# two or three letters (the longer ones the RFC reserves are registered for none, and `english`
# is a mistake), no grandfathered tags. It goes into every page's lang and every feed's xml:lang.
_LANGUAGE_TAG = re.compile(
    r"[a-z]{2,3}(?:-[a-z]{3}){0,3}"
    r"(?:-[a-z]{4})?"
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?",
    re.IGNORECASE | re.ASCII,
)
# Characters a URL never holds unescaped; refusing them keeps base_url inert in every file.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\"'<>`{}|\\^]")


def _plain_url(value: str) -> bool:
    try:
        return not _URL_UNSAFE.search(value) and bool(urlsplit(value).hostname)
    except ValueError:  # "https://[" and other broken hosts
        return False


def _check(key: str, value: Any, path: str, line: int | None) -> Any:
    """`value` as the setting holds it; None, YAML's null (`key:` or `key: ~`), for a key
    that is not set."""
    expected = _KEY_TYPES.get(key)
    if expected is None:
        known = ", ".join(sorted(_KEY_TYPES))
        raise NewsgenError(f"unknown key '{key}' (known keys: {known})", path, line)
    if value is None:
        return None
    if key == "executor":
        return _scheduler(value, path, line)
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        raise NewsgenError(
            f"'{key}' must be {expected.__name__}, not {type(value).__name__}", path, line
        )
    if key == "page_size" and value < 1:
        raise NewsgenError("'page_size' must be at least 1", path, line)
    if key == "base_url" and value and not value.startswith(("http://", "https://")):
        raise NewsgenError("'base_url' must start with http:// or https://", path, line)
    if key == "base_url" and value and not _plain_url(value):
        raise NewsgenError("'base_url' must be a plain URL such as https://you.github.io/archive/ "
                           "(a host, and no spaces, quotes or <>)", path, line)
    if key == "duplicates" and value not in DUPLICATES_MODES:
        raise NewsgenError(f"'duplicates' must be merge or keep, not {value!r}", path, line)
    if key == "language" and not _LANGUAGE_TAG.fullmatch(value):
        raise NewsgenError(f"'language' must be a language tag such as en, en-GB, pt-BR or zh-Hant, "
                           f"not {value!r}", path, line)
    if key in _PATH_KEYS:
        return _folder(key, value, path, line)
    return value


def _scheduler(value: Any, path: str, line: int | None) -> str:
    """The Dask scheduler's address `executor: {dask: ADDRESS}` names."""
    address = value.get("dask") if isinstance(value, dict) else None
    if not isinstance(address, str) or set(value) != {"dask"} or not _SCHEDULER_ADDRESS.fullmatch(address):
        raise NewsgenError("'executor' must be {dask: ADDRESS}, the address of a Dask scheduler such as "
                           "tcp://scheduler:8786", path, line)
    return address


def _folder(key: str, value: str, path: str, line: int | None) -> Path:
    if not value.strip():
        raise NewsgenError(f"'{key}' must be a folder path", path, line)
    if "\0" in value:
        raise NewsgenError(f"'{key}' holds a NUL character, which no path may hold", path, line)
    if value.startswith("~"):
        # A shell would have made it the home folder; here it would be a folder named `~`.
        raise NewsgenError(f"'{key}' starts with '~', which newsgen does not expand to a home folder: "
                           "write the whole path, or one relative to the site folder", path, line)
    return Path(value)


def load_config(root: Path, overrides: dict[str, Any] | None = None) -> SiteConfig:
    """Read `root/newsgen.yaml` if present, then apply command-line overrides."""
    root = root.resolve()
    values: dict[str, Any] = {}
    config_path = root / CONFIG_NAME
    if config_path.is_file():
        mapping, lines = load_yaml_mapping(config_path)
        for key, value in mapping.items():
            checked = _check(str(key), value, str(config_path), lines.get(key))
            if checked is not None:
                values[_FIELDS.get(key, key)] = checked
        values["base_url_left_empty"] = mapping.get("base_url") == ""
    for key, value in (overrides or {}).items():
        if value is not None:
            values[_FIELDS.get(key, key)] = _check(key, value, "command line", None)
    config = replace(SiteConfig(root=root), **values)
    if config.base_url and not config.base_url.endswith("/"):
        config = replace(config, base_url=config.base_url + "/")
    return config

