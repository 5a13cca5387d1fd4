"""Write the output folder: a whole new tree atomically, a small change file by file.

A reader sees the old site or the new one across a whole-tree swap; during an
in-place update (milliseconds), a mix of whole old and new files, with no link to
a missing page. A killed build leaves one of those, and the next build finishes it.

Modules:
    current  the site now in the output folder, as the last build's manifest describes it
    writer   stage a whole new tree beside the output, then swap it in
    update   apply a small change in place, with a journal to finish or undo it from
"""
