"""What an exporter needs from a result."""

from __future__ import annotations

from typing import Any, Protocol

from dgcompare.reports.base import Tabular


class Exportable(Protocol):
    """A result: a JSON form (Pydantic's ``model_dump``) and a flat table."""

    def model_dump(self, *, mode: str = ...) -> dict[str, Any]: ...  # noqa: D102

    def table(self) -> Tabular: ...  # noqa: D102
