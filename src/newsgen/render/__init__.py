"""Render: the site model -> the text of every output file.

Modules:
    theme         where the theme's templates and static files are, and a site's own overrides
    jinja_escape  Jinja's environment, autoescape on, with a faster escape of plain values
    metadata      JSON-LD and Open Graph of an article page
    pages         one page's HTML from its template
    xml_text      XML written straight as text, escaped
    feeds         Atom feeds, the sitemap and robots.txt
    data_files    every non-HTML file with a fingerprint of what it is made from
    files         render the files that changed into the staging folder, on every core
"""
