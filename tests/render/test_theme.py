"""Every style a view names is declared in the one theme, so that no colour silently goes missing."""

from __future__ import annotations

import re
from pathlib import Path

from dgcompare.render import THEME

SOURCE = Path(__file__).resolve().parents[2] / "src" / "dgcompare"
STYLE_NAME = re.compile(r"""["'](dg\.[a-z0-9.]+)["']""")


def used_styles() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for name in STYLE_NAME.findall(line):
                found.setdefault(name, []).append(f"{path.relative_to(SOURCE)}:{number}")
    return found


def test_every_style_used_is_declared_in_the_theme() -> None:
    used = used_styles()
    assert {"dg.id", "dg.cover3", "dg.match"} <= set(used), "the scan finds the styles the views use"
    missing = {name: places for name, places in used.items() if name not in THEME.styles}
    assert not missing, f"styles used but not declared in dgcompare.render.THEME: {missing}"


def test_the_heatmap_and_search_hits_are_coloured() -> None:
    from io import StringIO

    from rich.console import Console

    from dgcompare import load_catalog
    from dgcompare.matcher import MatcherIndex
    from dgcompare.reports.matrix import MatrixView, coverage_matrix
    from dgcompare.reports.search import SearchView, search

    catalog = load_catalog()
    console = Console(file=StringIO(), theme=THEME, force_terminal=True, color_system="truecolor", width=100)
    console.print(MatrixView(coverage_matrix(MatcherIndex(catalog), catalog.defaults()[:3])))
    console.print(SearchView(search(catalog, "open source", limit=1)))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[1;32m███" in output, "the strongest band is bold green"
    assert "\x1b[1;4m" in output, "matched words are bold and underlined"
