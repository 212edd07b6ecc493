"""CSV export, from the command line: one clean table whose rows carry their URLs, in the delimiter Excel wants."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app
from dgcompare.i18n import comma_decimal, translator

from ..conftest import FIXTURES
from ..test_goldens import REPORTS

LINKED = {
    "list": [("framework", "url")],
    "show": [("number", "url"), ("counterpart number", "counterpart url")],
    "detail": [("number", "url")],
    "gaps": [("number", "url")],
    "matrix": [("framework", "url")],
    "diff": [("old", "old url"), ("new", "new url")],
    "search": [("number", "url")],
    "explain": [],
    "coverage": [],
    "themes": [],
}
"""For each report: the columns that name a principle (or a framework) and the column holding its URL."""


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_row_naming_a_principle_carries_its_url(name: str) -> None:
    code, out, err = invoke(*REPORTS[name], "--format", "csv")
    assert code == 0, err
    found = rows(out)
    assert found
    # Under --lang fr the headers are French: the same columns, by their French names.
    header = translator("fr" if "fr" in REPORTS[name] else "en")
    pairs = [(header(names), header(url)) for names, url in LINKED[name.split("-")[0]]]
    if not pairs:
        # explain's rows are signals, coverage's counts, themes' the taxonomy: none names a principle.
        assert "number" not in found[0] and "title" not in found[0]
    for names, url in pairs:
        named = [r for r in found if r[names]]
        assert named, f"{name}: no row names anything in {names!r}"
        for r in named:
            urls = r[url].split("; ")
            assert all(u.startswith(("https://", "http://")) for u in urls), (name, r)
            assert len(urls) == len(r[names].split("; ")), "one URL per principle named"


def test_a_principle_links_to_its_own_page_else_to_its_framework() -> None:
    def found(principle: str) -> dict[tuple[str, str], str]:
        return {(r["framework"], r["number"]): r["url"] for r in rows(invoke("show", principle, "--format", "csv")[1])}

    assert found("ca:1")["us-playbook", "1"] == "https://playbook.cio.gov/#play1"
    assert found("ca:6")["eu-tallinn-2017", "2"] == "https://ec.europa.eu/newsroom/document.cfm?doc_id=47559"


def test_semicolon_delimited_file_parses_back_keeps_its_bom_and_neutralises_formulas(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    hostile = str(FIXTURES / "hostile" / "markup.yaml")
    code, _, err = invoke("--data-dir", hostile, "show", "xh", "uk", "-o", str(target), "--csv-delimiter", ";")
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfframework;number;title;")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len({len(row) for row in parsed}) == 1 and len(parsed[0]) == 13
    with_points = list(csv.reader(io.StringIO(invoke("--data-dir", hostile, "show", "xh", "uk", "-f", "csv")[1])))
    assert parsed[1:] == [[comma_decimal(cell) for cell in row] for row in with_points[1:]]
    cells = [cell for row in parsed for cell in row if cell]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "'+cmd|calc!A1 keep data secure" in cells


@pytest.mark.parametrize("given", ["tab", "\\t", "\t", "TAB"])
def test_tab_is_accepted_by_name_or_as_written(given: str) -> None:
    code, out, err = invoke("show", "uk", "au", "-f", "csv", "--csv-delimiter", given)
    assert code == 0, err
    assert out.startswith("framework\tnumber\t") and rows(out, "\t")[0]["url"].startswith("https://")


def test_the_delimiter_is_a_common_option_before_or_after_the_command() -> None:
    before = invoke("--csv-delimiter", ";", "gaps", "ca", "--against", "uk", "-f", "csv")
    after = invoke("gaps", "ca", "--against", "uk", "-f", "csv", "--csv-delimiter", ";")
    assert before == after and before[0] == 0 and before[1].startswith("kind;theme;")


def test_an_unknown_delimiter_is_a_usage_error_and_nothing_is_written(tmp_path: Path) -> None:
    code, _, err = invoke("show", "uk", "au", "-o", str(tmp_path / "x.csv"), "--csv-delimiter", "|")
    assert code == 2 and "'|' is not a delimiter" in err and not list(tmp_path.iterdir())
    code, _, err = invoke("--csv-delimiter", ";", "crosswalk", "draft", "uk", "au")
    assert code == 2 and "takes no --csv-delimiter" in err


def test_for_comma_decimal_excel_a_decimal_number_takes_a_decimal_comma_and_text_keeps_its_point() -> None:
    # Reported: with ';' (French-locale Excel), scores were written 0.44, which that Excel reads as text.
    points = rows(invoke("show", "uk", "au", "-f", "csv")[1])
    commas = rows(invoke("show", "uk", "au", "-f", "csv", "--csv-delimiter", ";")[1], ";")
    assert [r["score"].replace(".", ",") for r in points] == [r["score"] for r in commas]
    assert any("," in r["score"] for r in commas)
    assert [r["why"] for r in points] == [r["why"] for r in commas], "a number inside text is not a cell's number"
    semicolons = invoke("explain", "uk:1", "au:2", "-f", "csv", "--csv-delimiter", ";")[1]
    assert "terms;0,48;0,30;0,145" in semicolons.splitlines()
    tabbed = rows(invoke("show", "uk", "au", "-f", "csv", "--csv-delimiter", "tab")[1], "\t")
    assert tabbed[0]["score"] == points[0]["score"], "only ';' is for comma-decimal locales"


def test_a_saved_detail_or_explanation_names_what_it_is_about() -> None:
    # Reported: the CSV of show ca:1 listed counterparts, and that of explain signals, naming neither principle.
    detail = rows(invoke("show", "ca:1", "--format", "csv")[1])
    assert detail and {r["principle"] for r in detail} == {"ca-digital-standards:1"}
    signals = rows(invoke("explain", "uk:1", "au:2", "--format", "csv")[1])
    assert [(r["signal"], r["value"]) for r in signals[:2]] == [
        ("principle", "uk-service-standard-2019:1 Understand users and their needs"),
        ("counterpart", "au-dss-v2:2 Know your user"),
    ]
