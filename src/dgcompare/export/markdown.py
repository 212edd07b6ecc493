"""Markdown export: a heading, a pipe table, a legend and the sources, catalog text escaped.

Catalog files are written by others: a title holding ``<b>`` or ``a | b`` must read as written, not turn into
markup or break the table, once the Markdown is pasted into a briefing and rendered.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dgcompare.export.base import Exportable
from dgcompare.i18n import decimal_cell, translator
from dgcompare.reports.base import Tabular, wording_notes

if TYPE_CHECKING:
    from dgcompare.reports.briefing import Briefing


_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")


def _literal(value: str) -> str:
    """Catalog text as it reads, whether rendered or pasted raw.

    Backslashes are escaped, and ``&`` and ``<`` where they would start an entity or a tag, so that no HTML and no
    entity passes through; elsewhere they stay as written ('digital & mobile', 'a -> b').
    """
    return _TAG.sub("&lt;", _ENTITY.sub("&amp;", value.replace("\\", "\\\\")))


def text(value: str) -> str:
    """Running text, literal; a leading ``*``, ``+``, ``-``, ``#`` or ``>`` escaped.

    So that it starts no list, heading or quotation.
    """
    escaped = _literal(value)
    return "\\" + escaped if escaped.startswith(("*", "+", "-", "#", ">")) else escaped


def cell(value: str) -> str:
    """A table cell, literal, with pipes and line breaks escaped so that the row stays one row."""
    return _literal(value).replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def dumps(result: Exportable) -> str:
    """``result`` as GitHub-flavoured Markdown: heading, table, conclusions, legend, then a citation of each source."""
    # A report without a language (validate) is in English.
    lang = getattr(result, "lang", "en")
    _ = translator(lang)
    table = result.table()
    # A caution comes first, as on screen: a reader who pastes the table alone must not lose it.
    caution = getattr(result, "caution", lambda: None)()
    lines = [
        f"# {text(result.heading())}",
        *(["", f"> {text(caution)}"] if caution else []),
        "",
        "| " + " | ".join(cell(h) for h in table.header) + " |",
        "| " + " | ".join("---" for __ in table.header) + " |",
    ]
    lines.extend("| " + " | ".join(cell(decimal_cell(c, lang)) for c in row) + " |" for row in table.rows)
    for paragraph in result.conclusions():
        lines.extend(["", text(paragraph)])
    # A note the legend already gives (a mark's meaning) is said once.
    legend = tuple(dict.fromkeys((*(x for x in result.legend() if x != caution), *wording_notes(result, lang))))
    if legend:
        lines.extend(["", "## " + _("Legend")])
        for paragraph in legend:
            lines.extend(["", text(paragraph)])
    sources, references = result.sources(), result.references()
    if sources or references:
        lines.extend(["", "## " + _("Sources"), ""])
        lines.extend(f"- {text(f.citation(lang))}" for f in sources)
        lines.extend(f"- {text(r.text)}" for r in references)
    return "\n".join(lines) + "\n"


def table_lines(table: Tabular, caption: str, lang: str) -> list[str]:
    """``table`` under its caption, as a pipe table for a reader of ``lang``."""
    return [
        f"**{text(caption)}**",
        "",
        "| " + " | ".join(cell(h) for h in table.header) + " |",
        "| " + " | ".join("---:" if i in table.numbers else "---" for i in range(len(table.header))) + " |",
        *("| " + " | ".join(cell(decimal_cell(c, lang)) for c in row) + " |" for row in table.rows),
    ]


def briefing(result: Briefing) -> str:
    """A briefing as one Markdown document: a title, then each section with its paragraphs and tables."""
    lines = [f"# {text(result.heading())}"]
    for section in result.sections():
        lines.extend(["", f"## {text(section.heading)}"])
        for paragraph in section.paragraphs:
            lines.extend(["", text(paragraph)])
        if section.points:
            lines.append("")
            lines.extend(f"- {text(point)}" for point in section.points)
        for captioned in section.tables:
            lines.extend(["", *table_lines(captioned.table, captioned.caption, result.lang)])
    return "\n".join(lines) + "\n"
