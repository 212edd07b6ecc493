"""``dgcompare diff OLD NEW``: what became of each item between two editions.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dgcompare.matcher import EQUIVALENT, MatchConfig, MatcherIndex, align
from dgcompare.models import Catalog, Framework
from dgcompare.reports.base import (
    Alignment,
    FrameworkSummary,
    PrincipleSummary,
    Report,
    Result,
    Tabular,
    alignments_of,
    left_out,
)
from dgcompare.text import fold

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


ChangeKind = Literal["kept", "reworded", "merged", "split", "added", "dropped", "uncertain"]


class Change(Result):
    """One change between two editions: kept, reworded, merged, split, added or dropped.

    ``uncertain``: an item that would read as added (or dropped) while the other edition's item of the same
    number is left out of the catalog, so whether it is new cannot be told from the data.
    """

    kind: ChangeKind
    old: tuple[PrincipleSummary, ...]
    new: tuple[PrincipleSummary, ...]
    relation: str | None = None
    """``equivalent`` when every link behind the change is, else ``related``."""
    related: tuple[PrincipleSummary, ...] = ()
    """For a dropped or added item: the items of the other edition it is partly related to."""
    score: float | None = None
    source: str | None = None
    note: str = ""
    """Why the change is uncertain, when it is."""


class EditionDiff(Report):
    """``dgcompare diff OLD NEW``."""

    old: FrameworkSummary
    new: FrameworkSummary
    changes: tuple[Change, ...]

    def heading(self) -> str:
        """``Changes:`` from one edition to the other."""
        return f"Changes: {self.old.id} to {self.new.id}"

    def legend(self) -> tuple[str, ...]:
        """The kinds of change."""
        return (
            "kept: the same item and title; reworded: the same item, new wording; merged: several items became "
            "one; split: one became several; dropped, added: no counterpart in the other edition, with what it "
            "is partly related to. (partly), or relation related: linked by related links only, none equivalent.",
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The two editions, old first."""
        return self.old, self.new

    def table(self) -> Tabular:
        """One row per change, then one per item left out of the catalog."""
        left_out = tuple(
            (
                "not in the catalog",
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
            ("change", "old", "new", "relation", "score", "source", "partly related to", "note", "old url", "new url"),
            tuple(
                (
                    c.kind,
                    "; ".join(f"{p.number}. {p.title}" for p in c.old),
                    "; ".join(f"{p.number}. {p.title}" for p in c.new),
                    c.relation or "",
                    "" if c.score is None else f"{c.score:.2f}",
                    c.source or "",
                    "; ".join(f"{p.number}. {p.title}" for p in c.related),
                    c.note,
                    "; ".join(p.url or "" for p in c.old),
                    "; ".join(p.url or "" for p in c.new),
                )
                for c in self.changes
            )
            + left_out,
        )


def diff(index: MatcherIndex, old: Framework, new: Framework, config: MatchConfig | None = None) -> EditionDiff:
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
        old=FrameworkSummary.of(catalog, old), new=FrameworkSummary.of(catalog, new), changes=tuple(changes)
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
    ``superseded_by`` links between them or, where there is none, by the year adopted.
    """
    jurisdiction = catalog.jurisdiction_of
    if jurisdiction(old.id).jurisdiction.code != jurisdiction(new.id).jurisdiction.code:
        return "other-jurisdiction"
    if _supersedes(catalog, new, old):
        return "reversed"
    if not _supersedes(catalog, old, new) and new.adopted < old.adopted:
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
    kind: str, old: tuple[PrincipleSummary, ...], new: tuple[PrincipleSummary, ...], links: list[Alignment]
) -> Change:
    sources = {x.source for x in links}
    return Change(
        kind=kind,
        old=old,
        new=new,
        relation=EQUIVALENT if all(x.relation == EQUIVALENT for x in links) else "related",
        score=min(x.score for x in links),
        source=sources.pop() if len(sources) == 1 else "mixed",
    )


@dataclass(frozen=True)
class DiffView:
    """``dgcompare diff OLD NEW``: what each item of the old edition became."""

    diff: EditionDiff

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        d = self.diff
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("Change", no_wrap=True)
        table.add_column(Text.assemble((d.old.id, "dg.id"), f" ({d.old.adopted})"), ratio=1)
        table.add_column(Text.assemble((d.new.id, "dg.id"), f" ({d.new.adopted})"), ratio=1)
        for change in d.changes:
            kind = Text(change.kind, style=DIFF_STYLES.get(change.kind, ""))
            if change.relation == "related":
                kind.append("\n(partly)", style="dg.muted")
            echoes = Text(f"partly related to {', '.join(str(p.number) for p in change.related)}", style="dg.muted")
            old = Text("\n").join(Text(f"{p.number}. {p.title}") for p in change.old)
            new = Text("\n").join(Text(f"{p.number}. {p.title}") for p in change.new)
            if change.related:
                (new if change.kind == "dropped" else old).append_text(echoes)
            if change.note:
                (old if change.new else new).append(f"({change.note})", style="dg.muted")
            table.add_row(kind, old, new)
        yield table
        counts: Counter[str] = Counter(c.kind for c in d.changes)
        yield Text(", ".join(f"{counts[k]} {k}" for k in DIFF_STYLES if counts[k]), style="dg.muted")
        yield Text(" ".join(d.legend()), style="dg.muted")
        if note := left_out((d.old, d.new)):
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
