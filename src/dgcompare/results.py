"""Result objects: what each command computes, ready for a renderer or an exporter.

Results are frozen Pydantic models: ``model_dump(mode="json")`` is the JSON contract, and
:meth:`table` gives the flat rows that CSV and Markdown exports write. Renderers and exporters only
read these objects; the work is done by the functions that build them.
"""

# No postponed annotations here: Pydantic would evaluate every field's annotation string again on
# every start.
from dataclasses import dataclass
from typing import Self

from pydantic import BaseModel, ConfigDict, computed_field

from dgcompare.errors import Problem
from dgcompare.models import Catalog, EgovRank, Framework, Principle

FALLBACK_MARK = "[en]"
"""Appended to English text shown where French was asked for and the source has none."""


def localized(english: str, french: str | None, lang: str) -> tuple[str, bool]:
    """The text to show in ``lang`` and whether it fell back to English."""
    if lang == "fr":
        return (french, False) if french else (english, True)
    return english, False


def marked(english: str, french: str | None, lang: str) -> str:
    """The text in ``lang``, with :data:`FALLBACK_MARK` where English stands in for missing French."""
    text, fallback = localized(english, french, lang)
    return f"{text} {FALLBACK_MARK}" if fallback else text


@dataclass(frozen=True)
class Tabular:
    """A flat table: one header row and rows of plain strings."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class FrameworkSummary(_Result):
    """A framework as results refer to it."""

    id: str
    jurisdiction: str
    title: str
    title_fr: str | None = None
    principles: int
    adopted: int
    default: bool = False
    status: str = "current"
    superseded_by: str | None = None
    item_name: str = "principle"
    publisher: str = ""
    url: str = ""
    licence: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def framework(self) -> str:
        """The id again, under the name the gaps contract uses (``{"framework": ..., "jurisdiction": ...}``)."""
        return self.id

    @classmethod
    def of(cls, catalog: Catalog, framework: Framework) -> Self:
        """Summarise ``framework``."""
        entry = catalog.jurisdiction_of(framework.id)
        return cls(
            id=framework.id,
            jurisdiction=entry.jurisdiction.code,
            title=framework.title,
            title_fr=framework.title_fr,
            principles=len(framework.principles),
            adopted=framework.adopted,
            default=framework is entry.default_framework,
            status=framework.status,
            superseded_by=framework.superseded_by,
            item_name=framework.item_name,
            publisher=framework.publisher,
            url=framework.url,
            licence=framework.licence,
        )


class JurisdictionSummary(_Result):
    """A jurisdiction and its frameworks, for ``dgcompare list``."""

    code: str
    name: str
    name_fr: str | None
    aliases: tuple[str, ...]
    parent: str | None
    egov_ranks: tuple[EgovRank, ...]
    frameworks: tuple[FrameworkSummary, ...]
    source: str


class Listing(_Result):
    """Every jurisdiction of the active catalog with its frameworks."""

    jurisdictions: tuple[JurisdictionSummary, ...]
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per framework."""
        return Tabular(
            ("jurisdiction", "name", "framework", "title", "year", "principles", "default", "status", "egov_ranks"),
            tuple(
                (
                    j.code,
                    marked(j.name, j.name_fr, self.lang),
                    f.id,
                    marked(f.title, f.title_fr, self.lang),
                    str(f.adopted),
                    str(f.principles),
                    "yes" if f.default else "",
                    f.status,
                    "; ".join(f"{r.year}: {r.rank}" for r in j.egov_ranks),
                )
                for j in self.jurisdictions
                for f in j.frameworks
            ),
        )


def listing(catalog: Catalog, lang: str = "en") -> Listing:
    """The catalog listing, jurisdictions sorted by code, for display in ``lang``."""
    rows = []
    for entry in sorted(catalog.files, key=lambda e: e.jurisdiction.code):
        j = entry.jurisdiction
        rows.append(
            JurisdictionSummary(
                code=j.code,
                name=j.name,
                name_fr=j.name_fr,
                aliases=j.aliases,
                parent=j.parent,
                egov_ranks=tuple(sorted(j.egov_ranks, key=lambda r: r.year)),
                frameworks=tuple(FrameworkSummary.of(catalog, f) for f in entry.frameworks),
                source=catalog.sources.get(j.code, ""),
            )
        )
    return Listing(jurisdictions=tuple(rows), lang=lang)


class PrincipleSummary(_Result):
    """A principle as results refer to it: framework id, number and title."""

    framework: str
    number: int
    title: str
    title_fr: str | None = None

    @classmethod
    def of(cls, framework: Framework, principle: Principle) -> Self:
        """Summarise ``principle`` of ``framework``."""
        return cls(
            framework=framework.id,
            number=principle.number,
            title=principle.title,
            title_fr=principle.title_fr,
        )


class ValidationReport(_Result):
    """What ``dgcompare validate`` found: the files checked and every problem."""

    files: tuple[str, ...]
    jurisdictions: int
    frameworks: int
    principles: int
    crosswalks: int = 0
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def table(self) -> Tabular:
        """One row per problem."""
        return Tabular(
            ("file", "line", "column", "field", "code", "message", "fix"),
            tuple(
                (p.path, str(p.line or ""), str(p.column or ""), p.field, p.code, p.message, p.fix)
                for p in self.problems
            ),
        )


class Alignment(_Result):
    """Two principles from different frameworks that express the same or an overlapping commitment."""

    a: PrincipleSummary
    b: PrincipleSummary
    score: float
    relation: str
    source: str
    why: tuple[str, ...] = ()


class Cell(_Result):
    """A principle in a comparison row, and how strongly it is tied to the rest of the row."""

    principle: PrincipleSummary
    relation: str | None = None
    """``equivalent`` or ``related`` for the link that put it in the row; None for the row's first cell."""
    score: float | None = None
    source: str | None = None
    elsewhere: tuple[str, ...] = ()
    """Counterparts (``framework:number``) that sit in other rows, for a principle alone in its row."""


class Row(_Result):
    """One row of a comparison table: at most one principle per framework, in framework order."""

    cells: tuple[Cell | None, ...]
    relation: str | None = None
    """``equivalent`` when every link in the row is, ``related`` when one is weaker, None when alone."""

    @property
    def source(self) -> str:
        """``curated``, ``inferred``, ``mixed``, or empty for a principle alone."""
        sources = {c.source for c in self.cells if c is not None and c.source}
        return sources.pop() if len(sources) == 1 else ("mixed" if sources else "")


class Comparison(_Result):
    """The frameworks compared, how their principles align, and what has no counterpart."""

    frameworks: tuple[FrameworkSummary, ...]
    alignments: tuple[Alignment, ...]
    unmatched: tuple[PrincipleSummary, ...]
    rows: tuple[Row, ...]
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per aligned group, then one per principle without counterpart; a column per framework."""
        return Tabular(
            (*(f.id for f in self.frameworks), "relation", "lowest score", "source"),
            tuple(
                (
                    *(
                        f"{c.principle.number}. {marked(c.principle.title, c.principle.title_fr, self.lang)}"
                        if c
                        else ""
                        for c in row.cells
                    ),
                    row.relation or "no counterpart",
                    _lowest(row),
                    row.source,
                )
                for row in self.rows
            ),
        )


def _lowest(row: Row) -> str:
    scores = [c.score for c in row.cells if c is not None and c.score is not None]
    return f"{min(scores):.2f}" if scores else ""


class ScorePart(_Result):
    """One signal of a pair's score."""

    name: str
    value: float
    weight: float


class PairExplanation(_Result):
    """Why two principles do or do not align: ``dgcompare explain``."""

    a: PrincipleSummary
    b: PrincipleSummary
    score: float
    parts: tuple[ScorePart, ...]
    shared_themes: tuple[str, ...]
    shared_terms: tuple[str, ...]
    themes_a: tuple[str, ...]
    themes_b: tuple[str, ...]
    rank_among_b: int
    """1 when ``b`` is ``a``'s best candidate in ``b``'s framework."""
    rank_among_a: int
    equivalent_threshold: float
    related_threshold: float
    alignment: Alignment | None
    """The alignment ``show`` reports for this pair (curated or inferred), if any."""

    def table(self) -> Tabular:
        """One row per signal, then the total."""
        rows = [(p.name, f"{p.value:.2f}", f"{p.weight:.2f}", f"{p.value * p.weight:.3f}") for p in self.parts]
        rows.append(("score", f"{self.score:.2f}", "", ""))
        return Tabular(("signal", "value", "weight", "contribution"), tuple(rows))


class Candidate(_Result):
    """A principle and its score against something it was compared with."""

    framework: str
    number: int
    title: str
    title_fr: str | None = None
    score: float


class Gap(_Result):
    """A commitment peers make that the target does not: a theme and the peer principles behind it."""

    theme: str
    label: str
    label_fr: str
    peer_count: int
    covered_by: tuple[PrincipleSummary, ...]
    nearest: tuple[Candidate, ...]
    """The target's closest principles, all below the related threshold."""
    target_has_theme: bool
    """The target touches the theme elsewhere, but not these commitments."""


class GapReport(_Result):
    """``dgcompare gaps TARGET``: what peers commit to that the target does not, and its own strengths."""

    target: FrameworkSummary
    peers: tuple[FrameworkSummary, ...]
    gaps: tuple[Gap, ...]
    distinctive: tuple[PrincipleSummary, ...]
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per gap, then one per distinctive principle of the target."""
        rows = [
            (
                "gap",
                marked(g.label, g.label_fr, self.lang),
                str(g.peer_count),
                "; ".join(f"{p.framework}:{p.number} {p.title}" for p in g.covered_by),
                "; ".join(f"{c.framework}:{c.number} {c.title} ({c.score:.2f})" for c in g.nearest),
            )
            for g in self.gaps
        ]
        rows.extend(
            ("distinctive", "", "0", f"{p.framework}:{p.number} {marked(p.title, p.title_fr, self.lang)}", "")
            for p in self.distinctive
        )
        return Tabular(("kind", "theme", "peers", "principles", "nearest in target"), tuple(rows))


class MatrixRow(_Result):
    """One theme's coverage by each framework, in column order."""

    theme: str
    label: str
    label_fr: str
    coverage: tuple[float, ...]
    covered: int
    """How many frameworks cover the theme (coverage at or above the matrix's threshold)."""


class CoverageMatrix(_Result):
    """``dgcompare matrix``: how strongly each framework covers each theme (0 to 1)."""

    frameworks: tuple[FrameworkSummary, ...]
    rows: tuple[MatrixRow, ...]
    threshold: float
    totals: tuple[int, ...]
    """How many themes each framework covers."""
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per theme, one column per framework, then the count of frameworks covering it."""
        return Tabular(
            ("theme", *(f.id for f in self.frameworks), "frameworks covering"),
            (
                *(
                    (marked(r.label, r.label_fr, self.lang), *(f"{c:.2f}" for c in r.coverage), str(r.covered))
                    for r in self.rows
                ),
                ("themes covered", *(str(t) for t in self.totals), ""),
            ),
        )


class Change(_Result):
    """One change between two editions: kept, reworded, merged, split, added or dropped."""

    kind: str
    old: tuple[PrincipleSummary, ...]
    new: tuple[PrincipleSummary, ...]
    relation: str | None = None
    """``equivalent`` when every link behind the change is, else ``related``."""
    related: tuple[PrincipleSummary, ...] = ()
    """For a dropped or added item: the items of the other edition it is partly related to."""
    score: float | None = None
    source: str | None = None


class EditionDiff(_Result):
    """``dgcompare diff OLD NEW``."""

    old: FrameworkSummary
    new: FrameworkSummary
    changes: tuple[Change, ...]

    def table(self) -> Tabular:
        """One row per change."""
        return Tabular(
            ("change", "old", "new", "relation", "score", "source", "partly related to"),
            tuple(
                (
                    c.kind,
                    "; ".join(f"{p.number}. {p.title}" for p in c.old),
                    "; ".join(f"{p.number}. {p.title}" for p in c.new),
                    c.relation or "",
                    "" if c.score is None else f"{c.score:.2f}",
                    c.source or "",
                    "; ".join(f"{p.number}. {p.title}" for p in c.related),
                )
                for c in self.changes
            ),
        )


class SearchHit(_Result):
    """A principle that matches a search, with the words that matched."""

    framework: str
    jurisdiction: str
    number: int
    title: str
    summary: str
    themes: tuple[str, ...]
    score: float
    matched: tuple[str, ...]


class SearchResults(_Result):
    """``dgcompare search TEXT``."""

    query: str
    hits: tuple[SearchHit, ...]

    def table(self) -> Tabular:
        """One row per hit, best first."""
        return Tabular(
            ("score", "framework", "number", "title", "themes", "summary"),
            tuple(
                (f"{h.score:.2f}", h.framework, str(h.number), h.title, ", ".join(h.themes), h.summary)
                for h in self.hits
            ),
        )


class Counterpart(_Result):
    """A principle's counterpart in another framework."""

    framework: FrameworkSummary
    alignments: tuple[Alignment, ...]
    nearest: Candidate | None
    """The closest principle when nothing reaches the related threshold."""


class PrincipleDetail(_Result):
    """``dgcompare show FRAMEWORK:N``: one principle and its counterparts in every default framework."""

    framework: FrameworkSummary
    principle: PrincipleSummary
    summary: str | None
    summary_fr: str | None
    themes: tuple[str, ...]
    url: str | None
    note: str | None
    counterparts: tuple[Counterpart, ...]
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per counterpart (or nearest candidate) in each other framework."""
        rows = []
        for c in self.counterparts:
            for a in c.alignments:
                other = a.b if (a.a.framework, a.a.number) == (self.principle.framework, self.principle.number) else a.a
                rows.append((c.framework.id, str(other.number), other.title, a.relation, f"{a.score:.2f}", a.source))
            if not c.alignments and c.nearest is not None:
                n = c.nearest
                rows.append((c.framework.id, str(n.number), n.title, "none (nearest)", f"{n.score:.2f}", ""))
        return Tabular(("framework", "number", "title", "relation", "score", "source"), tuple(rows))
