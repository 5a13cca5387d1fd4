"""Helpers that know nothing of news: digests, files, memos, processes, progress, the console.

Modules:
    digests       the one hash every fingerprint and cache key uses
    files         file stamps, whole reads, atomic writes, pickles, walking a folder
    memo          results by key, kept in a file from one build to the next
    workers       a function over many items on every core; one task in a second process
    cluster       a function over many items on a Dask cluster, in batches sized for the network
    progress      progress bars and the per-stage timing seam
    console       how much a command prints
    process_exit  ending the command without freeing memory object by object
"""
