import io

from newsgen.util.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_terminal_each_stage_logs_one_plain_line():
    stream = io.StringIO()
    with Progress(stream).stage("pages rendered", 500) as advance:
        advance(500)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsgen: pages rendered: 500 in ")


def test_on_a_terminal_long_stages_draw_a_bar():
    stream = Terminal()
    with Progress(stream).stage("pages rendered", 500) as advance:
        advance(250)
        advance(250)
    assert "\rpages rendered:   0%|" in stream.getvalue() and "0/500" in stream.getvalue()


def test_quiet_prints_nothing():
    stream = io.StringIO()
    with Progress(stream, enabled=False).stage("pages rendered", 500) as advance:
        advance(500)
    assert stream.getvalue() == ""


def test_small_stages_say_nothing():
    stream = io.StringIO()
    with Progress(stream).stage("pages rendered", 3) as advance:
        advance(3)
    assert stream.getvalue() == ""
