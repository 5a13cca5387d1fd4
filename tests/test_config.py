from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from newsgen.config import load_config
from newsgen.errors import NewsgenError

from . import properties
from .conftest import write


def test_defaults_without_a_file(tmp_path):
    config = load_config(tmp_path)
    assert config.output_dir == tmp_path / "site"
    assert config.seeds_dir == tmp_path / "seeds"
    assert config.page_size == 20 and config.base_url == ""


def test_file_values_and_flag_overrides(tmp_path):
    write(tmp_path / "newsgen.yaml", "title: Desk\npage_size: 5\noutput: public\nbase_url: https://e.org/news\n")
    config = load_config(tmp_path, {"output": "/tmp/elsewhere", "seeds": None})
    assert config.title == "Desk" and config.page_size == 5
    assert config.output_dir == Path("/tmp/elsewhere")
    assert config.base_url == "https://e.org/news/"


@pytest.mark.parametrize(
    "text, message",
    [
        ("title: A\ncolour: red\n", "newsgen.yaml:2: unknown key 'colour'"),
        ("page_size: many\n", "newsgen.yaml:1: 'page_size' must be int, not str"),
        ("page_size: 0\n", "newsgen.yaml:1: 'page_size' must be at least 1"),
        ("title: [a\n", "newsgen.yaml:2: invalid YAML"),
        ("base_url: example.org\n", "newsgen.yaml:1: 'base_url' must start with http"),
        ("base_url: 'https://e.org/\"><script>'\n", "newsgen.yaml:1: 'base_url' must be a plain URL"),
        ("base_url: https://\n", "newsgen.yaml:1: 'base_url' must be a plain URL"),
        ("base_url: https://[\n", "newsgen.yaml:1: 'base_url' must be a plain URL"),
        ("a: &x [1]\nb: *x\n", "newsgen.yaml:2: invalid YAML: YAML aliases are not allowed"),
        ("title: !!python/object/apply:os.system [echo]\n", "newsgen.yaml:1: invalid YAML"),
        ("- just\n- a list\n", "newsgen.yaml:1: must be a mapping"),
        ("1: one\n", "newsgen.yaml:1: unknown key '1'"),
    ],
)
def test_invalid_config_names_the_key_and_line(tmp_path, text, message):
    write(tmp_path / "newsgen.yaml", text)
    with pytest.raises(NewsgenError) as info:
        load_config(tmp_path)
    assert str(info.value).removeprefix(str(tmp_path) + "/").startswith(message)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(properties.config_texts())
def test_any_config_text_loads_or_names_file_and_line(tmp_path, text):
    properties.check_config(text, tmp_path)


@pytest.mark.parametrize("key", ["output", "seeds", "content"])
def test_a_nul_in_a_path_names_the_file_and_line(tmp_path, key):
    """A NUL reached the first stat of the folder: ValueError, an internal error. YAML can hold
    one only through an escape, which loading refuses, naming the line, for every key."""
    write(tmp_path / "newsgen.yaml", f'title: T\n{key}: "site\\0x"\n')
    with pytest.raises(NewsgenError) as info:
        load_config(tmp_path)
    assert str(info.value) == (f"{tmp_path}/newsgen.yaml:2: invalid YAML: an escape makes a character no page or "
                               "feed may hold ('\\x00')")


def test_a_nul_in_a_path_on_the_command_line_is_refused(tmp_path):
    with pytest.raises(NewsgenError, match="command line: 'output' holds a NUL character"):
        load_config(tmp_path, {"output": "site\0x"})


@pytest.mark.parametrize("text", ["output: ~\n", "output:\n", "output: null\n"])
def test_a_null_folder_is_not_set_and_takes_the_default(tmp_path, text):
    """YAML's `~` is null: it was refused as "must be a folder path", though it means "not set"."""
    write(tmp_path / "newsgen.yaml", "title: T\n" + text)
    config = load_config(tmp_path)
    assert config.output_dir == tmp_path / "site" and config.title == "T"


@pytest.mark.parametrize("value", ['"~"', "~/public", "'~'"])
def test_a_folder_starting_with_a_tilde_is_refused_not_made_literally(tmp_path, value):
    """A quoted `~` became a folder literally named `~` in the site folder."""
    write(tmp_path / "newsgen.yaml", f"title: T\noutput: {value}\n")
    with pytest.raises(NewsgenError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}/newsgen.yaml:2: 'output' starts with '~', which newsgen "
                                      "does not expand to a home folder")
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize("tag", ["en", "en-GB", "pt-BR", "zh-Hant", "sr-Latn-RS", "es-419", "de-CH-1901",
                                 "yue", "en-US-x-twain"])
def test_a_language_tag_is_accepted(tmp_path, tag):
    write(tmp_path / "newsgen.yaml", f"language: {tag}\n")
    assert load_config(tmp_path).language == tag


@pytest.mark.parametrize("value", ["english", "en_GB", "en-", "e", "'en GB'", "'\"><script>'", "''", "en-GB-",
                                   "'1234'", "'en\u0131'"])
def test_a_language_that_is_no_tag_names_the_file_and_line(tmp_path, value):
    """Any string went into every page's lang and every feed's xml:lang."""
    write(tmp_path / "newsgen.yaml", f"title: T\nlanguage: {value}\n")
    with pytest.raises(NewsgenError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}/newsgen.yaml:2: 'language' must be a language tag such as en")


@pytest.mark.parametrize(("text", "left_empty"), [('base_url: ""\n', True), ("base_url: ''\n", True), ("title: T\n", False),
                                                  ("base_url:\n", False), ("base_url: https://a.org/\n", False)])
def test_base_url_left_empty_on_purpose_is_told_from_one_not_set(tmp_path, text, left_empty):
    write(tmp_path / "newsgen.yaml", text)
    assert load_config(tmp_path).base_url_left_empty is left_empty


def test_an_executor_names_the_dask_scheduler_and_the_flag_overrides_it(tmp_path):
    write(tmp_path / "newsgen.yaml", "executor: {dask: 'tcp://scheduler:8786'}\n")
    assert load_config(tmp_path).dask_scheduler == "tcp://scheduler:8786"
    assert load_config(tmp_path, {"executor": {"dask": "10.0.0.5:8786"}}).dask_scheduler == "10.0.0.5:8786"
    assert load_config(tmp_path.parent).dask_scheduler == ""  # none: this machine's cores


@pytest.mark.parametrize("value", ["tcp://scheduler:8786", "8786", "{spark: 'tcp://a:1'}", "{dask: 8786}",
                                   "{dask: 'tcp://a b:1'}", "{dask: 'tcp://a:1', threads: 2}"])
def test_an_executor_that_is_no_dask_address_names_the_file_and_line(tmp_path, value):
    write(tmp_path / "newsgen.yaml", f"title: T\nexecutor: {value}\n")
    with pytest.raises(NewsgenError, match=r"newsgen.yaml:2: 'executor' must be \{dask: ADDRESS\}"):
        load_config(tmp_path)
