from newsgen.cache import digest
from newsgen.packed_files import PackedFiles


def test_files_come_back_as_the_same_text_with_the_digest_of_their_bytes():
    texts = {"feed.xml": "<feed>Zoë — “news” \u2028</feed>\n", "search/shards/d-0.js": "x" * 100_000, "empty": ""}
    packed = PackedFiles(texts.items())
    assert len(packed) == 3 and list(packed.digests) == list(texts)
    for path, text in texts.items():
        assert packed.text(path) == text
        assert packed.digests[path] == digest(text.encode("utf-8")) == digest(text)


def test_files_are_held_compressed():
    packed = PackedFiles([("search/shards/d-0.js", "var d = ['a report from London'];\n" * 10_000)])
    assert packed.held_bytes < 10_000
