"""The briefing workbook, read back with openpyxl: one sheet per section, typed cells, never a formula."""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.catalog import load_catalog
from dgcompare.cli import app
from dgcompare.errors import OutputError
from dgcompare.export import xlsx
from dgcompare.matcher import MatcherIndex
from dgcompare.models import resolve_token
from dgcompare.reports.briefing import Briefing, briefing

openpyxl = pytest.importorskip("openpyxl")

TRICKY = """\
jurisdiction:
  code: zz
  name: Zedland
  name_fr: Zédie
frameworks:
  - id: zz-tricky
    title: "=HYPERLINK(\\"http://example.invalid\\", \\"click\\")"
    publisher: "@Zedland Digital"
    adopted: 2024
    url: https://example.invalid/zz
    licence: "+1 licence"
    principles:
      - number: 1
        title: "=1+1"
        summary: Research who will use the service and what they need before building anything.
        themes: [user-research]
      - number: 2
        title: "-Keep personal data secure"
        summary: Protect the personal information the service holds and be clear about how it is used.
        themes: [security]
      - number: 3
        title: "@Work in the open"
        summary: Publish the code and share what the team learns so others can reuse it.
        themes: [open-source]
"""


def workbook_of(result: Briefing) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx.dumps(result)))


@pytest.fixture(scope="module")
def result() -> Briefing:
    catalog = load_catalog()
    frameworks = [resolve_token(catalog, t) for t in ("uk", "au", "ca")]
    return briefing(MatcherIndex(catalog), frameworks, today=datetime.date(2026, 1, 2))


def table_values(sheet: openpyxl.worksheet.worksheet.Worksheet, ref: str) -> list[list[object]]:
    return [[cell.value for cell in row] for row in sheet[ref]]


def test_each_section_is_a_sheet_and_each_table_an_excel_table_with_the_sections_rows(result: Briefing) -> None:
    book = workbook_of(result)
    sections = result.sections()
    assert book.sheetnames == [s.heading for s in sections]
    for section in sections:
        sheet = book[section.heading]
        assert sheet["A1"].value == section.heading
        tables = list(sheet.tables.values())
        assert len(tables) == len(section.tables)
        for table, captioned in zip(tables, section.tables, strict=True):
            header, *rows = table_values(sheet, table.ref)
            assert tuple(header) == captioned.table.header
            assert table.autoFilter is not None, "every table can be filtered"
            expected = [
                [
                    None if value == "" else float(value) if i in captioned.table.numbers else value
                    for i, value in enumerate(row)
                ]
                for row in captioned.table.rows
            ]
            assert [[None if v is None else float(v) if isinstance(v, int) else v for v in r] for r in rows] == expected
        # The paragraphs follow the tables, under a notes caption.
        texts = [c.value for c in sheet["A"] if isinstance(c.value, str)]
        assert all(p in texts for p in section.paragraphs)
        assert all(f"• {p}" in texts for p in section.points)


def test_numbers_are_numbers_and_headers_stay_in_view(result: Briefing) -> None:
    book = workbook_of(result)
    links = book[result.alignment().heading]
    table = next(iter(links.tables.values()))
    header_row = int(table.ref.split(":")[0][1:])
    assert links.freeze_panes == f"A{header_row + 1}", "a sheet of one table keeps its header in view"
    # A sheet of several tables keeps only its heading: a frozen header would stand over the other tables.
    assert book[result.summary().heading].freeze_panes == "A2"
    summary = [c.value for c in book[result.summary().heading]["A"]]
    assert summary.index(f"• {result.summary().points[0]}") < summary.index(result.summary().tables[0].caption), (
        "the key points come before the tables"
    )
    header, first, *_ = table_values(links, table.ref)
    assert isinstance(first[header.index("score")], float)
    assert isinstance(first[header.index("number")], int)
    assert links.column_dimensions["C"].width > 10, "column widths are set from the content"


def test_the_heatmap_is_coloured_by_level_and_says_its_level(result: Briefing) -> None:
    sheet = workbook_of(result)[result.heatmap().heading]
    rules = [rule for rules in sheet.conditional_formatting for rule in rules.rules]
    assert {r.text for r in rules} == {"tagged", "inferred", "touched", "none"}
    assert all(r.dxf is not None and r.dxf.fill is not None for r in rules)


@pytest.mark.parametrize(("fill", "text"), list(xlsx.HEATMAP.values()))
def test_the_heatmap_colours_keep_text_readable(fill: str, text: str) -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(fill), luminance(text)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    (tmp_path / "zz.yaml").write_text(TRICKY, encoding="utf-8")
    catalog = load_catalog([tmp_path])
    frameworks = [resolve_token(catalog, "zz"), resolve_token(catalog, "uk")]
    book = workbook_of(briefing(MatcherIndex(catalog), frameworks))
    values = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in values if c.data_type == "f"], "no cell is a formula"
    texts = {c.value for c in values if isinstance(c.value, str)}
    assert {"=1+1", "-Keep personal data secure", "@Work in the open", "@Zedland Digital", "+1 licence"} <= texts


def test_a_missing_xlsxwriter_names_the_extra(result: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    with pytest.raises(OutputError) as caught:
        xlsx.dumps(result)
    assert "dgcompare[office]" in str(caught.value)


def test_brief_writes_nothing_when_the_extra_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    target = tmp_path / "brief.xlsx"
    outcome = CliRunner().invoke(app, ["brief", "uk", "au", "-o", str(target)])
    assert outcome.exit_code == 1
    assert "dgcompare[office]" in outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert not list(tmp_path.iterdir())
