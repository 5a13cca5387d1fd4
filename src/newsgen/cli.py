"""Command line: `newsgen build`, `newsgen entities`.

Exit codes: 0 success; 1 the site was built but some input was dropped (or, with
--strict, any warning); 2 nothing was built: bad usage, configuration, theme or a
file-system error; 3 a bug in newsgen (an exception nobody anticipated).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from . import __version__
from .errors import NewsgenError

EXIT_OK, EXIT_INPUT_PROBLEMS, EXIT_FAILED, EXIT_BUG = 0, 1, 2, 3


def _build(args: argparse.Namespace) -> int:
    from .build import build
    from .config import load_config
    from .report import format_report

    config = load_config(
        Path(args.root),
        {"seeds": args.source, "content": args.content, "output": args.output, "base_url": args.base_url},
    )
    report = build(config)
    if not args.quiet or report.dropped:
        print(format_report(report, str(config.output_dir)), file=sys.stderr if args.quiet else sys.stdout)
    if report.dropped or (args.strict and report.warnings):
        return EXIT_INPUT_PROBLEMS
    return EXIT_OK


def _entities(args: argparse.Namespace) -> int:
    from .config import load_config
    from .entities import load_curation
    from .entities.command import run

    config = load_config(Path(args.root))
    paths = [Path(p) for p in args.paths] or [config.seeds_dir]
    curation = load_curation(Path(args.curation) if args.curation else config.content_dir / "entities.yaml")
    return run(paths, args.json, curation, sys.stdout)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgen",
        description="Turn a folder of plain-text news articles into a static, searchable archive site.",
        epilog="Exit codes: 0 success; 1 built, but some input was dropped (or warnings with --strict); "
               "2 nothing built (usage, configuration, template or file-system error); 3 a bug in newsgen.",
    )
    parser.add_argument("--version", action="version", version=f"newsgen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a Python traceback on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=".", metavar="DIR",
                        help="the site folder holding newsgen.yaml (default: current folder)")
    common.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    build = sub.add_parser("build", parents=[common], help="build the site",
                           description="Build the archive site from seeds/ and content/.")
    build.add_argument("--source", metavar="DIR", help="folder of .txt seed articles (default: seeds)")
    build.add_argument("--content", metavar="DIR", help="folder of Markdown and overrides (default: content)")
    build.add_argument("--output", "-o", metavar="DIR", help="output folder (default: site)")
    build.add_argument("--base-url", metavar="URL", help="public URL of the site, for feeds and metadata")
    build.add_argument("--strict", action="store_true", help="exit 1 on any warning (for CI)")
    build.set_defaults(handler=_build)

    entities = sub.add_parser("entities", parents=[common], help="review the people and places found",
                              description="List the people and places found in seed files, for review.")
    entities.add_argument("paths", nargs="*", metavar="PATH", help=".txt files or folders (default: seeds)")
    entities.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    entities.add_argument("--curation", metavar="FILE", help="entities.yaml (default: content/entities.yaml)")
    entities.set_defaults(handler=_entities)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.handler(args)
    except NewsgenError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"newsgen: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsgen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`newsgen entities | head`): not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:
        # The disk is full, a folder is not writable...: the user's machine, not a bug.
        if args.debug:
            traceback.print_exc()
        print(f"newsgen: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(f"newsgen: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in newsgen, not a problem with your files. Please report it with the command "
              "you ran and the output of the same command with --debug.", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
