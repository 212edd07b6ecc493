"""What an exporter needs from a result."""

from __future__ import annotations

from typing import Any, Protocol

from dgcompare.reports.base import FrameworkSummary, Tabular


class Exportable(Protocol):
    """A report's result (:class:`dgcompare.reports.base.Report`): its JSON form and what the other formats show.

    The JSON form is Pydantic's ``model_dump``; CSV is the flat table alone; Markdown adds the heading, the
    legend and the citations of the sources.
    """

    def model_dump(self, *, mode: str = ...) -> dict[str, Any]: ...  # noqa: D102

    def heading(self) -> str: ...  # noqa: D102

    def table(self) -> Tabular: ...  # noqa: D102

    def legend(self) -> tuple[str, ...]: ...  # noqa: D102

    def sources(self) -> tuple[FrameworkSummary, ...]: ...  # noqa: D102
