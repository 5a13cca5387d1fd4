from hypothesis import given
from hypothesis import strategies as st

from newsgen.urls import absolute, relative


def test_relative_links_end_in_files():
    assert relative("index.html", "articles/a/index.html") == "articles/a/index.html"
    assert relative("articles/a/index.html", "people/b/index.html") == "../../people/b/index.html"
    assert relative("page/2/index.html", "index.html") == "../../index.html"
    assert relative("articles/a/index.html", "static/style.css") == "../../static/style.css"


def test_absolute_urls_only_with_base_url():
    assert absolute("", "articles/a/index.html") == ""
    assert absolute("https://u.github.io/repo/", "articles/a/index.html") == "https://u.github.io/repo/articles/a/"
    assert absolute("https://u.github.io/repo/", "index.html") == "https://u.github.io/repo/"


def test_relative_agrees_with_posixpath_on_site_paths():
    import posixpath

    paths = ["index.html", "a/index.html", "articles/x/index.html", "articles/y/index.html", "page/2/index.html",
             "static/style.css", "a/b/c.html", "articles", "articles/x", "feeds/people/x.xml"]
    for start in paths:
        for target in paths:
            assert relative(start, target) == posixpath.relpath(target, posixpath.dirname(start) or "."), (start, target)


_SEGMENT = st.text(alphabet="abx.-_2", min_size=1, max_size=4).filter(lambda s: s not in (".", ".."))
_SITE_PATH = st.lists(_SEGMENT, min_size=1, max_size=5).map("/".join)


@given(start=_SITE_PATH, target=_SITE_PATH)
def test_relative_agrees_with_posixpath_on_any_normal_path(start, target):
    import posixpath

    assert relative(start, target) == posixpath.relpath(target, posixpath.dirname(start) or ".")


def test_relative_to_a_folder_holding_the_page():
    assert relative("a/b/c/index.html", "a/b") == ".."
    assert relative("a/b/c/index.html", "a") == "../.."
    assert relative("a/b/index.html", "a/b") == "."
