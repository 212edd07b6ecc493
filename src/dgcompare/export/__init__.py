"""Exporters: results as text in a file format. One module per format; HTML and SVG are drawn from templates."""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from dgcompare.export.base import Exportable
    from dgcompare.reports.briefing import Briefing


class OutputFormat(StrEnum):
    """Every ``--format`` value. ``table`` is the terminal's view; the rest are exports of the result.

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


def export(
    result: Exportable, fmt: OutputFormat, *, csv_delimiter: str = ",", generated: datetime.date | None = None
) -> str:
    """``result`` as text in ``fmt``; CSV cells split by ``csv_delimiter``; a document dated ``generated`` (today).

    Raises:
        ValueError: ``fmt`` is ``table`` (a view of the terminal's), or ``svg`` for a result with no chart.
    """
    match fmt:
        case OutputFormat.JSON:
            from dgcompare.export import json

            return json.dumps(result)
        case OutputFormat.CSV:
            from dgcompare.export import csv

            return csv.dumps(result, csv_delimiter)
        case OutputFormat.MARKDOWN:
            from dgcompare.export import markdown

            return markdown.dumps(result)
        case OutputFormat.HTML:
            from dgcompare.export import html  # Jinja2 is imported only when a document is asked for

            return html.dumps(result, generated=generated)
        case OutputFormat.SVG:
            from dgcompare.export import svg

            return svg.dumps(result)
        case OutputFormat.TABLE | OutputFormat.XLSX:
            raise ValueError(f"{fmt} is a rendered view, not an export")
        case _:
            assert_never(fmt)


def export_briefing(result: Briefing, fmt: OutputFormat | str) -> str | bytes:
    """A briefing as a document in ``fmt``: HTML, Markdown, JSON, or a workbook (bytes); dated as the briefing is.

    Raises:
        InputError: ``fmt`` is not one of those.
    """
    from dgcompare.export import json, markdown, xlsx

    # A format's name or its suffix's ("markdown" or "md") will do.
    chosen = OutputFormat(fmt) if fmt in set(OutputFormat) else OutputFormat.from_suffix(f".{fmt}")
    match chosen:
        case OutputFormat.HTML:
            from dgcompare.export import html

            return html.dumps(result, generated=result.method.date)
        case OutputFormat.MARKDOWN:
            return markdown.briefing(result)
        case OutputFormat.JSON:
            return json.dumps(result)
        case OutputFormat.XLSX:
            return xlsx.dumps(result)
        case _:
            from dgcompare.errors import InputError

            raise InputError(
                f"a briefing is not written as {fmt}", hint="formats: html, markdown, json, xlsx (OutputFormat)"
            )
