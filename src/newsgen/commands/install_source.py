"""What `pip install` on a GitHub runner can take to get the newsgen that is running.

`newsgen init` writes it into a new archive's Pages workflow. A version number installs
only if the package index has that version, which is known only of a newsgen installed
from the index. pip records any other source in the install's PEP 610 `direct_url.json`,
and of those only a VCS repository or an archive at a URL is within the runner's reach:
a folder or file on this machine is not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import unquote, urlsplit

# Characters of a URL (RFC 3986) less `$`, which opens a GitHub expression (`${{ }}`) or,
# in a PEP 610 URL, an environment variable holding credentials the runner lacks.
_URL = re.compile(r"[A-Za-z0-9._~:/?#\[\]@!&'()*+,;=%-]+")
_REVISION = re.compile(r"[A-Za-z0-9._-]+")
_VCS = {"git", "hg", "svn", "bzr"}


@dataclass(frozen=True)
class InstallSource:
    requirement: str | None  # what pip installs on the runner; None when nothing in reach is known
    origin: str  # where this newsgen came from, in the user's words


def this_newsgen() -> InstallSource:
    try:
        distribution = _distribution()
    except metadata.PackageNotFoundError:
        return InstallSource(None, "this newsgen runs from source files that were never installed")
    record = distribution.read_text("direct_url.json")
    if record is None:  # no direct URL: pip took it from an index
        version = distribution.version
        return InstallSource(f"newsgen=={version}", f"newsgen {version} from the package index")
    return from_record(record)


def _distribution() -> metadata.Distribution:
    """The seam tests replace with an install of each kind."""
    return metadata.distribution("newsgen")


def from_record(text: str) -> InstallSource:
    """A PEP 610 record -> the requirement that reinstalls the same newsgen, if the runner can reach it."""
    try:
        record = json.loads(text)
        url = record["url"]
        if not isinstance(url, str):
            raise TypeError(url)
        if "vcs_info" in record:
            return _from_vcs(url, record["vcs_info"], record.get("subdirectory"))
        if "archive_info" in record:
            return _from_archive(url, record["archive_info"])
        editable = " (editable)" if record["dir_info"].get("editable") else ""
    except (ValueError, KeyError, TypeError, AttributeError):
        return InstallSource(None, "newsgen's install record (direct_url.json) cannot be read")
    return InstallSource(None, f"newsgen was installed from the folder {_shown(url)}{editable}")


def _from_vcs(url: str, info: dict, subdirectory: str | None) -> InstallSource:
    vcs, commit = info["vcs"], info["commit_id"]
    origin = f"newsgen was installed from the {vcs} repository {_shown(url)}"
    if _is_local(url):
        return InstallSource(None, origin)
    if vcs not in _VCS or not _REVISION.fullmatch(commit) or not _fits(url) or not _fits(subdirectory or "x"):
        return InstallSource(None, f"{origin}, whose record a workflow cannot carry safely")
    where = f"#subdirectory={subdirectory}" if subdirectory else ""
    return InstallSource(f"newsgen @ {vcs}+{url}@{commit}{where}", f"{origin} at commit {commit}")


def _from_archive(url: str, info: dict) -> InstallSource:
    origin = f"newsgen was installed from the file {_shown(url)}"
    if _is_local(url):
        return InstallSource(None, origin)
    if not _fits(url):
        return InstallSource(None, f"{origin}, whose address a workflow cannot carry safely")
    sha256 = info.get("hashes", {}).get("sha256")
    checked = f"#sha256={sha256}" if sha256 and re.fullmatch(r"[0-9a-f]{64}", sha256) and "#" not in url else ""
    return InstallSource(f"newsgen @ {url}{checked}", origin)


def _is_local(url: str) -> bool:
    return urlsplit(url).scheme in ("file", "")


def _fits(text: str) -> bool:
    """Whether `text` can go into the workflow's double-quoted NEWSGEN value and a pip
    requirement as it is: no quote, backslash, space or expression."""
    return bool(_URL.fullmatch(text))


def _shown(url: str) -> str:
    """A local path as a path, any other URL as it is."""
    parts = urlsplit(url)
    return unquote(parts.path) if parts.scheme == "file" else url
