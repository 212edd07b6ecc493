"""One briefing, three documents: every section, caption and link is in the HTML, the workbook and the Markdown."""

from __future__ import annotations

import datetime
import io
import json

import pytest

from dgcompare.catalog import load_catalog
from dgcompare.export import OutputFormat, export_briefing
from dgcompare.matcher import MatcherIndex
from dgcompare.models import resolve_token
from dgcompare.reports.briefing import Briefing, briefing

from .accessibility import Document

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module", params=["en", "fr"])
def result(request: pytest.FixtureRequest) -> Briefing:
    catalog = load_catalog()
    frameworks = [resolve_token(catalog, t) for t in ("uk", "au", "ca")]
    return briefing(MatcherIndex(catalog), frameworks, lang=request.param, today=datetime.date(2026, 1, 2))


def test_every_section_and_table_is_in_every_document(result: Briefing) -> None:
    markdown = str(export_briefing(result, OutputFormat.MARKDOWN))
    page = Document(str(export_briefing(result, OutputFormat.HTML)))
    book = openpyxl.load_workbook(io.BytesIO(bytes(export_briefing(result, OutputFormat.XLSX))))
    assert page.problems == []
    headings = [text for level, text in page.headings if level == 2]
    for section in result.sections():
        assert f"\n## {section.heading}\n" in markdown
        assert section.heading in headings
        assert section.heading in book.sheetnames
        sheet_text = {c.value for c in book[section.heading]["A"] if isinstance(c.value, str)}
        for captioned in section.tables:
            assert f"**{captioned.caption}**" in markdown
            assert captioned.caption in page.text
            assert captioned.caption in sheet_text


def test_the_documents_hold_the_same_links(result: Briefing) -> None:
    links = len(result.comparison.alignments)
    data = json.loads(export_briefing(result, OutputFormat.JSON))
    assert len(data["comparison"]["alignments"]) == links
    # The workbook's links table: one row per link, then one per item linked to nothing.
    book = openpyxl.load_workbook(io.BytesIO(bytes(export_briefing(result, OutputFormat.XLSX))))
    sheet = book[result.alignment().heading]
    (table,) = sheet.tables.values()
    rows = list(sheet[table.ref])[1:]
    relations = [row[6].value for row in rows if row[6].value]
    assert len(relations) == links
    # The Markdown's: the same rows in the same order.
    markdown = str(export_briefing(result, OutputFormat.MARKDOWN))
    caption = result.alignment().tables[0].caption
    block = markdown.split(f"**{caption}**", 1)[1].split("\n\n", 2)[1]
    assert len(block.splitlines()) - 2 == len(rows)
    # The page's: every link's pair of principles, each row once.
    page = str(export_briefing(result, OutputFormat.HTML))
    table_html = page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    assert table_html.count("<tr>") - 1 == len(rows)
