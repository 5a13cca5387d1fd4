import pytest
from hypothesis import HealthCheck, given, settings

from newsgen.entities import load_curation
from newsgen.errors import NewsgenError

from .. import properties
from ..conftest import write


@pytest.mark.parametrize(
    "data, message",
    [
        (b"entities:\n  - name: !!python/object/apply:os.system [ls]\n", ":2: YAML tag"),
        (b"a: &x [1]\nb: *x\n", ":2: invalid YAML: YAML aliases are not allowed"),
        (b"ignore:\n  - Caf\xe9\n", ":2: not valid UTF-8"),
        (b"ignore:\n  - a\x01\n", ":2: invalid YAML"),
        (b"[" * 5000, ":1: invalid YAML"),
    ],
)
def test_hostile_curation_is_a_located_error(tmp_path, data, message):
    path = write(tmp_path / "entities.yaml", data)
    with pytest.raises(NewsgenError) as info:
        load_curation(path)
    assert message in str(info.value) and str(info.value).startswith(str(path))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(properties.curation_texts())
def test_any_curation_loads_or_names_file_and_line(tmp_path, text):
    properties.check_curation(text, tmp_path)
