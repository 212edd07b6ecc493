"""CSV export: one header row, then one row per record of the result's flat table, and nothing else.

Spreadsheets expect one table per file, so the citations are not appended below it: every row that names a
principle carries its URL in the table itself (the result's ``table()`` gives it).

Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe
(OWASP's advice on CSV injection), because exports are opened in Excel by people who did not
write the catalog files.
"""

from __future__ import annotations

import csv
import io

from dgcompare.export.base import Exportable
from dgcompare.i18n import comma_decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a cell that would start a spreadsheet formula with an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


DELIMITERS = (",", ";", "\t")
"""The delimiters offered: ``;`` is what Excel expects where the decimal separator is a comma (French)."""


def dumps(result: Exportable, delimiter: str = ",") -> str:
    """``result``'s table as CSV text, with CRLF line ends as RFC 4180 and Excel expect.

    Args:
        result: the report.
        delimiter: one of :data:`DELIMITERS`.
    """
    if delimiter not in DELIMITERS:
        raise ValueError(f"{delimiter!r} is not a CSV delimiter dgcompare writes")
    table = result.table()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(table.header)
    # Where cells are split on ';', Excel reads a decimal point as text: such a file is for comma-decimal locales.
    decimal = comma_decimal if delimiter == ";" else str
    writer.writerows([neutralise(decimal(cell)) for cell in row] for row in table.rows)
    return buffer.getvalue()
