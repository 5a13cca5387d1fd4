"""The search index, made at build time and loaded by script tags (it works from file://).

Modules, in the order the index is made:
    terms     what one article gives the index, taken when the article is parsed
    postings  for each term, its documents and weights, counted in blocks kept between builds
    facets    what narrows a search (person, place, section, year) and the people and places a query names
    index     the sharded script files the search page loads
"""
