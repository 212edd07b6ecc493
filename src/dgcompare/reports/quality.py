"""The matcher's measured quality as shipped (``data/method/quality.yaml``), and the caution it backs.

Reports quote these figures rather than adjectives: a briefing lists them all; ``show``, ``gaps``, ``explain``
and ``brief`` warn where an equivalent they show was inferred between frameworks of different kinds, or with a
framework the matcher read in a language other than English or French, quoting what such equivalents proved worth
where a set measures them.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
import datetime
import functools
import importlib.resources
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from dgcompare.i18n import plural_translator, translator
from dgcompare.matcher import MatcherIndex
from dgcompare.matcher.settings import PROGRAMME_KINDS
from dgcompare.reports.base import Alignment, FrameworkSummary, Result, kind_label, reason_in


class QualityFigure(Result):
    """How well the matcher did on one hand-labelled set (``bench/matcher_quality.py``, curated links off)."""

    id: str
    label: str
    label_fr: str
    pairs: int
    """Labelled principle pairs in the set."""
    precision: float
    recall: float
    f1: float
    measured_between: tuple[str, str] | None = None
    """The two kinds of framework the set joins where they differ (a strategy's principles and service
    standards): what an inferred equivalent between those kinds is worth."""
    equivalents: int | None = None
    """How many pairs the matcher called equivalent on the set (``precision`` of them were right)."""
    language: str | None = None
    """The one language the set's own framework is written in, aligned with English sets (None: English)."""

    @property
    def right(self) -> int:
        """How many of the set's :attr:`equivalents` were labelled the same commitment."""
        assert self.equivalents is not None
        return round(self.precision * self.equivalents)

    def label_in(self, lang: str) -> str:
        """The set's name in ``lang``."""
        return self.label_fr if lang == "fr" else self.label


@functools.cache
def load_quality() -> tuple[datetime.date, tuple[QualityFigure, ...]]:
    """The matcher's measured quality, as shipped with the package (``data/method/quality.yaml``).

    Read once: a briefing's reports each ask for it, and package data does not change while a run lasts.
    """
    import yaml

    text = (importlib.resources.files("dgcompare") / "data" / "method" / "quality.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return data["measured"], tuple(QualityFigure.model_validate(s) for s in data["sets"])


class KindGroup(Result):
    """The frameworks of one kind among those a report holds."""

    kind: str
    frameworks: tuple[str, ...]


class Caution(Result):
    """Inferred equivalents a report shows that deserve a second look, and what such equivalents proved worth."""

    equivalents: int
    """How many of the report's inferred equivalents the caution counts."""
    pairs: tuple[tuple[str, str], ...] = ()
    """The pairs of frameworks they join, each once, in the order first met."""

    def sentence(self, lang: str, before: "Caution | None" = None) -> str:
        """The caution in ``lang``: which equivalents, and what was measured of such ones; :func:`said` adds advice.

        ``before`` is the caution said just before it, whose equivalents it may count again.
        """
        raise NotImplementedError

    def counted_by(self, before: "Caution | None") -> bool:
        """Whether every equivalent this caution counts was counted by ``before`` already: it joins only their pairs."""
        return before is not None and set(self.pairs) <= set(before.pairs)

    def note(self, lang: str) -> str:
        """What a table row says of a link :meth:`marks`: a spreadsheet keeps the row, not the report's caution."""
        raise NotImplementedError

    def marks(self, a: str, b: str, link: "_Link") -> bool:
        """Whether ``link``, between frameworks ``a`` and ``b``, is one of the equivalents this caution counts."""
        return link.relation == "equivalent" and link.source == "inferred" and self.joins(a, b)

    def joins(self, a: str, b: str) -> bool:
        """Whether some of these equivalents join frameworks ``a`` and ``b`` (either way round)."""
        return (a, b) in self.pairs or (b, a) in self.pairs


def said(cautions: Iterable["Caution | None"], lang: str) -> str:
    """Each caution's sentence, then, once, what to do about such equivalents ('' when there is no caution)."""
    present = [c for c in cautions if c is not None]
    sentences = [c.sentence(lang, before) for c, before in zip(present, [None, *present], strict=False)]
    if not sentences:
        return ""
    _ = translator(lang)
    return " ".join((*sentences, _("Read such an equivalent as a candidate and check it against the sources.")))


def lead(cautions: Iterable["Caution | None"], lang: str) -> str | None:
    """What a report leads with: ``Caution:`` and :func:`said`; None when there is no caution."""
    text = said(cautions, lang)
    if not text:
        return None
    _ = translator(lang)
    return _("Caution: {what}").format(what=text)


class KindsCaution(Caution):
    """Equivalents the matcher inferred between frameworks of different kinds, and what such equivalents are worth.

    What they are worth is measured where hand-labelled sets join a programme (a strategy, a law) to a practice (a
    service standard), which the matcher holds to one bar whatever the programme's kind.
    """

    kinds: tuple[KindGroup, ...]
    """The frameworks such equivalents join, by kind, in the report's order."""
    measured: tuple[QualityFigure, ...] = ()
    """The sets measured between a programme and a practice, where such equivalents join one to the other (none: no
    set measures them)."""
    unmeasured: tuple[tuple[str, str], ...] = ()
    """Where some sets are measured, the pairs of frameworks they do not speak for: two practices of different kinds
    (a service standard and design principles)."""

    def sentence(self, lang: str, before: Caution | None = None) -> str:
        """The caution in ``lang``: what is across kinds, and what was measured there."""
        _, n_ = translator(lang), plural_translator(lang)
        groups = by_kind(self.kinds, lang)
        parts = [
            n_(
                "{count} equivalent inferred by the matcher, not taken from a curated crosswalk, joins frameworks of "
                "different kinds ({kinds}).",
                "{count} equivalents inferred by the matcher, not taken from a curated crosswalk, join frameworks of "
                "different kinds ({kinds}).",
                self.equivalents,
            ).format(count=self.equivalents, kinds=groups)
        ]
        findings: list[str] = []
        for q in self.measured:
            found = {"set": _lowered(q.label_in(lang)), "right": q.right, "count": q.equivalents}
            findings.append(
                _("on the {set}, {right} of the {count}").format(**found)
                if findings
                else _(
                    "on the {set}, {right} of the {count} equivalents the matcher inferred were labelled the same "
                    "commitment"
                ).format(**found)
            )
        if findings:
            parts.append(
                _(
                    "Measured between a programme (a strategy, law, declaration, charter or recommendation) and a "
                    "practice (a standard, design or technology principles): {findings}; the others were an overlap or "
                    "unrelated."
                ).format(findings=_("; ").join(findings))
            )
        if not self.measured:
            parts.append(_("No hand-labelled set measures equivalents between these kinds."))
        elif self.unmeasured:
            parts.append(
                # Two programmes of different kinds (a declaration, a law) are as unmeasured as two practices.
                _("None measures those between two programmes, or two practices, of different kinds: {pairs}.").format(
                    pairs=_("; ").join(_("{a} and {b}").format(a=a, b=b) for a, b in self.unmeasured)
                )
            )
        return " ".join(parts)

    def note(self, lang: str) -> str:
        """What a table row says of a link :meth:`marks`."""
        _ = translator(lang)
        return _("equivalent inferred between frameworks of different kinds: a candidate, to check against the sources")


READ_AS_WELL_AS_ENGLISH = frozenset({"en", "fr"})
"""Languages in which the matcher's equivalents need no caution: its French held-out set measures as precise as its
English one (``data/method/quality.yaml``). Sets paraphrasing real texts in German, Spanish, Italian and
Portuguese measure lower, and the matcher reads no other language."""


class LanguageGroup(Result):
    """The frameworks the matcher read in one language among those a caution counts."""

    language: str
    frameworks: tuple[str, ...]


class LanguageCaution(Caution):
    """Equivalents the matcher inferred with a framework it read in a language other than English or French.

    What such equivalents are worth is measured on sets written only in that language and aligned with English
    sets of the same kind; the caution quotes them, pooled by language.
    """

    languages: tuple[LanguageGroup, ...]
    """The frameworks read in such a language, by language, in the report's order."""
    measured: tuple[QualityFigure, ...] = ()
    """The sets written in those languages, of one kind with the English sets they are aligned with."""

    def sentence(self, lang: str, before: Caution | None = None) -> str:
        """The caution in ``lang``: which frameworks were read in which language, and what was measured."""
        _, n_ = translator(lang), plural_translator(lang)
        groups = _("; ").join(
            _("{language}: {frameworks}").format(
                language=language_name(g.language, lang), frameworks=", ".join(g.frameworks)
            )
            for g in self.languages
        )
        if before is not None and not self.counted_by(before) and before.counted_by(self):
            # The caution before counted some of these: say they are among them, or the two read as a sum.
            joins = n_(
                "{count} equivalent inferred by the matcher, not taken from a curated crosswalk, the {counted} above "
                "among them, joins a framework it read in a language other than English or French ({languages}).",
                "{count} equivalents inferred by the matcher, not taken from a curated crosswalk, the {counted} above "
                "among them, join a framework it read in a language other than English or French ({languages}).",
                self.equivalents,
            )
        elif not self.counted_by(before):
            joins = n_(
                "{count} equivalent inferred by the matcher, not taken from a curated crosswalk, joins a framework it "
                "read in a language other than English or French ({languages}).",
                "{count} equivalents inferred by the matcher, not taken from a curated crosswalk, join a framework it "
                "read in a language other than English or French ({languages}).",
                self.equivalents,
            )
        elif before is not None and before.equivalents == self.equivalents:
            # The same equivalents as the caution before: said twice, the count would read as twice as many.
            joins = n_(
                "That equivalent also joins a framework the matcher read in a language other than English or French "
                "({languages}).",
                "Those {count} equivalents also join a framework the matcher read in a language other than English "
                "or French ({languages}).",
                self.equivalents,
            )
        else:
            joins = n_(
                "{count} of them also joins a framework the matcher read in a language other than English or French "
                "({languages}).",
                "{count} of them also join a framework the matcher read in a language other than English or French "
                "({languages}).",
                self.equivalents,
            )
        counted = before.equivalents if before is not None else 0
        parts = [joins.format(count=self.equivalents, counted=counted, languages=groups)]
        findings, unmeasured = [], []
        for g in self.languages:
            sets = [q for q in self.measured if q.language == g.language]
            if not sets:
                unmeasured.append(language_name(g.language, lang))
                continue
            found = {
                "language": language_name(g.language, lang),
                "right": sum(q.right for q in sets),
                "count": sum(q.equivalents or 0 for q in sets),
                "sets": len(sets),
                "low": round(min(q.precision for q in sets) * 100),
                "high": round(max(q.precision for q in sets) * 100),
            }
            findings.append(
                # The pooled count hides how far sets differ: a reader's own text may sit at either end.
                _("in {language}, {right} of the {count} equivalents on {sets} sets ({low}% to {high}% by set)").format(
                    **found
                )
                if len(sets) > 1
                else _("in {language}, {right} of the {count} equivalents on one set").format(**found)
            )
        if findings:
            parts.append(
                _(
                    "Measured on sets written in one such language and aligned with English sets of their kind: "
                    "{findings} were labelled the same commitment; the others were an overlap or unrelated."
                ).format(findings=_("; ").join(findings))
            )
        if unmeasured:
            parts.append(
                _(
                    "No hand-labelled set measures equivalents read in {languages}; the matcher has no word list for "
                    "it."
                ).format(languages=", ".join(unmeasured))
            )
        return " ".join(parts)

    def note(self, lang: str) -> str:
        """What a table row says of a link :meth:`marks`."""
        _ = translator(lang)
        return _(
            "equivalent inferred with a framework read in a language other than English or French: a candidate, to "
            "check against the sources"
        )


def language_name(code: str, lang: str) -> str:
    """The name of the language ``code`` in ``lang`` (``Italian``, ``italien``); the code where none is known."""
    _ = translator(lang)
    names = {
        "en": _("English"),
        "fr": _("French"),
        "de": _("German"),
        "es": _("Spanish"),
        "it": _("Italian"),
        "pt": _("Portuguese"),
        "nl": _("Dutch"),
        "nb": _("Norwegian"),
        "da": _("Danish"),
        "sv": _("Swedish"),
        "fi": _("Finnish"),
        "et": _("Estonian"),
    }
    return names.get(code, code)


def kind_groups(frameworks: Iterable[FrameworkSummary]) -> tuple[KindGroup, ...]:
    """The frameworks that declare a kind, grouped by it, in their order."""
    groups: dict[str, list[str]] = {}
    for f in frameworks:
        if f.kind and f.id not in groups.get(f.kind, []):
            groups.setdefault(f.kind, []).append(f.id)
    return tuple(KindGroup(kind=k, frameworks=tuple(ids)) for k, ids in groups.items())


def by_kind(groups: Iterable[KindGroup], lang: str) -> str:
    """``strategy principles: it-piano-triennale-2024; service standard: uk-service-standard-2019``."""
    _ = translator(lang)
    return _("; ").join(
        _("{kind}: {frameworks}").format(
            kind=kind_label(g.kind, len(g.frameworks), lang), frameworks=", ".join(g.frameworks)
        )
        for g in groups
    )


def _lowered(label: str) -> str:
    """A set's label inside a sentence: ``second blind set in Italian (...)``."""
    return label[:1].lower() + label[1:]


class _Link(Protocol):
    @property
    def relation(self) -> str: ...
    @property
    def source(self) -> str: ...


def _crosses(kind_of: Mapping[str, str], a: str, b: str, link: _Link) -> bool:
    """An inferred equivalent between frameworks ``a`` and ``b`` of different declared kinds."""
    return (
        link.relation == "equivalent"
        and link.source == "inferred"
        and a in kind_of
        and b in kind_of
        and kind_of[a] != kind_of[b]
    )


def _programme_and_practice(kind_a: str, kind_b: str) -> bool:
    """One of the two kinds is a programme (:data:`PROGRAMME_KINDS`) and the other a practice."""
    return (kind_a in PROGRAMME_KINDS) != (kind_b in PROGRAMME_KINDS)


def kinds_caution(
    frameworks: Sequence[FrameworkSummary], links: Iterable[tuple[str, str, _Link]]
) -> KindsCaution | None:
    """The caution for ``links`` (each with the ids of the two frameworks it joins) between ``frameworks``.

    None unless an inferred equivalent joins two frameworks that declare different kinds (a framework that declares
    none differs from none): curated links are people's judgement, and frameworks of one kind need no warning. The
    caution names the frameworks such equivalents join, and the sets measured between a programme and a practice
    where they join one to the other.
    """
    kind_of = {f.id: f.kind for f in frameworks if f.kind}
    crossing = [(a, b) for a, b, link in links if _crosses(kind_of, a, b, link)]
    if not crossing:
        return None
    joined = {f for pair in crossing for f in pair}
    # The matcher treats every programme kind alike against every practice kind (one higher bar), so a set measured
    # between a law and a service standard speaks for a strategy against one too.
    across = any(_programme_and_practice(kind_of[a], kind_of[b]) for a, b in crossing)
    measured = tuple(
        q
        for q in load_quality()[1]
        if q.measured_between is not None and across and _programme_and_practice(*q.measured_between)
    )
    unmeasured = (
        a_b for a_b in dict.fromkeys(crossing) if not _programme_and_practice(kind_of[a_b[0]], kind_of[a_b[1]])
    )
    return KindsCaution(
        kinds=kind_groups(f for f in frameworks if f.id in joined),
        equivalents=len(crossing),
        pairs=tuple(dict.fromkeys(crossing)),
        measured=measured,
        unmeasured=tuple(unmeasured) if measured else (),
    )


def language_caution(index: MatcherIndex, links: Iterable[tuple[str, str, _Link]]) -> LanguageCaution | None:
    """The caution for ``links`` (each with the ids of the two frameworks it joins, frameworks of ``index``'s catalog).

    None unless an inferred equivalent joins a framework the matcher read in a language other than English or
    French (:data:`READ_AS_WELL_AS_ENGLISH`): a user's file written only in Italian, say. The caution names those
    frameworks by language, and quotes the sets written in their languages, of one kind with the English sets.
    """
    read: dict[str, str] = {}

    def read_in(framework_id: str) -> str:
        if framework_id not in read:
            framework = index.catalog.framework(framework_id)
            read[framework_id] = index.read_language(framework) if framework is not None else "en"
        return read[framework_id]

    flagged = [
        (a, b)
        for a, b, link in links
        if link.relation == "equivalent"
        and link.source == "inferred"
        and not {read_in(a), read_in(b)} <= READ_AS_WELL_AS_ENGLISH
    ]
    if not flagged:
        return None
    groups: dict[str, list[str]] = {}
    for framework_id in dict.fromkeys(f for pair in flagged for f in pair):
        if (language := read_in(framework_id)) not in READ_AS_WELL_AS_ENGLISH:
            groups.setdefault(language, []).append(framework_id)
    return LanguageCaution(
        languages=tuple(LanguageGroup(language=k, frameworks=tuple(ids)) for k, ids in groups.items()),
        equivalents=len(flagged),
        pairs=tuple(dict.fromkeys(flagged)),
        measured=tuple(q for q in load_quality()[1] if q.language in groups and q.measured_between is None),
    )


def row_reasons(x: Alignment, cautions: Iterable[Caution | None], lang: str) -> tuple[str, ...]:
    """Why ``x`` holds in ``lang``, and the note of each caution that counts it, as its table row carries them."""
    notes = [c.note(lang) for c in cautions if c is not None and c.marks(x.a.framework, x.b.framework, x)]
    return (*(reason_in(r, lang) for r in x.why), *notes)
