"""The CRF model's attribute list, kept between builds in the cache folder."""

from newsgen.entities import model
from newsgen.entities.model import DEFAULT_MODEL, attributes


def test_the_attribute_list_is_kept_and_read_back_under_the_same_key(tmp_path, monkeypatch):
    opened = []
    real_tagger = model._tagger

    def counting_tagger(path):
        opened.append(path)
        return real_tagger(path)

    monkeypatch.setattr(model, "_tagger", counting_tagger)
    saved = tmp_path / "model-attributes.pickle"
    for key, times_listed in (("code-1", 1), ("code-1", 1), ("code-2", 2)):
        monkeypatch.setattr(model, "_listed", {})  # as in a new process
        listed = attributes(saved=saved, key=key)
        assert len(opened) == times_listed and saved.is_file()
        assert "w=london" in listed and len(listed) > 1000
    assert attributes(DEFAULT_MODEL) == listed
