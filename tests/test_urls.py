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
