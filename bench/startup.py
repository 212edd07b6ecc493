"""Start-up time of whole commands beside the bare import of dgcompare's own dependencies, in one run.

The reference is ``python -c "import typer, rich.console, rich.table, pydantic, yaml, rapidfuzz"``. Each
command runs with its output sent to a pipe in two states:

- *catalog cached*: the validated catalog and the matcher's profiles in the cache, as on any run after the
  first over the same files; the answer itself is always computed;
- *no cache*: ``DGCOMPARE_NO_CACHE=1``, everything read, validated and computed.

Medians of ``--runs`` runs, interleaved so that machine noise hits every command alike.

    python bench/startup.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

REFERENCE = [sys.executable, "-c", "import typer, rich.console, rich.table, pydantic, yaml, rapidfuzz"]
FLOOR = [
    sys.executable,
    "-c",
    "import typer, rich.console, rich.table, pydantic, yaml, rapidfuzz, typer._adapters\n"
    "class M(pydantic.BaseModel):\n    x: int\n"
    "M(x=1)",
]
"""What any command pays before dgcompare's own work: Typer 0.29 imports its Pydantic adapters to parse any
option, and a first Pydantic model is built; the reference imports neither."""
COMMANDS = {
    "dgcompare show uk au": ["show", "uk", "au"],
    "dgcompare --help": ["--help"],
    "dgcompare list": ["list"],
}


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Wall-clock seconds of one run, output to a pipe."""
    started = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=env, check=True)
    return time.perf_counter() - started


def main() -> int:
    """Measure and print medians and ratios to the reference."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as cache:
        warm = {**os.environ, "XDG_CACHE_HOME": cache}
        warm.pop("DGCOMPARE_NO_CACHE", None)
        # As installed from a wheel, whose modules pip compiles to bytecode; a checkout run with
        # PYTHONDONTWRITEBYTECODE set would compile every module of the package on every run.
        warm.pop("PYTHONDONTWRITEBYTECODE", None)
        cold = {**warm, "DGCOMPARE_NO_CACHE": "1"}
        command = [sys.executable, "-m", "dgcompare"]
        for args in COMMANDS.values():
            timed([*command, *args], warm)  # fills the catalog cache and stores the profiles
        samples: dict[str, list[float]] = {"reference": [], "floor: + Typer's adapters, a Pydantic model": []}
        for _ in range(runs):
            samples["reference"].append(timed(REFERENCE, warm))
            samples["floor: + Typer's adapters, a Pydantic model"].append(timed(FLOOR, warm))
            for name, args in COMMANDS.items():
                samples.setdefault(f"{name} (catalog cached)", []).append(timed([*command, *args], warm))
            for name, args in COMMANDS.items():
                samples.setdefault(f"{name} (no cache)", []).append(timed([*command, *args], cold))
    reference = statistics.median(samples["reference"])
    print(f"{'command':<44} {'median':>9} {'ratio to reference':>20}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:<44} {median * 1000:>7.0f}ms {median / reference:>20.2f}")
    print(f"reference: {' '.join(REFERENCE[1:])!r}; {runs} runs each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
