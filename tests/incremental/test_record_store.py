"""The record store: content keys, the stat shortcut, pruning, and bodies kept on disk."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys

import pytest

from newsgen.errors import NewsgenError
from newsgen.incremental.record_store import UNREAD, RecordStore, StoredBody, pack_body
from newsgen.records import Paragraph
from newsgen.util.digests import digest
from newsgen.util.files import remove_dead_temporaries


def test_an_unchanged_stamp_skips_reading_the_file(tmp_path):
    store = RecordStore(tmp_path, "inputs")
    reads = []
    key = store.key_for("seeds/a.txt", (1, 2, 3), lambda: reads.append(1) or (b"text",))
    assert store.key_for("seeds/a.txt", (1, 2, 3), lambda: reads.append(1) or (b"other",)) == key
    assert reads == [1]
    assert store.key_for("seeds/a.txt", (1, 2, 4), lambda: (b"other",)) != key


def test_the_key_depends_on_content_and_name_not_on_the_stamp(tmp_path):
    store = RecordStore(tmp_path, "inputs")
    a = store.key_for("seeds/a.txt", (1,), lambda: (b"text",))
    assert store.key_for("seeds/a.txt", (2,), lambda: (b"text",)) == a
    assert store.key_for("seeds/b.txt", (1,), lambda: (b"text",)) != a
    assert digest("ab", "c") != digest("a", "bc")


def test_records_survive_a_reopen_only_with_the_same_inputs(tmp_path):
    store = RecordStore.open(tmp_path, "v1")
    store.put_body("k1", pack_body([Paragraph("Hello")]))
    store.put("k1", {"record": 1})
    store.flush()
    store.save(["seeds/a.txt"])
    assert RecordStore.open(tmp_path, "v1").get("k1") == {"record": 1}
    assert RecordStore.open(tmp_path, "v2").get("k1") is None


def test_save_drops_records_and_bodies_this_build_did_not_use(tmp_path):
    store = RecordStore.open(tmp_path, "v1")
    for key in ("old", "kept"):
        store.put_body(key, pack_body([Paragraph(key)]))
        store.put(key, key)
    store.save([])
    again = RecordStore.open(tmp_path, "v1")
    assert again.records.keys() == {"old", "kept"}
    assert again.get("kept") == "kept"  # the next build uses only this one
    again.save([])
    assert RecordStore.open(tmp_path, "v1").records.keys() == {"kept"}
    assert list(StoredBody(again.bodies_file, "kept")) == [Paragraph("kept")]
    with pytest.raises(NewsgenError, match="lost an article body"):
        list(StoredBody(again.bodies_file, "old"))


def _build_with(folder, keys, stamp="s"):
    """What a build using records `keys` leaves: each record is its key, each name's stamp `stamp`."""
    store = RecordStore.open(folder, "v1")
    for key in keys:
        if store.get(key) is None:
            store.put(key, key)
        store.key_for(f"seeds/{key}.txt", (stamp,), lambda key=key: (key.encode(),))
    store.save([f"seeds/{key}.txt" for key in keys])


def test_a_few_changes_are_saved_beside_the_whole_store_until_they_are_a_tenth_of_it(tmp_path):
    keys = [f"r{n}" for n in range(40)]
    _build_with(tmp_path, keys)
    whole = (tmp_path / "records.pickle").stat().st_mtime_ns
    for changes in (1, 2):  # an edit: one record less, one record more; 4 changes of 40 so far
        keys = keys[1:] + [f"new{changes}"]
        _build_with(tmp_path, keys, stamp=f"s{changes}")
        store = RecordStore.open(tmp_path, "v1")
        assert sorted(store.records) == sorted(keys)
        assert set(store.stamps) == {f"seeds/{key}.txt" for key in keys}
        assert {stamp for stamp, _ in store.stamps.values()} == {(f"s{changes}",)}
        assert (tmp_path / "records.pickle").stat().st_mtime_ns == whole  # the whole left as it was
    keys = keys[1:] + ["new3"]  # 6 changes: the whole is written again, alone
    _build_with(tmp_path, keys)
    assert (tmp_path / "records.pickle").stat().st_mtime_ns != whole
    assert not (tmp_path / "records-recent.pickle").exists()
    assert sorted(RecordStore.open(tmp_path, "v1").records) == sorted(keys)


def test_changes_saved_for_another_whole_store_are_not_applied(tmp_path):
    keys = [f"r{n}" for n in range(40)]
    _build_with(tmp_path, keys)
    _build_with(tmp_path, keys + ["late"])
    recent = (tmp_path / "records-recent.pickle").read_bytes()
    _build_with(tmp_path, keys[:20])  # written whole again
    (tmp_path / "records-recent.pickle").write_bytes(recent)  # as if a crash had left the old changes behind
    assert sorted(RecordStore.open(tmp_path, "v1").records) == sorted(keys[:20])


def test_a_stored_body_reads_back_and_pickles_small(tmp_path):
    store = RecordStore.open(tmp_path, "v1")
    blocks = [Paragraph("word " * 2000), Paragraph("Second.")]
    store.put_body("key", pack_body(blocks))
    store.flush()
    body = StoredBody(store.bodies_file, "key")
    assert list(body) == blocks and len(body) == 2 and body[1] == blocks[1]
    assert len(pickle.dumps(body)) < 300
    assert pickle.loads(pickle.dumps(body)) == body
    assert repr(body) == "StoredBody(key)"


def test_a_damaged_body_database_is_discarded_like_any_cache(tmp_path):
    (tmp_path / "bodies.sqlite").write_bytes(b"not a database, whatever the disk did" * 10)
    store = RecordStore.open(tmp_path, "v1")
    store.put_body("k2", pack_body([Paragraph("again")]))
    store.flush()
    assert list(StoredBody(store.bodies_file, "k2")) == [Paragraph("again")]


def test_a_cache_folder_deleted_between_builds_of_one_process_is_made_anew(tmp_path):
    # A long-lived process (`newsgen serve`) keeps its connection to the bodies database; once
    # someone deletes the cache folder, the next build must write where other processes read.
    folder = tmp_path / "cache"
    for build, body in enumerate(["first", "second"]):
        store = RecordStore.open(folder, "v1")
        store.put_body(body, pack_body([Paragraph(body)]))
        store.flush()
        if not build:
            folder.rename(tmp_path / "deleted")
    elsewhere = sqlite3.connect(store.bodies_file)  # as a rendering worker opens it
    assert elsewhere.execute("SELECT key FROM bodies").fetchall() == [("second",)]
    elsewhere.close()
    assert list(StoredBody(store.bodies_file, "second")) == [Paragraph("second")]


def test_temporary_files_of_gone_processes_are_removed_and_those_of_running_ones_kept(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    dead = tmp_path / "search-postings" / f".block-0.pickle.{gone}.tmp"
    dead.parent.mkdir()
    running = tmp_path / f".records.pickle.{os.getpid()}.tmp"
    someone_elses = tmp_path / "notes.tmp"
    for path in (dead, running, someone_elses):
        path.write_bytes(b"half a cache file")
    remove_dead_temporaries(tmp_path)
    assert not dead.exists() and running.exists() and someone_elses.exists()


def test_a_result_memo_reuses_what_the_last_build_made_for_the_same_code(tmp_path):
    from newsgen.util.memo import ResultMemo

    made = []

    def make(value):
        return lambda: made.append(value) or value

    memo = ResultMemo(tmp_path / "results.pickle", "code-1")
    assert (memo.get("a", make(1)), memo.get("b", make(2)), memo.get("a", make(3))) == (1, 2, 1)
    memo.save()
    again = ResultMemo(tmp_path / "results.pickle", "code-1")
    assert again.get("a", make(4)) == 1 and made == [1, 2]
    again.save()  # keeps only what this build used
    assert ResultMemo(tmp_path / "results.pickle", "code-1").get("b", make(5)) == 5
    assert ResultMemo(tmp_path / "results.pickle", "code-2").get("a", make(6)) == 6
    assert made == [1, 2, 5, 6]


def test_a_result_memo_writes_its_file_only_when_a_result_changed(tmp_path):
    from newsgen.util.memo import ResultMemo

    file = tmp_path / "results.pickle"

    def build(kept: list[int], result: int) -> None:
        memo = ResultMemo(file, "code")
        memo.last("kept")
        memo.keep("kept", kept)
        memo.get("result", lambda: result)
        memo.save()

    build([1, 2], 3)
    written = file.stat().st_mtime_ns
    os.utime(file, ns=(written - 10**9, written - 10**9))  # so a rewrite shows whatever the clock's grain
    build([1, 2], 4)  # an equal value kept, the same result: nothing to write
    assert file.stat().st_mtime_ns == written - 10**9
    build([1, 3], 4)
    assert ResultMemo(file, "code").last("kept") == [1, 3]
    memo = ResultMemo(file, "code")
    memo.keep("kept", [1, 3])
    memo.save()  # the result it no longer used is dropped
    assert ResultMemo(file, "code").get("result", lambda: 5) == 5


def test_tree_stamps_lists_every_file_in_path_order_without_entering_linked_folders(tmp_path):
    import os

    from newsgen.util.files import file_stamp, tree_stamps

    top = tmp_path / "top"
    for name in ("a-b.txt", "a/b.txt", ".hidden/c.txt", "d.pyc", "e.py"):
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_text(name)
    os.symlink(top / "e.py", top / "link.py")
    os.symlink(top / "a", top / "linked-folder")
    expected = [top / ".hidden" / "c.txt", top / "a" / "b.txt", top / "a-b.txt", top / "e.py", top / "link.py"]
    assert tree_stamps(top) == [(str(p), file_stamp(p)) for p in expected]
    assert tree_stamps(tmp_path / "missing") == []


def test_a_change_to_any_module_of_the_package_changes_the_code_fingerprint(tmp_path, monkeypatch):
    """Every module, in every subpackage, is under the fingerprint that keys the cache: a stale
    cache after an edit (or after code moves between packages) would be a silent bug."""
    import shutil

    import newsgen
    from newsgen.incremental import record_store

    copy = tmp_path / "newsgen"
    shutil.copytree(newsgen.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(record_store, "PACKAGE_DIR", copy)
    modules = sorted(copy.rglob("*.py"))
    assert {p.parent.name for p in modules} >= {"newsgen", "sources", "entities", "model", "incremental", "util"}
    seen = {record_store.code_fingerprint()}
    for module in modules:
        with open(module, "a", encoding="utf-8") as handle:
            handle.write("\n")
        seen.add(record_store.code_fingerprint())
    assert len(seen) == len(modules) + 1


def test_a_source_that_cannot_be_read_gets_a_key_no_record_has_and_keeps_no_stamp(tmp_path):
    store = RecordStore(tmp_path, "inputs")
    store.key_for("seeds/a.txt", (1, 2, 3), lambda: (b"text",))

    def unreadable():
        raise FileNotFoundError(2, "No such file or directory")

    key = store.key_for("seeds/a.txt", (1, 2, 4), unreadable)
    assert key.startswith(UNREAD) and "seeds/a.txt" not in store.stamps
    assert store.key_for("seeds/a.txt", (1, 2, 4), lambda: (b"text",)) != key  # read again


def test_a_record_made_again_under_its_key_is_saved_with_the_changes(tmp_path):
    keys = [f"r{n}" for n in range(40)]
    _build_with(tmp_path, keys)  # the whole store; the next save holds only the changes
    store = RecordStore.open(tmp_path, "v1")
    for key in keys:
        store.get(key)
    store.put("r7", "r7 made again")  # as a record that held until a day now past
    store.save([])
    assert (tmp_path / "records-recent.pickle").exists()
    assert RecordStore.open(tmp_path, "v1").get("r7") == "r7 made again"
