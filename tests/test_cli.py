import os
import subprocess
import sys

from newsgen import __version__
from newsgen.cli import main

from .conftest import write


def run(*args, cwd):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "newsgen.cli", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_build_prints_report_and_exits_zero(site_root):
    result = run("build", cwd=site_root)
    assert result.returncode == 0, result.stderr
    assert "Built " in result.stdout and "1 articles" in result.stdout


def test_dropped_seed_exits_one_and_names_it(site_root):
    write(site_root / "seeds" / "empty.txt", "")
    result = run("build", cwd=site_root)
    assert result.returncode == 1
    assert "skipped: seeds/empty.txt:1: empty file: no headline" in result.stdout


def test_strict_turns_warnings_into_failure(site_root):
    write(site_root / "seeds" / "latin.txt", "Caf\xe9\nStand.\n".encode("latin-1"))
    assert run("build", cwd=site_root).returncode == 0
    assert run("build", "--strict", cwd=site_root).returncode == 1


def test_config_error_is_one_line_without_traceback(site_root):
    write(site_root / "newsgen.yaml", "titel: typo\n")
    result = run("build", cwd=site_root)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("newsgen.yaml:1: unknown key 'titel' (known keys: base_url, content, description, language, output, page_size, seeds, title)")
    assert "Traceback" not in result.stderr
    debug = run("--debug", "build", cwd=site_root)
    assert "Traceback" in debug.stderr


def test_flags_override_folders(site_root, tmp_path):
    out = tmp_path / "elsewhere"
    assert main(["build", "--root", str(site_root), "--output", str(out), "-q"]) == 0
    assert (out / "index.html").is_file()


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exit:
        assert exit.code == 0
    assert capsys.readouterr().out.strip() == f"newsgen {__version__}"
