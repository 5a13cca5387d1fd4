"""The benchmark harness's own steps, on a small archive (the timings themselves are not tested)."""

import importlib.util
import json
from pathlib import Path

from newsgen.build import build
from newsgen.config import load_config

from .sitegen import write_archive

_spec = importlib.util.spec_from_file_location("build_benchmark", Path(__file__).parents[1] / "benchmarks" / "build.py")
build_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_benchmark)


def test_hugo_gets_every_article_of_the_last_build_as_newsgen_tagged_it(tmp_path):
    root = tmp_path / "archive"
    write_archive(root / "seeds", 30)
    build(load_config(root))
    build_benchmark.edit_naming_someone(root)  # the cache now holds its changes beside the whole
    build(load_config(root))
    count = build_benchmark.write_hugo_site(root, tmp_path / "hugo")
    pages = (tmp_path / "hugo" / "content" / "articles").glob("*.md")
    fronts = [json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0]) for path in pages]
    assert count == len(fronts) == 30
    assert any("Reykjavik" in front["places"] for front in fronts)
