import os

import pytest

from newsgen.errors import NewsgenError
from newsgen.render.theme import static_files

from ..conftest import write


def test_site_static_file_replaces_the_theme_file(tmp_path):
    mine = write(tmp_path / "static" / "style.css", "body {}")
    assert static_files(tmp_path)["style.css"] == mine


def test_link_to_a_file_outside_static_is_refused(tmp_path):
    secret = write(tmp_path / "private" / "id_rsa", "secret")
    (tmp_path / "static").mkdir()
    os.symlink(secret, tmp_path / "static" / "key.txt")
    with pytest.raises(NewsgenError, match="outside the static folder") as info:
        static_files(tmp_path)
    assert info.value.path == str(tmp_path / "static" / "key.txt")
