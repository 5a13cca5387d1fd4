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
    """A NUL reached the first stat of the folder: ValueError, an internal error."""
    write(tmp_path / "newsgen.yaml", f'title: T\n{key}: "site\\0x"\n')
    with pytest.raises(NewsgenError) as info:
        load_config(tmp_path)
    assert str(info.value) == f"{tmp_path}/newsgen.yaml:2: '{key}' holds a NUL character, which no path may hold"


def test_a_nul_in_a_path_on_the_command_line_is_refused(tmp_path):
    with pytest.raises(NewsgenError, match="command line: 'output' holds a NUL character"):
        load_config(tmp_path, {"output": "site\0x"})
