"""newsgen: turn a folder of plain-text news articles into a static archive site.

The pipeline, one package a stage (see `build.build`, which calls them in order):

    sources/      read every source file and parse it into a record (per file, on all cores)
    entities/     the people and places each article names, then unified across the archive
    model/        records -> the site model: every page, list, profile and feed, in memory
    search/       the search index, sharded into small script files
    render/       the site model -> file texts: Jinja pages, Atom feeds, sitemap, data files
    output/       file texts -> the output folder, swapped in whole or updated in place
    incremental/  what the last build left, and which of its results an edit leaves true
    util/         no news domain: digests, files, workers, progress, the console
    commands/     `serve`, `check`, `new`, `init` and `entities`

Shared by all of them: `config`, `records`, `errors`, `urls`, `slugs`, `dates`,
`yamlutil` and `page_policy`.
"""

from pathlib import Path

__version__ = "0.1.0"

# Every path newsgen reads from its own installation is made from these two, so a module
# that moves within the package keeps reading the same files.
PACKAGE_DIR = Path(__file__).parent  # the installed package: its code, scaffold and (in a wheel) theme
CHECKOUT_DIR = PACKAGE_DIR.resolve().parents[1]  # a source checkout's root (src/newsgen/..), for its theme
