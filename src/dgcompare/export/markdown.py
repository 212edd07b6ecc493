"""Markdown export: a pipe table, with the characters that would break it escaped."""

from __future__ import annotations

from dgcompare.export.base import Exportable


def cell(text: str) -> str:
    """A table cell: pipes, backslashes and line breaks escaped so the row stays one row."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def dumps(result: Exportable) -> str:
    """``result``'s table as a GitHub-flavoured Markdown table."""
    table = result.table()
    lines = [
        "| " + " | ".join(cell(h) for h in table.header) + " |",
        "| " + " | ".join("---" for _ in table.header) + " |",
    ]
    lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows)
    return "\n".join(lines) + "\n"
