"""``dgcompare diff OLD NEW``: what became of each item between two editions.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from dgcompare.i18n import plural_translator, score_text, translator
from dgcompare.matcher import EQUIVALENT, RELATED, MatchConfig, MatcherIndex, Relation, Source, align
from dgcompare.models import Catalog, Framework
from dgcompare.reports.base import (
    RELATION,
    SOURCE,
    Alignment,
    FrameworkSummary,
    PrincipleSummary,
    Provenance,
    Record,
    Report,
    Result,
    Tabular,
    alignments_of,
    left_out,
    marked,
    relation_word,
    source_word,
    wording_notes,
)
from dgcompare.reports.quality import LanguageCaution, language_caution, lead
from dgcompare.text import fold

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


ChangeKind = Literal["kept", "reworded", "merged", "split", "added", "dropped", "uncertain"]
KIND = (
    "kept: the same item and title; reworded: the same item, new wording; merged: several items became one; split: "
    "one became several; added, dropped: no counterpart in the other edition; uncertain: would read as added or "
    "dropped, but the other edition's item of the same number is left out of the catalog"
)
ChangeSource = Literal["inferred", "curated", "mixed"]
CHANGE_SOURCE = SOURCE + "; mixed when the links behind the change are of both kinds"


def change_word(kind: str, lang: str) -> str:
    """A kind of change (``reworded``) as a reader of ``lang`` calls it."""
    _ = translator(lang)
    words = {
        "kept": _("kept"),
        "reworded": _("reworded"),
        "merged": _("merged"),
        "split": _("split"),
        "added": _("added"),
        "dropped": _("dropped"),
        "uncertain": _("uncertain"),
    }
    return words.get(kind, kind)


def change_count(kind: str, count: int, lang: str) -> str:
    """``7 reworded``: a count of changes of one kind, agreeing with it in ``lang`` (``7 reformulés``)."""
    n_ = plural_translator(lang)
    words = {
        "kept": n_("{count} kept", "{count} kept", count),
        "reworded": n_("{count} reworded", "{count} reworded", count),
        "merged": n_("{count} merged", "{count} merged", count),
        "split": n_("{count} split", "{count} split", count),
        "added": n_("{count} added", "{count} added", count),
        "dropped": n_("{count} dropped", "{count} dropped", count),
        "uncertain": n_("{count} uncertain", "{count} uncertain", count),
    }
    return words.get(kind, f"{{count}} {kind}").format(count=count)


class Change(Result):
    """One change between two editions: kept, reworded, merged, split, added or dropped.

    ``uncertain``: an item that would read as added (or dropped) while the other edition's item of the same
    number is left out of the catalog, so whether it is new cannot be told from the data.
    """

    kind: ChangeKind = Field(description=KIND)
    old: tuple[PrincipleSummary, ...]
    new: tuple[PrincipleSummary, ...]
    relation: Relation | None = Field(default=None, description=RELATION)
    """``equivalent`` when every link behind the change is, else ``related``."""
    related: tuple[PrincipleSummary, ...] = ()
    """For a dropped or added item: the items of the other edition it is partly related to."""
    score: float | None = None
    source: ChangeSource | None = Field(default=None, description=CHANGE_SOURCE)
    note: str = ""
    """Why the change is uncertain, when it is."""


class ChangeRecord(Record):
    """One change between two editions."""

    kind: ChangeKind = Field(description=KIND)
    old: str = Field(description="the id of the earlier edition")
    new: str = Field(description="the id of the later edition")
    old_numbers: list[int] = Field(description="the numbers of the earlier edition's items in the change")
    old_titles: list[str] = Field(description="their titles, in the same order, as the report shows them")
    new_numbers: list[int] = Field(description="the numbers of the later edition's items in the change")
    new_titles: list[str] = Field(description="their titles, in the same order")
    relation: Relation | None = Field(description=RELATION + " (every link behind the change equivalent, or not)")
    score: float | None = Field(description="the weakest score of the links behind the change")
    source: ChangeSource | None = Field(description=CHANGE_SOURCE)
    related_numbers: list[int] = Field(
        description="for an added or dropped item, the other edition's items it is partly related to"
    )
    note: str = Field(description="why the change is uncertain, when it is")


class EditionDiff(Report):
    """``dgcompare diff OLD NEW``."""

    old: FrameworkSummary
    new: FrameworkSummary
    changes: tuple[Change, ...]
    mismatch: Literal["other-jurisdiction", "reversed"] | None = Field(
        default=None,
        description="other-jurisdiction: two jurisdictions' frameworks, not two editions of one; reversed: OLD is "
        "the later edition; None: two editions in order",
    )
    """Why OLD and NEW are probably not the two editions meant (see :func:`edition_mismatch`), if they are not."""
    language_caution: LanguageCaution | None = None
    """Where a change rests on an equivalent inferred with an edition read in a language other than English or French:
    how many, and what such equivalents proved worth."""
    lang: str = "en"
    record_type = ChangeRecord

    def records(self) -> tuple[ChangeRecord, ...]:
        """One record per change."""
        return tuple(
            ChangeRecord(
                kind=c.kind,
                old=self.old.id,
                new=self.new.id,
                old_numbers=[p.number for p in c.old],
                old_titles=[marked(p, self.lang) for p in c.old],
                new_numbers=[p.number for p in c.new],
                new_titles=[marked(p, self.lang) for p in c.new],
                relation=c.relation,
                score=c.score,
                source=c.source,
                related_numbers=[p.number for p in c.related],
                note=c.note,
            )
            for c in self.changes
        )

    def brief(self) -> str:
        """``au-dss-v1 to au-dss-v2: 3 kept, 7 reworded, 2 added``."""
        kinds = Counter(c.kind for c in self.changes)
        return f"{self.old.id} to {self.new.id}: " + ", ".join(f"{n} {kind}" for kind, n in kinds.items())

    def view(self) -> "DiffView":
        """The changes as ``dgcompare diff`` prints them."""
        return DiffView(self)

    def heading(self) -> str:
        """``Changes:`` from one edition to the other."""
        _ = translator(self.lang)
        return _("Changes: {old} to {new}").format(old=self.old.id, new=self.new.id)

    def caution(self) -> str | None:
        """A warning where a change rests on an equivalent inferred in a language the matcher reads less well."""
        return lead((self.language_caution,), self.lang)

    def legend(self) -> tuple[str, ...]:
        """A caveat when the two are not editions in order, then the kinds of change."""
        _ = translator(self.lang)
        caveats = {
            "other-jurisdiction": _(
                "Caution: these are frameworks of two jurisdictions, not two editions of one; dropped and added "
                "say only that nothing in the other framework matches (dgcompare show compares frameworks)."
            ),
            "reversed": _("Caution: OLD is the later edition; read dropped as added and added as dropped."),
        }
        return (
            *([caveats[self.mismatch]] if self.mismatch else []),
            _(
                "kept: the same item and title; reworded: the same item, new wording; merged: several items became "
                "one; split: one became several; dropped, added: no counterpart in the other edition, with what it "
                "is partly related to. A change marked (partly), or the relation related: made by related links only, "
                "none equivalent, so a successor that overlaps rather than the same item."
            ),
            _(
                "* a change that rests, wholly or in part, on a curated crosswalk's links (the source column of an "
                "export says which); unmarked, on the matcher's alone."
            ),
        )

    def items(self, principles: tuple[PrincipleSummary, ...]) -> str:
        """Principles as ``3. Title; 4. Title``, titles in the report's language."""
        return translator(self.lang)("; ").join(f"{p.number}. {marked(p, self.lang)}" for p in principles)

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The two editions, old first."""
        return self.old, self.new

    def table(self) -> Tabular:
        """One row per change, then one per item left out of the catalog."""
        _ = translator(self.lang)
        left_out = tuple(
            (
                _("not in the catalog"),
                f"{o.number}." if f is self.old else "",
                f"{o.number}." if f is self.new else "",
                "",
                "",
                "",
                "",
                o.reason,
                f.url if f is self.old else "",
                f.url if f is self.new else "",
            )
            for f in (self.old, self.new)
            for o in f.omitted
        )
        return Tabular(
            (
                _("change"),
                _("old"),
                _("new"),
                _("relation"),
                _("score"),
                _("source"),
                _("partly related to"),
                _("note"),
                _("old url"),
                _("new url"),
            ),
            tuple(
                (
                    change_word(c.kind, self.lang),
                    self.items(c.old),
                    self.items(c.new),
                    relation_word(c.relation, self.lang) if c.relation else "",
                    "" if c.score is None else score_text(c.score),
                    source_word(c.source, self.lang) if c.source else "",
                    self.items(c.related),
                    # The caution the report leads with travels in the rows it concerns, as in show's 'why'.
                    " | ".join(
                        x
                        for x in (
                            c.note,
                            self.language_caution.note(self.lang)
                            if self.language_caution
                            and c.kind != "kept"
                            and c.relation == "equivalent"
                            and c.source != "curated"
                            else "",
                        )
                        if x
                    ),
                    "; ".join(p.url or "" for p in c.old),
                    "; ".join(p.url or "" for p in c.new),
                )
                for c in self.changes
            )
            + left_out,
        )


def diff(
    index: MatcherIndex, old: Framework, new: Framework, config: MatchConfig | None = None, lang: str = "en"
) -> EditionDiff:
    """What changed from one edition to the next, from the alignments between them.

    Each old item is followed through its equivalents, or through its related counterparts when it has no
    equivalent (and they have none). Items linked this way form groups: one old and one new item were
    ``kept`` (same title) or ``reworded``; several old items and one new were ``merged``; one old and several
    new were ``split``; an old item with no link was ``dropped`` and a new one ``added``.
    """
    catalog = index.catalog
    every = alignments_of(catalog, align(index, [old, new], config))
    has_equivalent_new = {x.b.number for x in every if x.relation == EQUIVALENT}
    links: list[Alignment] = []
    for principle in old.principles:
        mine = [x for x in every if x.a.number == principle.number]
        chosen = [x for x in mine if x.relation == EQUIVALENT] or mine
        links.extend(x for x in chosen if x.relation == EQUIVALENT or x.b.number not in has_equivalent_new)
    # Groups are the connected components of the links, found with a small union-find.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(key: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for link in links:
        parent[root(("old", link.a.number))] = root(("new", link.b.number))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for key in [("old", p.number) for p in old.principles] + [("new", p.number) for p in new.principles]:
        groups[root(key)].append(key)
    changes: list[Change] = []
    for members in sorted(groups.values(), key=lambda m: (m[0][0] != "old", m[0][1])):
        olds = tuple(PrincipleSummary.of(old, old.principle(n)) for side, n in members if side == "old")  # type: ignore[arg-type]
        news = tuple(PrincipleSummary.of(new, new.principle(n)) for side, n in members if side == "new")  # type: ignore[arg-type]
        inside = [x for x in links if ("old", x.a.number) in members]
        if not news:
            echoes = tuple(x.b for x in every if x.a.number == olds[0].number)
            note = _left_out_twin(new, olds[0].number)
            changes.append(Change(kind="uncertain" if note else "dropped", old=olds, new=(), related=echoes, note=note))
        elif not olds:
            echoes = tuple(x.a for x in every if x.b.number == news[0].number)
            note = _left_out_twin(old, news[0].number)
            changes.append(Change(kind="uncertain" if note else "added", old=(), new=news, related=echoes, note=note))
        elif len(olds) == 1 and len(news) == 1:
            same = fold(olds[0].title).strip(" .") == fold(news[0].title).strip(" .")
            changes.append(_change("kept" if same else "reworded", olds, news, inside))
        else:
            changes.append(_change("merged" if len(olds) >= len(news) else "split", olds, news, inside))
    return EditionDiff(
        old=FrameworkSummary.of(catalog, old),
        new=FrameworkSummary.of(catalog, new),
        changes=tuple(changes),
        mismatch=edition_mismatch(catalog, old, new),
        # 'reworded' and 'split' rest on equivalents: read in Spanish, say, they are as uncertain as show's.
        language_caution=language_caution(index, ((x.a.framework, x.b.framework, x) for x in links)),
        lang=lang,
        provenance=Provenance.of(catalog, config or MatchConfig(), index),
    )


def _left_out_twin(other: Framework, number: int) -> str:
    """Why a change cannot be told: the other edition's item of the same number is left out of the catalog."""
    twin = next((o for o in other.omitted if o.number == number), None)
    return f"{other.id} {other.item_name} {number} is not in the catalog" if twin else ""


def edition_mismatch(
    catalog: Catalog, old: Framework, new: Framework
) -> Literal["other-jurisdiction", "reversed"] | None:
    """Why ``old`` and ``new`` are probably not the two editions meant, if they are not.

    ``other-jurisdiction``: they belong to two jurisdictions, so they are two frameworks rather than two
    editions (``show`` aligns those). ``reversed``: ``new`` is the earlier edition, by the chain of
    ``superseded_by`` links between them or, where there is none, by the year adopted (an undated text has no
    known age, so the years say nothing then).
    """
    jurisdiction = catalog.jurisdiction_of
    if jurisdiction(old.id).jurisdiction.code != jurisdiction(new.id).jurisdiction.code:
        return "other-jurisdiction"
    if _supersedes(catalog, new, old):
        return "reversed"
    if _supersedes(catalog, old, new) or old.adopted is None or new.adopted is None:
        return None
    if new.adopted < old.adopted:
        return "reversed"
    return None


def _supersedes(catalog: Catalog, earlier: Framework, later: Framework) -> bool:
    """True when ``later`` follows ``earlier`` along ``superseded_by`` links."""
    seen = {earlier.id}
    current: Framework | None = earlier
    while current is not None and current.superseded_by is not None and current.superseded_by not in seen:
        if current.superseded_by == later.id:
            return True
        seen.add(current.superseded_by)
        current = catalog.framework(current.superseded_by)
    return False


def _change(
    kind: ChangeKind, old: tuple[PrincipleSummary, ...], new: tuple[PrincipleSummary, ...], links: list[Alignment]
) -> Change:
    sources: set[Source] = {x.source for x in links}
    return Change(
        kind=kind,
        old=old,
        new=new,
        relation=EQUIVALENT if all(x.relation == EQUIVALENT for x in links) else RELATED,
        score=min(x.score for x in links),
        source=sources.pop() if len(sources) == 1 else "mixed",
    )


CHANGE_WIDTH = 12
"""The change column ('reworded', 'dropped') and the table's padding."""


@dataclass(frozen=True)
class DiffView:
    """``dgcompare diff OLD NEW``: what each item of the old edition became."""

    diff: EditionDiff

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import localized_text

        d, lang = self.diff, self.diff.lang
        _ = translator(lang)
        if caution := d.caution():
            yield Text(caution, style="bold")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(_("Change"), no_wrap=True)
        editions = [Text.assemble((f.id, "dg.id"), f" ({f.year(lang)})") for f in (d.old, d.new)]
        # Each edition column gets about half of what the change column leaves; an id is never cut to fit.
        if max(len(f.id) for f in (d.old, d.new)) > (options.max_width - CHANGE_WIDTH) // 2 - 2:
            yield Text.assemble(_("Old: "), editions[0])
            yield Text.assemble(_("New: "), editions[1])
            editions = [Text(_("Old")), Text(_("New"))]
        table.add_column(editions[0], ratio=1)
        table.add_column(editions[1], ratio=1)
        for change in d.changes:
            kind = Text(change_word(change.kind, lang), style=DIFF_STYLES.get(change.kind, ""))
            if change.source in ("curated", "mixed"):
                kind.append("*", style="dg.muted")
            if change.relation == "related":
                kind.append("\n" + _("(partly)"), style="dg.muted")
            echoes = Text(
                _("partly related to {numbers}").format(numbers=", ".join(str(p.number) for p in change.related)),
                style="dg.muted",
            )
            old = Text("\n").join(Text(f"{p.number}. ").append_text(localized_text(p, lang)) for p in change.old)
            new = Text("\n").join(Text(f"{p.number}. ").append_text(localized_text(p, lang)) for p in change.new)
            if change.related:
                (new if change.kind == "dropped" else old).append_text(echoes)
            if change.note:
                (old if change.new else new).append(f"({change.note})", style="dg.muted")
            table.add_row(kind, old, new)
        yield table
        counts: Counter[str] = Counter(c.kind for c in d.changes)
        yield Text(", ".join(change_count(k, counts[k], lang) for k in DIFF_STYLES if counts[k]), style="dg.muted")
        yield Text(" ".join(d.legend()), style="dg.muted")
        if note := left_out((d.old, d.new), lang):
            yield Text(note, style="dg.muted")
        for note in wording_notes(d, lang):
            yield Text(note, style="dg.muted")


DIFF_STYLES = {
    "kept": "dg.muted",
    "reworded": "",
    "merged": "dg.related",
    "split": "dg.related",
    "added": "dg.equivalent",
    "dropped": "dg.error",
    "uncertain": "dg.muted",
}
