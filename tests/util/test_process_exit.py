import subprocess
import sys
import weakref

from newsgen.util import process_exit

from ..test_cli import run


class Thing:
    pass


def in_new_process(code: str) -> subprocess.CompletedProcess:
    """`keep_until_exit` lasts as long as the process, so it is asked for only in a process of its own."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_left_objects_are_freed_as_usual_unless_the_process_leaves_them_to_its_exit():
    thing = Thing()
    alive = weakref.ref(thing)
    process_exit.done_with(thing)
    del thing
    assert alive() is None
    result = in_new_process(
        "import weakref\n"
        "from newsgen.util import process_exit\n"
        "class Thing: pass\n"
        "process_exit.keep_until_exit()\n"
        "thing = Thing(); alive = weakref.ref(thing)\n"
        "process_exit.done_with(thing); del thing\n"
        "print(alive() is not None)\n")
    assert result.stdout == "True\n", result.stderr


def test_exit_now_flushes_what_was_printed_and_gives_the_code():
    result = in_new_process("import sys\nfrom newsgen.util import process_exit\n"
                            "print('out', end=''); print('err', end='', file=sys.stderr)\n"
                            "process_exit.exit_now(3)\nprint('never')")
    assert (result.returncode, result.stdout, result.stderr) == (3, "out", "err")


def test_a_command_line_build_that_exits_at_once_leaves_its_caches_whole(site_root):
    """The command exits without closing the cache database or freeing the build: what it
    wrote there must be on disk for the next build, which renders the first article's page
    again (it gains a neighbour) from the body the first build stored."""
    assert run("build", cwd=site_root).returncode == 0
    (site_root / "seeds" / "later.txt").write_text("Another headline\nA standfirst.\nA body.\n", encoding="utf-8")
    second = run("build", cwd=site_root)
    assert second.returncode == 0 and "2 articles" in second.stdout and "unchanged" in second.stdout, second.stdout
    first, = (p.read_text(encoding="utf-8") for p in (site_root / "site" / "articles").glob("*/index.html")
              if p.parent.name != "another-headline")
    assert "ninth trip to the Middle East" in first and "Another headline" in first
