"""How errors look on the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from dgcompare.errors import CatalogError, DgcompareError, LexiconError, Problem


def problem_text(problem: Problem) -> Text:
    """``path:line:col: field: message`` then an indented fix."""
    text = Text.assemble((problem.location, "dg.location"), ": ")
    if problem.field:
        text.append(f"{problem.field}: ")
    text.append(problem.message)
    if problem.fix:
        text.append("\n  fix: ", style="dg.fix")
        text.append(problem.fix)
    return text


def error_view(error: DgcompareError) -> RenderableType:
    """The whole message for an error: each located problem, then a one-line summary and a hint."""
    parts: list[RenderableType] = []
    if isinstance(error, CatalogError | LexiconError):
        parts.extend(problem_text(p) for p in error.problems)
    line = Text.assemble(("error", "dg.error"), ": ", error.message)
    if error.hint:
        line.append(f" ({error.hint})", style="dg.muted")
    parts.append(line)
    return Group(*parts)
