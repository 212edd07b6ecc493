"""``dgcompare validate``: the files checked and every problem found.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field

from dgcompare.errors import Problem
from dgcompare.reports.base import Record, Report, Tabular

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class ProblemRecord(Record):
    """One problem found in a catalog or crosswalk file."""

    path: str = Field(description="the file, as the catalog names it")
    line: int | None = Field(description="the line, from 1, where known")
    column: int | None = Field(description="the column, from 1, where known")
    field: str = Field(description="the dotted path of the value, e.g. frameworks[0].principles[3].title")
    code: str = Field(description="a stable kebab-case code for the kind of problem: schema, duplicate-id...")
    message: str = Field(description="what is wrong")
    fix: str = Field(description="how to fix it")


class ValidationReport(Report):
    """What ``dgcompare validate`` found: the files checked and every problem."""

    files: tuple[str, ...]
    jurisdictions: int
    frameworks: int
    principles: int
    crosswalks: int = 0
    problems: tuple[Problem, ...]

    record_type = ProblemRecord

    def records(self) -> tuple[ProblemRecord, ...]:
        """One record per problem."""
        return tuple(
            ProblemRecord(
                path=p.path, line=p.line, column=p.column, field=p.field, code=p.code, message=p.message, fix=p.fix
            )
            for p in self.problems
        )

    def brief(self) -> str:
        """``12 files, 0 problems``."""
        return self.heading().removeprefix("Validation: ")

    def view(self) -> "ValidationView":
        """Every problem and the verdict, as ``dgcompare validate`` prints them."""
        return ValidationView(self)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def heading(self) -> str:
        """``Validation:`` and the verdict."""
        files = f"{len(self.files)} file{'' if len(self.files) == 1 else 's'}"
        problems = f"{len(self.problems)} problem{'' if len(self.problems) == 1 else 's'}"
        return f"Validation: {files}, {problems}"

    def table(self) -> Tabular:
        """One row per problem."""
        return Tabular(
            ("file", "line", "column", "field", "code", "message", "fix"),
            tuple(
                (p.path, str(p.line or ""), str(p.column or ""), p.field, p.code, p.message, p.fix)
                for p in self.problems
            ),
        )


@dataclass(frozen=True)
class ValidationView:
    """``dgcompare validate``: every problem, then a one-line verdict."""

    report: ValidationReport

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich.console import Group
        from rich.text import Text

        from dgcompare.render import counted
        from dgcompare.render.errors import problem_text

        parts: list[Text] = [problem_text(p) for p in self.report.problems]
        r = self.report
        counts = ", ".join(
            counted(n, noun)
            for n, noun in (
                (r.jurisdictions, "jurisdiction"),
                (r.frameworks, "framework"),
                (r.principles, "principle"),
                (r.crosswalks, "crosswalk"),
            )
        )
        files = counted(len(r.files), "file")
        if r.ok:
            parts.append(Text.assemble(("OK", "dg.ok"), f": {files} valid ({counts})."))
        else:
            bad = len({p.path for p in r.problems})
            parts.append(Text.assemble((counted(len(r.problems), "problem"), "dg.error"), f" in {bad} of {files}."))
        yield Group(*parts)
