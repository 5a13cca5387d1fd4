import os
import subprocess
import sys

import pytest

from newsgen import __version__
from newsgen.cli import main

from .conftest import write


def run(*args, cwd):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "newsgen.cli", *args], cwd=cwd, capture_output=True, text=True, env=env,
                          check=False)


def test_build_prints_report_and_exits_zero(site_root):
    result = run("build", cwd=site_root)
    assert result.returncode == 0, result.stderr
    assert "Built " in result.stdout and "1 article, " in result.stdout


def test_dropped_seed_exits_one_and_names_it(site_root):
    write(site_root / "seeds" / "empty.txt", "")
    result = run("build", cwd=site_root)
    assert result.returncode == 1
    assert "skipped: seeds/empty.txt:1: empty file: no headline" in result.stdout


def test_strict_turns_warnings_into_failure(site_root):
    write(site_root / "seeds" / "latin.txt", "Caf\xe9\nStand.\n".encode("latin-1"))
    assert run("build", cwd=site_root).returncode == 0
    assert run("build", "--strict", cwd=site_root).returncode == 1


def test_strict_fails_on_an_undated_article_only_when_the_site_requires_dates(site_root):
    write(site_root / "seeds" / "undated.txt", "An undated story\nStand.\nBorn on 20 February 1951, she said.\n")
    write(site_root / "newsgen.yaml", "base_url: https://example.org/\n")  # else --strict fails on its warning
    result = run("build", "--strict", cwd=site_root)
    assert result.returncode == 0, result.stdout
    assert "Dates: 1 of 2 articles dated (1 from the embedded post)." in result.stdout
    write(site_root / "newsgen.yaml", "base_url: https://example.org/\nrequire_dates: true\n")
    result = run("build", "--strict", cwd=site_root)
    assert result.returncode == 1
    assert "warning: seeds/undated.txt: no date: " in result.stdout
    assert run("build", cwd=site_root).returncode == 0  # without --strict, a warning fails nothing
    write(site_root / "newsgen.yaml", "require_dates: yes please\n")
    assert "'require_dates' must be bool, not str" in run("build", cwd=site_root).stderr


def test_config_error_is_one_line_without_traceback(site_root):
    write(site_root / "newsgen.yaml", "titel: typo\n")
    result = run("build", cwd=site_root)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("newsgen.yaml:1: unknown key 'titel' (known keys: base_url, content, "
                                          "description, duplicates, executor, language, output, page_size, require_dates, "
                                          "seeds, title)")
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


COMMANDS = ["build", "serve", "check", "new", "init", "entities"]


def test_top_level_help_lists_every_command_and_the_exit_codes(capsys):
    try:
        main(["--help"])
    except SystemExit as exit:
        assert exit.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"\n    {command} " in out, command
    assert "exit codes: 0 success; 1 finished, but found problems" in " ".join(out.split())


def test_every_command_has_help_version_quiet_verbose_and_exit_codes(capsys):
    for command in COMMANDS:
        try:
            main([command, "--help"])
        except SystemExit as exit:
            assert exit.code == 0
        out = " ".join(capsys.readouterr().out.split())
        for option in ("--version", "-q, --quiet", "-v, --verbose", "exit codes: 0 ", "130 interrupted"):
            assert option in out, (command, option)
        try:
            main([command, "--version"])
        except SystemExit as exit:
            assert exit.code == 0
        assert capsys.readouterr().out.strip() == f"newsgen {__version__}"


def test_quiet_and_verbose_together_is_a_usage_error(site_root):
    result = run("build", "-q", "-v", cwd=site_root)
    assert result.returncode == 2
    assert "argument -v/--verbose: not allowed with argument -q/--quiet" in result.stderr


def test_missing_command_is_a_usage_error(site_root):
    result = run(cwd=site_root)
    assert result.returncode == 2 and "the following arguments are required: COMMAND" in result.stderr


def test_quiet_build_prints_nothing_and_verbose_shows_the_settings(site_root):
    quiet = run("build", "-q", cwd=site_root)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    verbose = run("build", "-v", cwd=site_root)
    assert verbose.stdout.startswith(f"seeds {site_root}/seeds, content {site_root}/content, output {site_root}/site, "
                                     "base_url (none)\nBuilt ")


def test_a_file_system_error_is_one_line(tmp_path):
    write(tmp_path / "a-file", "")
    result = run("init", "a-file/new", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("newsgen: error: [Errno 20] Not a directory:") and "Traceback" not in result.stderr


def test_unexpected_exception_asks_for_a_bug_report(site_root, monkeypatch, capsys):
    import newsgen.build

    def broken(config, **options):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(newsgen.build, "build", broken)
    assert main(["build", "--root", str(site_root)]) == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: division by zero" in err and "bug in newsgen" in err
    assert "Traceback" not in err
    assert main(["--debug", "build", "--root", str(site_root)]) == 3
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.parametrize("output, why", [
    (".", "it is the project folder"),
    ("seeds", "it is the seeds folder"),
    ("..", "it holds the seeds folder"),
    ("/", "it is the filesystem root"),
    ("~", "your home folder"),
    ("seeds/site", "it is inside the seeds folder"),
])
def test_dangerous_output_folders_are_refused_with_the_reason(site_root, output, why):
    result = run("build", "--output", os.path.expanduser(output), cwd=site_root)
    assert result.returncode == 2
    assert why in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in site_root.iterdir()) == ["seeds"]
    assert sorted(p.name for p in (site_root / "seeds").iterdir()) == ["000_eb79ed762533e805.txt"]


def test_unwritable_output_is_an_error_not_a_bug(site_root):
    write(site_root / "blocker", "a file where the output's parent folder should be")
    result = run("build", "--output", "blocker/site", cwd=site_root)
    assert result.returncode == 2
    assert result.stderr.startswith("newsgen: error:") and "Traceback" not in result.stderr


def test_a_nul_in_a_configured_folder_is_a_configuration_error(site_root, capsys):
    write(site_root / "newsgen.yaml", 'seeds: "seeds\\0"\n')
    assert main(["build", "--root", str(site_root), "-q"]) == 2
    assert capsys.readouterr().err.strip().endswith("newsgen.yaml:1: invalid YAML: an escape makes a character "
                                                    "no page or feed may hold ('\\x00')")


def test_dask_without_dask_installed_is_one_line_saying_what_to_install(site_root, monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "dask" else real(name, *a))
    assert main(["build", "--root", str(site_root), "--dask", "tcp://127.0.0.1:8786"]) == 2
    err = capsys.readouterr().err
    assert err == "newsgen: error: the Dask executor needs Dask: pip install 'newsgen[dask]' (dask[distributed])\n"
    assert not (site_root / "site").exists()
