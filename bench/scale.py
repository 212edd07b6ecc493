"""Scale: time and peak memory of the matcher and the reports over synthetic catalogs of many jurisdictions.

For 50 and 200 jurisdictions, all-pairs alignment of every default framework against every other is
timed beside RapidFuzz's ``process.cdist`` (``token_set_ratio``, all cores) over the same texts, measured
in the same run: the ratio is what the target (at most 3x) is about. For 1000 jurisdictions, ``gaps``,
``matrix``, ``search`` and a 30-framework ``show`` are timed as the command line runs them, cold (fresh
cache) and warm (the catalog and its profiles cached; the answer is always computed), each in its own
process so that peak memory is its own.

    python bench/scale.py --sizes 50 200 --reports 1000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from generate import generate, write
from rapidfuzz import fuzz, process

from dgcompare import load_catalog
from dgcompare.matcher import MatchConfig, MatcherIndex, align_pair


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
    index, config = MatcherIndex(catalog), MatchConfig(curated=False)
    started = time.perf_counter()
    alignments = sum(len(align_pair(index, a, b, config)) for a, b in combinations(defaults, 2))
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


PEAK = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"
)
"""Runs a command and reports the peak memory (KiB on Linux) of that one process, on its last stderr line."""


def run_report(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Seconds, peak MiB and status of one report run as its own process, output discarded."""
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "dgcompare", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    *messages, peak = child.stderr.strip().splitlines() or ["0"]
    status = "ok" if child.returncode == 0 else f"exit {child.returncode}: {' '.join(messages)[:80]}"
    return elapsed, int(peak) / 1024, status


def reports(size: int, workdir: Path) -> None:
    """Time each report over ``size`` jurisdictions, each run its own process, with its peak memory.

    Cold: a fresh cache, so the run parses and validates every file and profiles every principle it needs.
    Warm: the same command again, the catalog and the profiles from the cache, as on any later run over
    the same files.
    """
    directory = workdir / f"catalog-{size}"
    if not directory.exists():
        write(generate(size), directory)
    env = {**os.environ, "DGCOMPARE_DATA": str(directory)}
    env.pop("DGCOMPARE_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed, with bytecode (see startup.py)
    for name, args in REPORTS.items():
        arguments = args if "--format" in args else [*args, "--format", "json"]
        cache = workdir / f"cache-{size}-{name.split()[0]}"
        shutil.rmtree(cache, ignore_errors=True)
        env["XDG_CACHE_HOME"] = str(cache)
        cold = run_report(arguments, env)
        warm = [run_report(arguments, env) for _ in range(3)]
        median = sorted(warm)[1]
        print(
            f"{size:>5} jurisdictions  {name:<24} cold {cold[0]:6.2f}s {cold[1]:5.0f} MiB   "
            f"warm (median of 3) {median[0]:5.2f}s {median[1]:5.0f} MiB   {cold[2]}, {median[2]}"
        )


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
