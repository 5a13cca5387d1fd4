"""Two clean builds of the same sources are byte-identical, whatever the hash seed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from ..conftest import tree_bytes, write
from ..sitegen import write_archive


def test_clean_builds_with_different_hash_seeds_are_identical(tmp_path):
    source = tmp_path / "source"
    write_archive(source / "seeds", 30)
    write(source / "content" / "about.md", "---\ntitle: About\n---\nWho we are.\n")
    trees = []
    for seed in ("1", "2"):
        root = tmp_path / f"build-{seed}"
        shutil.copytree(source, root)
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "newsgen.cli", "build", "-q", "--root", str(root)],
                       env=env, check=True)
        trees.append(tree_bytes(root / "site"))
    assert trees[0] == trees[1]
    assert len(trees[0]) > 60
