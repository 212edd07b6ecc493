"""HTML export: a self-contained, accessible document drawn from a Jinja2 template, autoescaped.

Every report has a page: the generic ``report.html.j2`` shows what the :class:`~dgcompare.export.base.Exportable`
protocol gives (heading, flat table, legend, sources); the comparison, the gaps and the heatmap have templates of
their own that show their structure. All extend ``base.html.j2``, whose macros (``macros.html.j2``) any document
may reuse. Templates compute nothing: they show what the result holds, in the words of its language.

The document loads nothing: its one stylesheet is inline, it has no script, image or web font, and every
address it holds is a hyperlink to a source.

A document of several sections (a briefing) is one more template: it extends ``base.html.j2``, imports the
macros ``with context``, puts each part in ``m.section(id, heading, 2, "chapter")`` (a new page when printed)
and reuses ``m.frameworks_table``, ``m.data_table``, ``m.heatmap_table`` / ``m.level_swatches`` (or the
chart itself: ``heatmap_svg(matrix, id)``), ``m.legend`` and ``m.sources`` with their ``level`` and ``id``;
then its result's class name goes into :data:`TEMPLATES`.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from dgcompare import __version__
from dgcompare.export import palette
from dgcompare.i18n import date_text, decimal, decimal_cell, plural_translator, score_text, translator
from dgcompare.reports.base import (
    counted_items,
    item_word,
    kind_label,
    label_in,
    left_out,
    marked,
    relation_word,
    shown,
    source_word,
    wording_notes,
)
from dgcompare.reports.coverage import origin_word
from dgcompare.reports.gaps import coverage_word
from dgcompare.reports.matrix import level_word

if TYPE_CHECKING:
    from dgcompare.export.base import Exportable

TEMPLATES = {
    "Comparison": "comparison.html.j2",
    "GapReport": "gaps.html.j2",
    "CoverageMatrix": "matrix.html.j2",
    "PairExplanation": "explanation.html.j2",
    "Briefing": "briefing.html.j2",
}
"""The results that have a page of their own, by class name; every other result gets ``report.html.j2``."""
GENERIC = "report.html.j2"
_URL = re.compile(r"https?://\S+\Z")


def template_for(result: object) -> str:
    """The template that draws ``result``."""
    return TEMPLATES.get(type(result).__name__, GENERIC)


def is_url(value: object) -> bool:
    """True for a string that is one web address and nothing else: a table shows it as a link."""
    return isinstance(value, str) and _URL.match(value) is not None


def linked(text: str, urls: Iterable[str | None]) -> Markup:
    """``text`` escaped, with each of ``urls`` in it made a link to itself (a citation's addresses)."""
    wanted = sorted({u for u in urls if u}, key=len, reverse=True)
    if not wanted:
        return escape(text)
    pattern = re.compile("|".join(re.escape(u) for u in wanted))
    parts: list[str] = []
    position = 0
    for found in pattern.finditer(text):
        parts.append(escape(text[position : found.start()]))
        parts.append(Markup('<a href="{0}">{0}</a>').format(found.group()))
        position = found.end()
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def px(value: float) -> str:
    """A coordinate for SVG: at most one decimal, none when whole (``12``, ``12.5``)."""
    return f"{value:.1f}".removesuffix(".0")


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment: templates shipped in the package, autoescaped, strict about missing names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dgcompare", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        counted_items=counted_items,
        decimal=decimal,
        decimal_cell=decimal_cell,
        score_text=score_text,
        coverage_word=coverage_word,
        is_url=is_url,
        item_word=item_word,
        kind_label=kind_label,
        label_in=label_in,
        left_out=left_out,
        level_word=level_word,
        linked=linked,
        marked=marked,
        origin_word=origin_word,
        relation_word=relation_word,
        shown=shown,
        source_word=source_word,
        wording_notes=wording_notes,
        palette=palette,
    )
    env.filters["px"] = px
    env.globals["heatmap_svg"] = _heatmap_svg
    return env


def _heatmap_svg(matrix: Any, id: str = "heatmap") -> Markup:
    from dgcompare.export.svg import figure

    return figure(matrix, id=id)


def render(template: str, lang: str, **context: Any) -> str:
    """Render ``template`` for a reader of ``lang``: ``_`` and ``n_`` translate, ``lang`` is the page's language."""
    return (
        environment()
        .get_template(template)
        .render(lang=lang, _=translator(lang), n_=plural_translator(lang), **context)
    )


def dumps(result: Exportable, *, generated: datetime.date | None = None, version: str = __version__) -> str:
    """``result`` as one HTML document; its footer names dgcompare ``version`` and the date ``generated`` (today)."""
    # A report without a language (validate) is in English.
    lang = getattr(result, "lang", "en")
    when = generated or datetime.date.today()
    return render(template_for(result), lang, result=result, generated=date_text(when, lang), version=version)
