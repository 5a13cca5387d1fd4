"""The commands besides `build`: preview, check, start an article or a site, review entities.

Modules:
    serve           `newsgen serve`: build, serve on 127.0.0.1, rebuild on every save
    watch           which source files changed, as batches
    preview_server  the HTTP side of `serve`, with live reload added
    livereload      which preview version is current, and telling open tabs (+ livereload.js)
    check           `newsgen check`: every link, page and feed of a built site
    page_links      the links in a built site's files, for `check`
    new             `newsgen new`: a seed in the shape the parser expects
    init            `newsgen init`: a new archive folder from `scaffold/`
    install_source  what the new archive's Pages workflow installs: the newsgen running, if it can
    entities        `newsgen entities`: what the extractor finds, for review or scoring
    entities_review `newsgen entities --review`: what to curate first in the whole archive
    tagged_archive  the archive tagged as a build tags it, read through the build's record store
"""
