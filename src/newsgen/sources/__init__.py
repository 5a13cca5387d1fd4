"""Read sources, parse records: every seed and Markdown file becomes one record.

Modules, in the order a file goes through them:
    files         find the source files and read them as text, whatever their encoding
    seed          a plain-text seed -> an `Article`
    markdown      a Markdown file with front matter -> an `Article` or a `ContentPage`
    overrides     an editor's `content/seeds/<seed's path>.yaml`: which seed it is for, and its changes
    placeholders  the text `newsgen new` writes, and the warning while a source still holds it
    ingest        one file's whole per-file job (read, parse, extract entities, search terms),
                  the unit a build spreads over cores and keeps in the record store
    on_cluster    the jobs sent with their files' bytes to a Dask cluster instead (`build --dask`)
    read          the stage's driver: plan one job per file, run those not in the record store
"""
