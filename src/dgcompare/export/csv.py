"""CSV export: one header row, then one row per record of the result's flat table.

Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe
(OWASP's advice on CSV injection), because exports are opened in Excel by people who did not
write the catalog files.
"""

from __future__ import annotations

import csv
import io

from dgcompare.export.base import Exportable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a cell that would start a spreadsheet formula with an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def dumps(result: Exportable) -> str:
    """``result``'s table as CSV text, with CRLF line ends as RFC 4180 and Excel expect."""
    table = result.table()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows([neutralise(cell) for cell in row] for row in table.rows)
    return buffer.getvalue()
