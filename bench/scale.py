"""Scale: time and peak memory of the matcher and the reports over synthetic catalogs of many jurisdictions.

For 50 and 200 jurisdictions, all-pairs alignment of every default framework against every other is
timed beside RapidFuzz's ``process.cdist`` (``token_set_ratio``, all cores) over the same texts, measured
in the same run: the ratio is what the target (at most 3x) is about. For 1000 jurisdictions, ``gaps``,
``matrix``, ``search`` and a 30-framework ``show`` are timed as the command line runs them (warm catalog
cache, no response cache), each in its own process so that peak memory is its own.

    python bench/scale.py --sizes 50 200 --reports 1000
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from generate import generate, write
from rapidfuzz import fuzz, process

from dgcompare import load_catalog
from dgcompare.matcher import MatchConfig, Matcher


def all_pairs(size: int, workdir: Path) -> None:
    """Align every default framework with every other; compare with cdist over the same texts."""
    directory = workdir / f"catalog-{size}"
    if not directory.exists():
        write(generate(size), directory)
    catalog = load_catalog([directory], builtin=False)
    defaults = catalog.defaults()
    texts = [f"{p.title} {p.summary or ''}" for f in defaults for p in f.principles]
    started = time.perf_counter()
    process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1)
    reference = time.perf_counter() - started
    matcher = Matcher(catalog, MatchConfig(curated=False))
    started = time.perf_counter()
    alignments = sum(len(matcher.align_pair(a, b)) for a, b in combinations(defaults, 2))
    elapsed = time.perf_counter() - started
    pairs = sum(len(a.principles) * len(b.principles) for a, b in combinations(defaults, 2))
    print(
        f"{size:>5} jurisdictions  {len(texts):>6} principles  {pairs:>10,} principle pairs  "
        f"cdist {reference:7.2f}s  dgcompare {elapsed:7.2f}s  ratio {elapsed / reference:6.1f}  "
        f"{elapsed / pairs * 1e6:5.1f} us/pair  {alignments:,} alignments"
    )


REPORTS = {
    "gaps s0000": ["gaps", "s0000"],
    "matrix (all defaults)": ["matrix"],
    "search 'open source'": ["search", "open source"],
    "show (30 frameworks)": ["show", *(f"s{i:04d}" for i in range(30)), "--format", "json"],
}


def reports(size: int, workdir: Path) -> None:
    """Time each report over ``size`` jurisdictions, in its own process, with peak memory."""
    directory = workdir / f"catalog-{size}"
    if not directory.exists():
        write(generate(size), directory)
    env = {**os.environ, "XDG_CACHE_HOME": str(workdir / "cache"), "DGCOMPARE_DATA": str(directory)}
    env.pop("DGCOMPARE_NO_CACHE", None)
    command = [sys.executable, "-m", "dgcompare"]
    subprocess.run(
        [*command, "list", "--format", "json", "--force", "-o", os.devnull], env=env, capture_output=True, check=False
    )  # warms the catalog cache
    for name, args in REPORTS.items():
        started = time.perf_counter()
        child = subprocess.run(
            [*command, *args, "--format", "json"] if "--format" not in args else [*command, *args],
            env={**env, "DGCOMPARE_NO_CACHE": ""},
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        status = "ok" if child.returncode == 0 else f"exit {child.returncode}: {child.stderr.strip()[:80]}"
        print(f"{size:>5} jurisdictions  {name:<24} {elapsed:7.2f}s  peak so far {peak:7.0f} MiB  {status}")


def main() -> int:
    """Run the benchmarks asked for."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 200])
    parser.add_argument("--reports", type=int, nargs="*", default=[1000])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        for size in options.sizes:
            all_pairs(size, Path(work))
        for size in options.reports:
            reports(size, Path(work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
