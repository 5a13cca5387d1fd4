"""What a new archive's Pages workflow installs: the running newsgen, as its install says
it can be installed again, and never a version the package index may not have."""

import json

import pytest

from newsgen.commands.install_source import InstallSource, from_record, this_newsgen

from .installs import COMMIT, EDITABLE, FOLDER, VCS, WHEEL_FILE, install, not_installed

SHA256 = "ab" * 32


def test_an_install_from_the_index_pins_its_version(monkeypatch, tmp_path):
    install(monkeypatch, tmp_path, None, version="2.3.4")
    assert this_newsgen() == InstallSource("newsgen==2.3.4", "newsgen 2.3.4 from the package index")


def test_an_install_from_git_pins_its_url_and_commit(monkeypatch, tmp_path):
    install(monkeypatch, tmp_path, VCS)
    assert this_newsgen() == InstallSource(
        f"newsgen @ git+https://github.com/example/newsgen.git@{COMMIT}",
        f"newsgen was installed from the git repository https://github.com/example/newsgen.git at commit {COMMIT}")


def test_a_vcs_install_keeps_its_subdirectory_and_vcs():
    record = {"url": "https://hg.example.org/tools", "subdirectory": "python/newsgen",
              "vcs_info": {"vcs": "hg", "commit_id": "4f2a9c"}}
    assert from_record(json.dumps(record)).requirement == (
        "newsgen @ hg+https://hg.example.org/tools@4f2a9c#subdirectory=python/newsgen")


@pytest.mark.parametrize("record, origin", [
    (EDITABLE, "newsgen was installed from the folder /home/me/newsgen (editable)"),
    (FOLDER, "newsgen was installed from the folder /home/me/newsgen"),
    (WHEEL_FILE, "newsgen was installed from the file /home/me/dist/newsgen-0.1.0-py3-none-any.whl"),
    ({"url": "file:///home/me/newsgen", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
     "newsgen was installed from the git repository /home/me/newsgen"),
])
def test_a_source_on_this_machine_pins_nothing(monkeypatch, tmp_path, record, origin):
    install(monkeypatch, tmp_path, record)
    assert this_newsgen() == InstallSource(None, origin)


def test_source_files_never_installed_pin_nothing(monkeypatch):
    not_installed(monkeypatch)
    assert this_newsgen() == InstallSource(None, "this newsgen runs from source files that were never installed")


def test_an_archive_at_a_url_is_pinned_with_its_hash():
    url = "https://files.example.org/newsgen-0.1.0-py3-none-any.whl"
    record = {"url": url, "archive_info": {"hashes": {"sha256": SHA256}, "hash": f"sha256={SHA256}"}}
    assert from_record(json.dumps(record)) == InstallSource(f"newsgen @ {url}#sha256={SHA256}",
                                                            f"newsgen was installed from the file {url}")
    assert from_record(json.dumps({"url": url, "archive_info": {}})).requirement == f"newsgen @ {url}"


@pytest.mark.parametrize("record", [
    {"url": "https://example.org/${{ secrets.TOKEN }}/newsgen.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
    {"url": "https://${GITHUB_TOKEN}@example.org/newsgen.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
    {"url": 'https://example.org/a" b', "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
    {"url": "https://example.org/newsgen.git", "vcs_info": {"vcs": "git", "commit_id": "main; rm -rf /"}},
    {"url": "https://example.org/newsgen.git", "vcs_info": {"vcs": "cvs", "commit_id": COMMIT}},
    {"url": "https://example.org/newsgen.git", "subdirectory": "a b", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
    {"url": "https://example.org/newsgen 1.whl", "archive_info": {}},
])
def test_a_record_a_workflow_cannot_carry_safely_pins_nothing(record):
    """The requirement goes into a YAML string that GitHub reads for expressions, then to pip."""
    source = from_record(json.dumps(record))
    assert source.requirement is None and "cannot carry safely" in source.origin


@pytest.mark.parametrize("text", ["not json", "[]", '{"dir_info": {}}', '{"url": 7, "dir_info": {}}',
                                  '{"url": "file:///x", "dir_info": []}', '{"url": "file:///x"}',
                                  '{"url": "https://x.org/n.git", "vcs_info": {"vcs": "git"}}'])
def test_a_record_that_cannot_be_read_pins_nothing(text):
    assert from_record(text) == InstallSource(None, "newsgen's install record (direct_url.json) cannot be read")
