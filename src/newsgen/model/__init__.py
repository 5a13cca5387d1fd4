"""Build the site model: records in, every page and what it shows out; no disk, no templates.

Modules, in the order the model is made:
    views         the records pages show (`ArticleView`, `TagView`, `PageView`...)
    listing       the articles in site order, with their people's and places' pages
    moved         the pages earlier builds gave names that have none now, which lead on
    archives      year and month archives, and each article's neighbours
    related       related articles: a pure algorithm, and a pure update from the last result
    entity_stats  co-mentions, first and last mention, mentions per month
    stats_by_entity  every entity's stats in one pass: a reduction by entity, here or on a Dask cluster
    profiles      each person's and place's profile, counted again only where an edit reached
    timeline      the geometry of the small bar charts
    feeds         which articles each feed and the sitemap list
    site          `model_of`: all of the above, as one `SiteModel`
"""
