"""What an exporter needs from a result."""

from __future__ import annotations

from typing import Any, Protocol

from dgcompare.reports.base import FrameworkSummary, Reference, Tabular


class Exportable(Protocol):
    """A report's result (:class:`dgcompare.reports.base.Report`): its JSON form and what the other formats show.

    The JSON form is Pydantic's ``model_dump``; CSV is the flat table alone; Markdown adds the heading, the
    legend and the citations of the sources.
    """

    def model_dump(self, *, mode: str = ...) -> dict[str, Any]:
        """The result as plain data: the JSON export, keys sorted."""
        ...

    def heading(self) -> str:
        """What the report is, in one line: the Markdown's title."""
        ...

    def table(self) -> Tabular:
        """The report as one flat table: the CSV, and the Markdown's table."""
        ...

    def legend(self) -> tuple[str, ...]:
        """What the report's marks and levels mean: the Markdown's legend."""
        ...

    def conclusions(self) -> tuple[str, ...]:
        """What the report says beyond its table: paragraphs under the Markdown's table."""
        ...

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks the report draws on: the Markdown's sources, cited."""
        ...

    def references(self) -> tuple[Reference, ...]:
        """The other sources the report cites: listed under the Markdown's and the document's sources."""
        ...
