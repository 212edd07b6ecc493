"""Rich views of results. Catalog text always enters as ``Text``, never as markup."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from dgcompare.results import (
    FALLBACK_MARK,
    Cell,
    Comparison,
    CoverageMatrix,
    EditionDiff,
    GapReport,
    Listing,
    PairExplanation,
    PrincipleDetail,
    SearchResults,
    ValidationReport,
    localized,
)


@dataclass(frozen=True)
class ListingView:
    """``dgcompare list``: jurisdictions and their frameworks."""

    listing: Listing
    ranks: bool = False

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lang = self.listing.lang
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("Code", style="dg.code", no_wrap=True)
        table.add_column("Framework", no_wrap=True)
        table.add_column("Year", justify="right", no_wrap=True)
        table.add_column("Title", min_width=20)
        if self.ranks:
            table.add_column("UN EGDI rank", no_wrap=True)
        for j in self.listing.jurisdictions:
            aliases = f" (also {', '.join(j.aliases)})" if j.aliases else ""
            name = localized_text(j.name, j.name_fr, lang, style="bold")
            ranks = [Text("\n".join(f"{r.rank} ({r.year})" for r in j.egov_ranks))] if self.ranks else []
            table.add_row(j.code, name.append(aliases, style="dg.muted"), "", "", *ranks)
            for index, f in enumerate(j.frameworks):
                details = Text(f"{f.principles} {plural(f.item_name, f.principles)}", style="dg.muted")
                if f.default:
                    details.append(" · default", style="dg.default")
                elif f.superseded_by:
                    details.append(f" · superseded by {f.superseded_by}", style="dg.muted")
                elif f.status != "current":
                    details.append(f" · {f.status}", style="dg.muted")
                table.add_row(
                    "",
                    Text(f.id, style="dg.id"),
                    str(f.adopted),
                    Text.assemble(localized_text(f.title, f.title_fr, lang), "\n", details),
                    *([""] if self.ranks else []),
                    end_section=index == len(j.frameworks) - 1,
                )
        yield table
        count = sum(len(j.frameworks) for j in self.listing.jurisdictions)
        yield Text(
            f"{len(self.listing.jurisdictions)} jurisdictions, {count} frameworks. "
            "A jurisdiction code selects its default framework.",
            style="dg.muted",
        )
        if lang == "fr":
            yield Text(f"{FALLBACK_MARK}: no French version in the source; English shown.", style="dg.muted")


def localized_text(english: str, french: str | None, lang: str, style: str = "") -> Text:
    """The text in ``lang``; English standing in for missing French carries a visible mark."""
    text, fallback = localized(english, french, lang)
    result = Text(text, style=style)
    if fallback:
        result.append(f" {FALLBACK_MARK}", style="dg.muted")
    return result


def plural(noun: str, count: int) -> str:
    """``criterion`` -> ``criteria``; ``play`` -> ``plays``; singular for a count of one."""
    if count == 1:
        return noun
    return noun[:-2] + "a" if noun.endswith("criterion") else noun + "s"


MARKS = {"equivalent": "=", "related": "~"}
"""How a cell shows the link that put it in its row."""


@dataclass(frozen=True)
class ComparisonView:
    """``dgcompare show A B``: a column per framework, a row per group of counterparts."""

    comparison: Comparison

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lang = self.comparison.lang
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, show_lines=False)
        for f in self.comparison.frameworks:
            title = localized_text(f.title, f.title_fr, lang, style="dg.muted").append(f" ({f.adopted})")
            table.add_column(Text.assemble((f.id, "dg.id"), "\n", title), ratio=1, overflow="fold")
        aligned = [row for row in self.comparison.rows if row.relation]
        alone = [row for row in self.comparison.rows if not row.relation]
        for index, row in enumerate(aligned):
            table.add_row(*(cell_text(c, lang) for c in row.cells), end_section=index == len(aligned) - 1)
        for row in alone:
            table.add_row(*(cell_text(c, lang) for c in row.cells))
        yield table
        yield Text(
            f"{len(aligned)} rows of counterparts; {len(self.comparison.unmatched)} principles with no counterpart. "
            "= equivalent, ~ related, with the score; * from a curated crosswalk; "
            "'related to' names counterparts shown in other rows.",
            style="dg.muted",
        )
        if lang == "fr":
            yield Text(f"{FALLBACK_MARK}: no French version in the source; English shown.", style="dg.muted")


def cell_text(cell: Cell | None, lang: str) -> Text:
    """``3. Title`` and, below it, the mark of the link that put the principle in its row."""
    if cell is None:
        return Text("")
    p = cell.principle
    text = Text(f"{p.number}. ").append(localized_text(p.title, p.title_fr, lang))
    if cell.relation and cell.score is not None:
        style = "dg.equivalent" if cell.relation == "equivalent" else "dg.related"
        curated = "*" if cell.source == "curated" else ""
        text.append(f"\n{MARKS[cell.relation]} {cell.score:.2f}{curated}", style=style)
    if cell.elsewhere:
        text.append(f"\nrelated to {', '.join(cell.elsewhere)}", style="dg.muted")
    return text


@dataclass(frozen=True)
class ValidationView:
    """``dgcompare validate``: every problem, then a one-line verdict."""

    report: ValidationReport

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from dgcompare.render.errors import problem_text

        parts: list[Text] = [problem_text(p) for p in self.report.problems]
        r = self.report
        counts = (
            f"{r.jurisdictions} jurisdictions, {r.frameworks} frameworks, {r.principles} principles, "
            f"{r.crosswalks} crosswalks"
        )
        if r.ok:
            parts.append(Text.assemble(("OK", "dg.ok"), f": {len(r.files)} files valid ({counts})."))
        else:
            bad = len({p.path for p in r.problems})
            count = len(r.problems)
            parts.append(
                Text.assemble(
                    (f"{count} problem{'s' * (count != 1)}", "dg.error"), f" in {bad} of {len(r.files)} files."
                )
            )
        yield Group(*parts)


@dataclass(frozen=True)
class ExplanationView:
    """``dgcompare explain A:N B:M``: one pair's score, signal by signal."""

    explanation: PairExplanation

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        e = self.explanation
        for side in (e.a, e.b):
            yield Text.assemble((f"{side.framework}:{side.number}", "dg.id"), "  ", side.title)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("Signal")
        table.add_column("Value", justify="right")
        table.add_column("Weight", justify="right")
        table.add_column("Contribution", justify="right")
        for part in e.parts:
            table.add_row(part.name, f"{part.value:.2f}", f"{part.weight:.2f}", f"{part.value * part.weight:.3f}")
        table.add_row(Text("score", style="bold"), Text(f"{e.score:.2f}", style="bold"), "", "")
        yield table
        lines = [
            Text(f"Shared themes: {', '.join(e.shared_themes) or 'none'}"),
            Text(f"Shared terms: {', '.join(e.shared_terms) or 'none'}"),
            Text(f"Themes of {e.a.framework}:{e.a.number}: {', '.join(e.themes_a) or 'none'}", style="dg.muted"),
            Text(f"Themes of {e.b.framework}:{e.b.number}: {', '.join(e.themes_b) or 'none'}", style="dg.muted"),
            Text(
                f"Rank: {_ordinal(e.rank_among_b)} of {e.a.framework}:{e.a.number}'s candidates in {e.b.framework}, "
                f"{_ordinal(e.rank_among_a)} of {e.b.framework}:{e.b.number}'s in {e.a.framework}.",
            ),
            Text(f"Thresholds: equivalent {e.equivalent_threshold:.2f}, related {e.related_threshold:.2f}."),
        ]
        yield from lines
        if e.alignment is None:
            yield Text("Verdict: not aligned.", style="bold")
        else:
            style = "dg.equivalent" if e.alignment.relation == "equivalent" else "dg.related"
            verdict = Text.assemble(("Verdict: ", "bold"), (e.alignment.relation, style), f" ({e.alignment.source}")
            verdict.append(f", {e.alignment.score:.2f})" if e.alignment.source == "curated" else ")")
            yield verdict
            if e.alignment.source == "curated":
                for reason in e.alignment.why:
                    yield Text(f"  {reason}", style="dg.muted")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class GapView:
    """``dgcompare gaps TARGET``: peers' commitments the target lacks, then the target's own."""

    report: GapReport

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        r, lang = self.report, self.report.lang
        yield Text.assemble(
            "Gaps of ", (r.target.id, "dg.id"), f" against {len(r.peers)} peers: ", ", ".join(p.id for p in r.peers)
        )
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("Theme", ratio=2)
        table.add_column("Peers", justify="right", no_wrap=True)
        table.add_column("What peers commit to", ratio=4)
        table.add_column(f"Closest in {r.target.jurisdiction}", ratio=3)
        for gap in r.gaps:
            theme = localized_text(gap.label, gap.label_fr, lang)
            if gap.target_has_theme:
                theme.append("\n(theme touched elsewhere)", style="dg.muted")
            peers = Text("\n").join(
                Text.assemble((f"{p.framework}:{p.number} ", "dg.id"), p.title) for p in gap.covered_by
            )
            nearest = Text("\n").join(
                Text.assemble(
                    f"{c.number}. ", localized_text(c.title, c.title_fr, lang), (f" {c.score:.2f}", "dg.muted")
                )
                for c in gap.nearest
            )
            table.add_row(theme, str(gap.peer_count), peers, nearest)
        yield table
        yield Text(f"{len(r.gaps)} gaps. Distinctive principles of {r.target.id} (no counterpart among the peers):")
        if not r.distinctive:
            yield Text("  none", style="dg.muted")
        for p in r.distinctive:
            yield Text.assemble("  ", f"{p.number}. ", localized_text(p.title, p.title_fr, lang))
        if lang == "fr":
            yield Text(f"{FALLBACK_MARK}: no French version in the source; English shown.", style="dg.muted")


SHADES = ((0.7, "dg.cover3", "███"), (0.5, "dg.cover2", "▓▓▓"), (0.35, "dg.cover1", "▒▒▒"), (0.15, "dg.cover0", "░░░"))
"""Coverage bands: at least the value -> style and glyph (the glyph keeps the heatmap readable without colour)."""


@dataclass(frozen=True)
class MatrixView:
    """``dgcompare matrix``: themes by frameworks, each cell shaded by coverage."""

    matrix: CoverageMatrix

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        m, lang = self.matrix, self.matrix.lang
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_footer=True)
        table.add_column("Theme", footer="Themes covered", ratio=1)
        for f, total in zip(m.frameworks, m.totals, strict=True):
            table.add_column(Text(f.jurisdiction, style="dg.code"), footer=str(total), justify="center", no_wrap=True)
        table.add_column("#", footer="", justify="right", no_wrap=True)
        for row in m.rows:
            table.add_row(
                localized_text(row.label, row.label_fr, lang), *(_shade(c) for c in row.coverage), str(row.covered)
            )
        yield table
        yield Text(
            "Cell: how strongly the framework's strongest principle addresses the theme. "
            f"███ ≥0.70  ▓▓▓ ≥0.50  ▒▒▒ ≥{m.threshold:.2f} (covered)  ░░░ ≥0.15.  # = frameworks covering.",
            style="dg.muted",
        )
        yield Text("Columns: " + ", ".join(f"{f.jurisdiction} = {f.id}" for f in m.frameworks), style="dg.muted")


def _shade(coverage: float) -> Text:
    for bound, style, glyph in SHADES:
        if coverage >= bound:
            return Text(glyph, style=style)
    return Text("·", style="dg.muted")


@dataclass(frozen=True)
class DiffView:
    """``dgcompare diff OLD NEW``: what each item of the old edition became."""

    diff: EditionDiff

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
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
            table.add_row(kind, old, new)
        yield table
        counts = Counter(c.kind for c in d.changes)
        yield Text(", ".join(f"{counts[k]} {k}" for k in DIFF_STYLES if counts[k]), style="dg.muted")


DIFF_STYLES = {
    "kept": "dg.muted",
    "reworded": "",
    "merged": "dg.related",
    "split": "dg.related",
    "added": "dg.equivalent",
    "dropped": "dg.error",
}


@dataclass(frozen=True)
class SearchView:
    """``dgcompare search TEXT``: ranked hits with the matched words highlighted."""

    results: SearchResults

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.results.hits:
            yield Text(f"No principle matches {self.results.query!r}.")
            return
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("Score", justify="right", no_wrap=True)
        table.add_column("Principle", no_wrap=True)
        table.add_column("Title and summary", ratio=1)
        for hit in self.results.hits:
            body = Text.assemble((hit.title, "bold"), "\n", hit.summary)
            body.highlight_words(hit.matched, style="dg.match", case_sensitive=False)
            table.add_row(f"{hit.score:.2f}", Text(f"{hit.framework}:{hit.number}", style="dg.id"), body)
        yield table


@dataclass(frozen=True)
class DetailView:
    """``dgcompare show FRAMEWORK:N``: one principle, then its counterparts in every default framework."""

    detail: PrincipleDetail

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        d, lang = self.detail, self.detail.lang
        p = d.principle
        yield Text.assemble((f"{p.framework}:{p.number}", "dg.id"), "  ", localized_text(p.title, p.title_fr, lang))
        yield Text(f"{d.framework.title} ({d.framework.adopted}), {d.framework.publisher}", style="dg.muted")
        summary, fallback = localized(d.summary or "", d.summary_fr, lang)
        if summary:
            yield Text(summary + (f" {FALLBACK_MARK}" if fallback else ""))
        yield Text(f"Themes: {', '.join(d.themes) or 'none'}")
        if d.url:
            yield Text(f"Source: {d.url}")
        if d.note:
            yield Text(f"Note: {d.note}", style="dg.muted")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("Framework", no_wrap=True)
        table.add_column("Counterpart", ratio=1)
        table.add_column("Link", no_wrap=True)
        for c in d.counterparts:
            for a in c.alignments:
                other = a.b if (a.a.framework, a.a.number) == (p.framework, p.number) else a.a
                curated = "*" if a.source == "curated" else ""
                style = "dg.equivalent" if a.relation == "equivalent" else "dg.related"
                table.add_row(
                    Text(c.framework.id, style="dg.id"),
                    Text(f"{other.number}. ").append(localized_text(other.title, other.title_fr, lang)),
                    Text(f"{MARKS[a.relation]} {a.score:.2f}{curated}", style=style),
                )
            if not c.alignments and c.nearest is not None:
                n = c.nearest
                table.add_row(
                    Text(c.framework.id, style="dg.id"),
                    Text("none; nearest: ", style="dg.muted").append(f"{n.number}. {n.title}"),
                    Text(f"{n.score:.2f}", style="dg.muted"),
                )
        yield table
        yield Text("= equivalent, ~ related; * from a curated crosswalk.", style="dg.muted")
