"""The SVG of matrix is a chart: a cell of shapes and words per theme and framework, with a text alternative."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app
from dgcompare.export import OutputFormat, export, palette
from dgcompare.i18n import translator
from dgcompare.reports.matrix import level_word

from .accessibility import SVG, svg_problems

ARGS = ["matrix", "uk", "au", "ca"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def chart(*args: str) -> ET.Element:
    code, out, err = run(*args, "--format", "svg")
    assert code == 0, err
    return ET.fromstring(out)


def words(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_chart_is_an_accessible_image_that_loads_nothing(lang: str) -> None:
    code, out, _ = run(*ARGS, "--format", "svg", "--lang", lang)
    assert code == 0 and svg_problems(out) == []
    root = ET.fromstring(out)
    assert root.get("lang") == lang
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == translator(lang)("Coverage matrix: {frameworks}").format(
        frameworks="uk-service-standard-2019, au-dss-v2, ca-digital-standards"
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_cell_is_a_shape_in_its_level_colours_naming_its_level(lang: str) -> None:
    data = json.loads(run(*ARGS, "--format", "json", "--lang", lang)[1])
    root = chart(*ARGS, "--lang", lang)
    cells = [g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}rect") is not None and g.find(f"{SVG}title") is not None]
    expected = [(f["id"], c) for r in data["rows"] for f, c in zip(data["frameworks"], r["cells"], strict=True)]
    assert len(cells) == len(expected) == len(data["rows"]) * 3
    for g, (framework, cell) in zip(cells, expected, strict=True):
        swatch = palette.LEVELS[cell["level"]]
        rect, texts = g.find(f"{SVG}rect"), g.findall(f"{SVG}text")
        assert rect is not None and rect.get("fill") == swatch.background
        assert all(t.get("fill") == swatch.text for t in texts)
        shown = [t.text for t in texts]
        if cell["level"] == "none":
            assert shown == ["·"]
        else:
            assert shown == [level_word(cell["level"], lang), str(len(cell["principles"]))]
        tooltip = g.findtext(f"{SVG}title") or ""
        assert tooltip.startswith(f"{framework}, ") and level_word(cell["level"], lang) in tooltip


def test_rows_columns_and_totals_are_the_matrixs() -> None:
    data = json.loads(run(*ARGS, "--format", "json")[1])
    shown = words(chart(*ARGS))
    text = " ".join(shown)
    for framework in data["frameworks"]:
        assert framework["id"] in shown
    for row in data["rows"]:
        assert row["label"] in text or all(word in text for word in row["label"].split())
    totals_at = shown.index("Themes covered")
    assert shown[totals_at + 1 : totals_at + 4] == [str(t) for t in data["totals"]]


def test_the_legend_names_every_level_and_the_description_gives_the_totals() -> None:
    root = chart(*ARGS)
    shown = " ".join(words(root))
    for level in ("tagged", "inferred", "touched", "none"):
        assert f"{level}: " in shown
    data = json.loads(run(*ARGS, "--format", "json")[1])
    desc = root.findtext(f"{SVG}desc") or ""
    assert f"Heatmap of {len(data['rows'])} themes by 3 frameworks." in desc
    assert f"Themes covered: uk-service-standard-2019 {data['totals'][0]}, au-dss-v2 {data['totals'][1]}" in desc


def test_the_chart_cites_its_sources_and_says_what_made_it() -> None:
    data = json.loads(run(*ARGS, "--format", "json")[1])
    text = "".join(words(chart(*ARGS))).replace(" ", "")
    for framework in data["frameworks"]:
        assert framework["url"].replace(" ", "") in text
    assert "Madewithdgcompare" in text


def test_only_matrix_draws_a_chart(tmp_path: Path) -> None:
    code, out, err = run("--format", "svg", "show", "uk", "au")
    assert (code, out) == (2, "")
    assert "this command has no svg output" in err and "html (.html)" in err and "svg (.svg)" not in err
    code, out, err = run("show", "uk", "au", "--format", "svg")  # Click's choice, listing the formats
    assert (code, out) == (2, "") and "'svg' is not one of" in err and "'html'" in err
    code, _, err = run("gaps", "ca", "uk", "-o", str(tmp_path / "gaps.svg"))
    assert code == 2 and "does not write .svg files" in err and list(tmp_path.iterdir()) == []
    code, _, err = run("show", "uk", "au", "-o", str(tmp_path / "show.png"))
    assert code == 2 and "try" not in err, "no SVG to suggest instead of a PNG"
    code, _, err = run("matrix", "uk", "au", "-o", str(tmp_path / "matrix.png"))
    assert code == 2 and f"try {tmp_path / 'matrix.svg'}, an image browsers show" in err


def test_the_library_refuses_a_chart_of_a_report_without_one() -> None:
    from dgcompare import load_catalog
    from dgcompare.reports.listing import listing

    with pytest.raises(ValueError, match="Listing has no chart"):
        export(listing(load_catalog()), OutputFormat.SVG)


def test_the_chart_goes_inside_a_page_without_its_sources() -> None:
    from dgcompare import load_catalog
    from dgcompare.export.svg import figure
    from dgcompare.matcher import MatcherIndex
    from dgcompare.models import resolve_token
    from dgcompare.reports.matrix import coverage_matrix

    from .accessibility import problems

    catalog = load_catalog()
    matrix = coverage_matrix(MatcherIndex(catalog), [resolve_token(catalog, c) for c in ("uk", "au")])
    charts = figure(matrix, id="first") + figure(matrix, id="second")
    page = f'<!doctype html><html lang="en"><title>Two charts</title><h1>Two charts</h1>{charts}</html>'
    assert problems(page) == [], "two charts keep their ids apart"
    assert 'aria-labelledby="first-title first-desc"' in charts
    assert "Sources" not in charts and "Made with" not in charts, "the page cites and signs, not the chart"
