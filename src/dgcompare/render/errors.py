"""How errors look on the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from dgcompare.errors import CatalogError, DgcompareError, LexiconError, Problem

ERROR = "Error"
"""How every error message starts: as Click (in Typer) starts its usage errors, which cannot be changed."""
WARNING = "Warning"


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
    if isinstance(error, CatalogError):
        parts.extend(problem_text(p) for p in error.listed)
    elif isinstance(error, LexiconError):
        parts.extend(problem_text(p) for p in error.problems)
    parts.append(message_line(ERROR, error.message, error.hint))
    return Group(*parts)


def warning_view(message: str, hint: str = "") -> RenderableType:
    """A warning: the command goes on, but it was probably not what the user meant."""
    return message_line(WARNING, message, hint)


def message_line(prefix: str, message: str, hint: str = "") -> Text:
    """``Prefix: message (hint)``, the one shape of every message on standard error."""
    line = Text.assemble((prefix, "dg.error" if prefix == ERROR else "dg.warning"), ": ", message)
    if hint:
        line.append(f" ({hint})", style="dg.muted")
    return line
