"""Command line: `newsgen build | serve | check | new | init | entities`.

Exit codes: 0 success; 1 the command ran but found problems (input dropped, or
warnings with --strict; broken links from check); 2 nothing was done: bad usage,
configuration, theme or file-system error; 3 a bug in newsgen (an exception
nobody anticipated); 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from datetime import date
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import NewsgenError
from .util.console import NORMAL, QUIET, VERBOSE, Console, printable
from .util.process_exit import exit_now, keep_until_exit

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILED, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_CODES = (
    "exit codes: 0 success; 1 finished, but found problems (see the command's help); "
    "2 nothing done: usage, configuration, template or file-system error; 3 a bug in newsgen; 130 interrupted"
)


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date of the form YYYY-MM-DD: {text!r}") from None


def _build(args: argparse.Namespace, console: Console) -> int:
    from .build import build
    from .config import load_config
    from .report import show_report
    from .util.progress import Progress

    config = load_config(
        Path(args.root),
        {"seeds": args.source, "content": args.content, "output": args.output, "base_url": args.base_url,
         "executor": {"dask": args.dask} if args.dask else None},
    )
    if args.exiting:  # what the build has done with is left to the exit, unfreed
        keep_until_exit()
    console.detail(f"seeds {config.seeds_dir}, content {config.content_dir}, output {config.output_dir}, "
                   f"base_url {config.base_url or '(none)'}")
    report = build(config, jobs=args.jobs, fresh=args.no_cache, progress=Progress(enabled=console.level != QUIET))
    show_report(console, report, str(config.output_dir))
    if report.dropped or (args.strict and report.warnings):
        return EXIT_PROBLEMS
    return EXIT_OK


def _check(args: argparse.Namespace, console: Console) -> int:
    from .commands.check import check_site
    from .config import load_config

    config = load_config(Path(args.root), {"base_url": args.base_url})
    site = Path(args.site) if args.site else config.output_dir
    console.detail(f"checking {site} with base_url {config.base_url or '(none)'}")
    result = check_site(site, config.base_url)
    for problem in result.problems:
        console.problem(str(problem))
    found = f"{len(result.problems)} problem(s)" if result.problems else "no problems"
    console.say(f"Checked {site}: {result.pages} pages, {result.links} links, {result.feeds} feeds: {found}.")
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _serve(args: argparse.Namespace, console: Console) -> int:
    from .commands.serve import serve

    serve(Path(args.root), {"seeds": args.source, "content": args.content}, args.bind, args.port, console, args.open)
    return EXIT_OK


def _new(args: argparse.Namespace, console: Console) -> int:
    from .commands.new import new_article
    from .config import load_config

    config = load_config(Path(args.root))
    for path in new_article(config, args.headline, args.date or date.today(), args.markdown):
        console.say(f"created {_shown(path)}")
    return EXIT_OK


def _init(args: argparse.Namespace, console: Console) -> int:
    from .commands.init import init_site

    target = Path(args.dir)
    result = init_site(target, args.force, args.eject_theme)
    for path in result.written:
        console.detail(f"created {_shown(path)}")
    for path in result.kept:
        console.say(f"kept existing {_shown(path)}")
    if result.installs is not None:
        _say_what_the_workflow_installs(result.installs, target, console)
    console.say(f"Created a news archive in {_shown(target)} ({len(result.written)} files). "
                f"Next: cd {_shown(target)} && newsgen serve")
    return EXIT_OK


def _say_what_the_workflow_installs(source, target: Path, console: Console) -> None:
    from .commands.init import WORKFLOW

    if source.requirement is not None:
        console.detail(f"{WORKFLOW} installs {source.requirement}: {source.origin}")
        return
    console.problem(f"newsgen: warning: {_shown(target / WORKFLOW)} installs no newsgen yet: {source.origin}, "
                    "and GitHub's runner cannot install that. Set its NEWSGEN to a newsgen you publish (a release, "
                    "or newsgen @ git+https://...@COMMIT); until then the deploy stops at \"Install newsgen\" "
                    "(see docs/publishing.md)")


def _entities(args: argparse.Namespace, console: Console) -> int:
    from .commands.entities import run
    from .config import load_config
    from .entities import load_curation

    config = load_config(Path(args.root))
    paths = [Path(p) for p in args.paths] or [config.seeds_dir]
    curation_path = Path(args.curation) if args.curation else config.content_dir / "entities.yaml"
    console.detail(f"reading {', '.join(map(str, paths))} with curation {curation_path}")
    return run(paths, args.json, load_curation(curation_path), sys.stdout)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--version", action="version", version=f"newsgen {__version__}")
    talk = common.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", dest="level", action="store_const", const=QUIET, default=NORMAL,
                      help="print only problems (on stderr)")
    talk.add_argument("-v", "--verbose", dest="level", action="store_const", const=VERBOSE,
                      help="print more detail")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return common


def _with_sources(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", metavar="DIR", help="folder of .txt seed articles (default: seeds)")
    parser.add_argument("--content", metavar="DIR", help="folder of Markdown and overrides (default: content)")


def _with_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=".", metavar="DIR",
                        help="the site folder holding newsgen.yaml (default: current folder)")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgen",
        description="Turn a folder of plain-text news articles into a static, searchable archive site.",
        epilog=EXIT_CODES + ". Run `newsgen COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"newsgen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a Python traceback on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _common_options()

    def command(name: str, summary: str, description: str, exits: str, handler) -> argparse.ArgumentParser:
        command = sub.add_parser(name, parents=[common], help=summary, description=description,
                                 epilog=f"exit codes: {exits}; 3 a bug in newsgen; 130 interrupted")
        command.set_defaults(handler=handler)
        return command

    build = command("build", "build the site", "Build the archive site from seeds/ and content/.",
                    "0 built; 1 built, but a source file produced no page (or, with --strict, any warning); "
                    "2 nothing built, the previous site is untouched", _build)
    _with_root(build)
    _with_sources(build)
    build.add_argument("--output", "-o", metavar="DIR", help="output folder (default: site)")
    build.add_argument("--base-url", metavar="URL", help="public URL of the site, for feeds and metadata")
    build.add_argument("--jobs", "-j", type=_positive, metavar="N", help="worker processes (default: all cores)")
    build.add_argument("--dask", metavar="ADDRESS",
                       help="parse and extract on the Dask cluster whose scheduler is at ADDRESS, such as "
                            "tcp://scheduler:8786 (needs pip install 'newsgen[dask]')")
    build.add_argument("--no-cache", action="store_true",
                       help="ignore .newsgen-cache/: parse every file and render every page")
    build.add_argument("--strict", action="store_true", help="exit 1 on any warning (for CI)")

    serve = command("serve", "preview the site, rebuilding and reloading on every save",
                    "Build the site into a temporary folder and serve it on http://127.0.0.1:8000/ (or the "
                    "next free port). Saving a file in seeds/, content/, templates/, static/ or newsgen.yaml "
                    "rebuilds it and reloads open browser tabs; a failed build shows its error on the page "
                    "until the next good save. The output folder is not touched. Ctrl-C stops.",
                    "0 stopped by Ctrl-C or SIGTERM; 2 could not start: configuration error or port in use",
                    _serve)
    _with_root(serve)
    serve.add_argument("--port", "-p", type=int, metavar="PORT",
                       help="port to listen on (default: 8000 or the next free one; 0: any free port)")
    serve.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                       help="address to listen on (default: 127.0.0.1, this computer only)")
    _with_sources(serve)
    serve.add_argument("--open", action="store_true", help="open the preview in the web browser")

    check = command("check", "check a built site's links, pages and feeds",
                    "Check a built site: every internal link and asset resolves from file:// and under "
                    "base_url's path, every page is reachable from index.html (except 404.html), and "
                    "feeds and sitemaps are well-formed. Problems are printed as PAGE: LINK: REASON.",
                    "0 no problems; 1 problems found; 2 no site or bad configuration", _check)
    _with_root(check)
    check.add_argument("site", nargs="?", metavar="SITE", help="the built site folder (default: the output folder)")
    check.add_argument("--base-url", metavar="URL", help="the URL the site is published at (default: newsgen.yaml)")

    new = command("new", "start a new article",
                  "Write a new seed article skeleton in seeds/, dated today by its override in "
                  "content/seeds/, or with --markdown a Markdown article in content/articles/. "
                  "Files are named DATE-SLUG and never overwritten.",
                  "0 written; 2 the file exists, or the headline is empty, too long or not UTF-8 text", _new)
    _with_root(new)
    new.add_argument("headline", metavar="HEADLINE", help="the article's headline (quote it)")
    new.add_argument("--markdown", action="store_true", help="write Markdown with front matter instead of a seed")
    new.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="the article's date (default: today)")

    init = command("init", "create a new archive folder",
                   "Create a new archive in DIR: newsgen.yaml, an example seed, an About page, an "
                   "entities.yaml example, .gitignore and a GitHub Pages workflow. "
                   "The theme stays in newsgen unless --eject-theme copies it out for editing.",
                   "0 created; 2 DIR is not empty (without --force) or cannot be written", _init)
    init.add_argument("dir", nargs="?", default=".", metavar="DIR", help="the new archive folder (default: .)")
    init.add_argument("--force", action="store_true",
                      help="fill a non-empty folder: add the missing files, keep every existing one")
    init.add_argument("--eject-theme", action="store_true",
                      help="copy the theme's templates/ and static/ into DIR to edit them")

    entities = command("entities", "review the people and places found",
                       "List the people and places found in seed files, for review.",
                       "0 listed; 2 bad file or curation", _entities)
    _with_root(entities)
    entities.add_argument("paths", nargs="*", metavar="PATH", help=".txt files or folders (default: seeds)")
    entities.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    entities.add_argument("--curation", metavar="FILE", help="entities.yaml (default: content/entities.yaml)")
    return parser


def run() -> NoReturn:
    """The `newsgen` command: `main`, and then the process ends at once (see process_exit)."""
    exit_now(main(exiting=True))


def main(argv: list[str] | None = None, *, exiting: bool = False) -> int:
    """Run one command; `exiting` says the process ends when it returns."""
    args = make_parser().parse_args(argv)
    args.exiting = exiting
    try:
        return args.handler(args, Console(args.level))
    except NewsgenError as exc:
        if args.debug:
            traceback.print_exc()
        print(printable(f"newsgen: error: {exc}"), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsgen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`newsgen entities | head`): not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:
        # The disk is full, a folder is not writable...: the user's machine, not a bug.
        if args.debug:
            traceback.print_exc()
        print(printable(f"newsgen: error: {exc}"), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(printable(f"newsgen: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in newsgen, not a problem with your files. Please report it with the command "
              "you ran and the output of the same command with --debug."), file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    run()
