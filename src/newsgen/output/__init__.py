"""Write the output folder atomically: a reader sees the old site or the new one.

Modules:
    current  the site now in the output folder, as the last build's manifest describes it
    writer   stage a whole new tree beside the output, then swap it in
    update   apply a small change in place, all or nothing, with a journal to recover from
"""
