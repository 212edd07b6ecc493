"""Exporters: results as text in a file format. One module per format, standard library only."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from dgcompare.export.base import Exportable
    from dgcompare.reports.briefing import Briefing


class OutputFormat(StrEnum):
    """Every ``--format`` value. ``table``, ``html`` and ``svg`` are rendered views; the rest are exports.

    ``xlsx`` is a briefing's alone (``dgcompare brief``): a workbook of its sections.
    """

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    SVG = "svg"
    XLSX = "xlsx"

    @classmethod
    def from_suffix(cls, suffix: str) -> OutputFormat | None:
        """The format an output file's suffix implies (``.csv`` -> csv), if any."""
        return _SUFFIXES.get(suffix.lower())

    @property
    def suffix(self) -> str:
        """The usual suffix of a file in this format (``table`` is plain text: ``.txt``)."""
        return next(suffix for suffix, fmt in _SUFFIXES.items() if fmt is self)


_SUFFIXES = {  # the first suffix of each format is its usual one
    ".json": OutputFormat.JSON,
    ".csv": OutputFormat.CSV,
    ".md": OutputFormat.MARKDOWN,
    ".markdown": OutputFormat.MARKDOWN,
    ".html": OutputFormat.HTML,
    ".htm": OutputFormat.HTML,
    ".svg": OutputFormat.SVG,
    ".txt": OutputFormat.TABLE,
    ".xlsx": OutputFormat.XLSX,
}
REPORT_FORMATS = tuple(f for f in OutputFormat if f is not OutputFormat.XLSX)
"""What the reports other than a briefing write."""


def export(result: Exportable, fmt: OutputFormat, *, csv_delimiter: str = ",") -> str:
    """``result`` as text in ``fmt``, for the formats that need no rendering; CSV cells split by ``csv_delimiter``."""
    from dgcompare.export import csv, json, markdown

    match fmt:
        case OutputFormat.JSON:
            return json.dumps(result)
        case OutputFormat.CSV:
            return csv.dumps(result, csv_delimiter)
        case OutputFormat.MARKDOWN:
            return markdown.dumps(result)
        case OutputFormat.TABLE | OutputFormat.HTML | OutputFormat.SVG | OutputFormat.XLSX:
            raise ValueError(f"{fmt} is a rendered view, not an export")
        case _:
            assert_never(fmt)


def export_briefing(result: Briefing, fmt: OutputFormat) -> str | bytes:
    """A briefing as a document in ``fmt``: Markdown, JSON, or a workbook (bytes)."""
    from dgcompare.export import json, markdown, xlsx

    match fmt:
        case OutputFormat.MARKDOWN:
            return markdown.briefing(result)
        case OutputFormat.JSON:
            return json.dumps(result)
        case OutputFormat.XLSX:
            return xlsx.dumps(result)
        case _:
            raise ValueError(f"a briefing is not written as {fmt}")
