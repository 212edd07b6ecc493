"""One family of errors, each carrying where the problem is and how to fix it.

Every error dgcompare raises on purpose is a :class:`DgcompareError`. The CLI prints it without a
traceback and exits with its ``exit_code``; library users can catch the base class.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file.

    Attributes:
        path: the file, as the user named it.
        line: 1-based line, or None when the problem concerns the whole file.
        column: 1-based column, or None.
        field: where the offending value is, in words, items counted from 1, e.g.
            ``framework 1 (uk-dss), principle 4 (number 4), title``.
        message: what is wrong, in plain English.
        fix: how to fix it.
        code: a stable kebab-case code (``schema``, ``duplicate-key``...) for scripts and tests.
    """

    path: str
    line: int | None
    column: int | None
    field: str
    message: str
    fix: str = ""
    code: str = "schema"

    @property
    def location(self) -> str:
        """``path:line:column``, with as much as is known."""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        fix = f" (fix: {self.fix})" if self.fix else ""
        return f"{self.location}: {field}{self.message}{fix}"


MISSING_PATH = "missing-path"
"""The code of a named file or directory that does not exist."""
NO_CATALOG_FILES = "no-catalog-files"
"""The code of a named directory where dgcompare finds no catalog file to read."""
PATH_CODES = frozenset({MISSING_PATH, NO_CATALOG_FILES})
"""Problems of a path the user named rather than of a file's contents: never located in a file."""


class DgcompareError(Exception):
    """Base of every error dgcompare raises on purpose."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        # A library caller sees str(): the hint ("did you mean 'uk'?") is often the most useful part.
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(DgcompareError):
    """Bad usage or bad input: exit code 2."""

    code = "input"
    exit_code = 2


class CatalogError(InputError):
    """One or more catalog or crosswalk files are invalid; carries every problem found.

    ``listed`` holds the problems to show one by one under the summary: all of them, except a lone problem
    of a named path (one that does not exist, a directory with no catalog file), which the summary says
    whole, so that it is said once.
    """

    code = "catalog"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems), key=_problem_order))
        # A path problem is not a file with a problem: counted apart so that the counts stay true.
        missing = [p for p in self.problems if p.code == MISSING_PATH]
        empty = [p for p in self.problems if p.code == NO_CATALOG_FILES]
        located = [p for p in self.problems if p.code not in PATH_CODES]
        self.listed = self.problems
        if len(self.problems) == 1 and not located:
            (only,) = self.problems
            self.listed = ()
            super().__init__(f"{only.path}: {only.message}", hint=only.fix)
            return
        parts = []
        if located:
            files, count = len({p.path for p in located}), len(located)
            parts.append(f"{count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}")
        # Counts only: each path is listed above with its fix.
        if missing:
            parts.append(f"{len(missing)} path{' does' if len(missing) == 1 else 's do'} not exist")
        if empty:
            parts.append(f"{len(empty)} director{'y holds' if len(empty) == 1 else 'ies hold'} no catalog file")
        hint = "fix the files listed above, then run `dgcompare validate`" if located else ""
        super().__init__("; ".join(parts), hint=hint)

    def __str__(self) -> str:
        # The summary, then every located problem: in a notebook there is no list "above".
        if not self.listed:
            return super().__str__()
        return "\n".join([self.message, *(str(p) for p in self.listed)])


class LexiconError(DgcompareError):
    """A word list of :mod:`dgcompare.lexicon` is malformed or contradicts itself; carries every problem found.

    The lists ship with dgcompare, so this is a defect of the package (or of an edit to it), not of the
    user's input. ``str()`` gives the summary and every located problem.
    """

    code = "lexicon"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems), key=_problem_order))
        count = len(self.problems)
        super().__init__(
            f"{count} problem{'s' * (count != 1)} in dgcompare's word lists",
            hint="fix the lines listed; the format is described at the top of each file",
        )

    def __str__(self) -> str:
        return "\n".join([self.message, *(str(p) for p in self.problems)])


class UnknownTokenError(InputError):
    """A command-line token names no jurisdiction, framework or principle."""

    code = "unknown-token"


class OutputError(DgcompareError):
    """An output file could not be written."""

    code = "output"
    exit_code = 1


class ChecksFailed(DgcompareError):
    """A check the user asked for failed (e.g. ``gaps --fail-on-gaps``)."""

    code = "check-failed"
    exit_code = 3


def _problem_order(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.path, problem.line or 0, problem.column or 0, problem.field, problem.message)
