"""Workbook export of a briefing: one sheet per section, each table an Excel table with its own filter.

Written with XlsxWriter, the optional extra ``dgcompare[office]``, imported only when a workbook is asked for.
Every text cell is written as text, never as a formula: a title starting with ``=`` or ``@`` stays a title.
Numbers are written as numbers where the table says a column holds them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from dgcompare.errors import OutputError
from dgcompare.export import palette
from dgcompare.i18n import translator
from dgcompare.reports.matrix import level_word

if TYPE_CHECKING:
    from dgcompare.reports.base import Tabular
    from dgcompare.reports.briefing import Briefing, Section

EXTRA = "office"
WIDEST = 60
"""The widest a column gets, in characters; longer text wraps."""
NOTE_COLUMNS = 8
"""The columns a note spans."""
NOTE_WIDTH = 120
"""About how many characters of a note fit on one line of its span."""
HEATMAP = {level: (swatch.background, swatch.text) for level, swatch in palette.LEVELS.items()}
"""Fill and text colour per heatmap level, those of the HTML and SVG documents; each cell also names its level."""


def dumps(result: Briefing) -> bytes:
    """``result`` as an ``.xlsx`` workbook.

    Raises:
        OutputError: XlsxWriter is not installed (the hint names the extra that installs it).
    """
    try:
        import xlsxwriter  # type: ignore[import-untyped]
    except ImportError:
        raise OutputError(
            "writing a workbook (.xlsx) needs XlsxWriter, which is not installed",
            hint=f"pip install 'dgcompare[{EXTRA}]', or write .html or .md instead",
        ) from None
    buffer = io.BytesIO()
    # No formula, no URL guessed from text: every string is written as the text it is.
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    method = result.method
    _ = translator(result.lang)
    workbook.set_properties(
        {
            "title": result.heading(),
            "author": f"dgcompare {method.version}",
            "created": _midnight(method.date),
            "comments": _("Written by dgcompare {version} on {date}.").format(
                version=method.version, date=method.date.isoformat()
            ),
        }
    )
    styles = _Styles(workbook)
    levels = {level_word(level, result.lang): colours for level, colours in HEATMAP.items()}
    for section in result.sections():
        _sheet(workbook, section, styles, levels if section.key == "heatmap" else {}, _("Notes"))
    workbook.close()
    return buffer.getvalue()


class _Styles:
    def __init__(self, workbook: Any) -> None:
        self.heading = workbook.add_format({"bold": True, "font_size": 14})
        self.caption = workbook.add_format({"bold": True})
        self.text = workbook.add_format({"valign": "top"})
        self.wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
        self.number = workbook.add_format({"valign": "top"})
        self.score = workbook.add_format({"valign": "top", "num_format": "0.00"})
        self.link = workbook.add_format({"valign": "top", "font_color": palette.LINK, "underline": 1})
        self.note = workbook.add_format({"valign": "top", "text_wrap": True})
        self.workbook = workbook


def _sheet(workbook: Any, section: Section, styles: _Styles, levels: dict[str, tuple[str, str]], notes: str) -> None:
    """The section's heading, its notes (paragraphs and key points) first, then its tables, each with a caption.

    A sheet of one table freezes its header with the notes above it; a sheet of several freezes only the heading,
    since a frozen header would stand above the other tables' rows.
    """
    sheet = workbook.add_worksheet(_sheet_name(section.heading))
    sheet.write_string(0, 0, section.heading, styles.heading)
    row = 1
    widths: dict[int, int] = {}
    lines = (*section.paragraphs, *(f"• {point}" for point in section.points))
    if lines:
        sheet.write_string(row, 0, notes, styles.caption)
        row += 1
        for line in lines:
            # Notes run across the sheet, wrapped, in a row tall enough for them.
            sheet.merge_range(row, 0, row, NOTE_COLUMNS - 1, line, styles.note)
            sheet.set_row(row, 15 * (1 + len(line) // NOTE_WIDTH))
            row += 1
        row += 1
    if len(section.tables) > 1:
        sheet.freeze_panes(1, 0)
    for position, captioned in enumerate(section.tables):
        sheet.write_string(row, 0, captioned.caption, styles.caption)
        row += 1
        if len(section.tables) == 1:
            sheet.freeze_panes(row + 1, 0)  # the table's header stays in view
        coloured = levels if position == 0 else {}  # the heatmap's grid, not the list of principles after it
        row = _table(sheet, row, captioned.table, styles, widths, coloured, f"{section.key}{position + 1}")
        row += 1
    for column, width in widths.items():
        sheet.set_column(column, column, width)


def _table(
    sheet: Any,
    top: int,
    table: Tabular,
    styles: _Styles,
    widths: dict[int, int],
    levels: dict[str, tuple[str, str]],
    name: str,
) -> int:
    """Write ``table`` with its header at row ``top`` as an Excel table; the row after it."""
    last = top + max(len(table.rows), 1)
    sheet.add_table(
        top,
        0,
        last,
        len(table.header) - 1,
        {
            "name": name,
            "style": "Table Style Light 1",
            "autofilter": True,
            "columns": [{"header": _unique(table.header, i)} for i in range(len(table.header))],
        },
    )
    for column, header in enumerate(table.header):
        widths[column] = max(widths.get(column, 0), min(len(header) + 4, WIDEST))
    for offset, cells in enumerate(table.rows, start=1):
        for column, value in enumerate(cells):
            widths[column] = max(widths[column], min(len(value) + 2, WIDEST))
            _cell(sheet, top + offset, column, value, column in table.numbers, styles)
    if levels and table.rows:
        for word, (fill, colour) in levels.items():
            sheet.conditional_format(
                top + 1,
                1,
                last,
                len(table.header) - 2,
                {
                    "type": "text",
                    "criteria": "begins with",
                    "value": word,
                    "format": styles.workbook.add_format({"bg_color": fill, "font_color": colour}),
                },
            )
    return last + 1


def _cell(sheet: Any, row: int, column: int, value: str, number: bool, styles: _Styles) -> None:
    if value == "":
        return
    if number:
        try:
            sheet.write_number(row, column, float(value), styles.score if "." in value else styles.number)
            return
        except ValueError:
            pass  # a word in a number column (n.d.) stays a word
    if value.startswith(("https://", "http://")) and " " not in value and len(value) <= 2079:
        sheet.write_url(row, column, value, styles.link, string=value)
        return
    # Long text wraps within the column's capped width rather than running under its neighbours.
    sheet.write_string(row, column, value, styles.wrapped if len(value) > WIDEST else styles.text)


def _unique(header: tuple[str, ...], position: int) -> str:
    """A table header must be unique in its table: a repeated one gets its position after it."""
    name = header[position]
    return name if header.count(name) == 1 else f"{name} ({position + 1})"


def _sheet_name(heading: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of the characters it forbids."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in heading)
    return cleaned[:31]


def _midnight(day: Any) -> Any:
    import datetime

    return datetime.datetime.combine(day, datetime.time())
