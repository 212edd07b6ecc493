"""``dgcompare search TEXT``: principles of the whole catalog that match a query, best first.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from dgcompare.models import Catalog, Principle
from dgcompare.reports.base import Result, Tabular
from dgcompare.text import fold, words

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class SearchHit(Result):
    """A principle that matches a search, with the words that matched."""

    framework: str
    jurisdiction: str
    number: int
    title: str
    summary: str
    themes: tuple[str, ...]
    score: float
    matched: tuple[str, ...]


class SearchResults(Result):
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


def search(catalog: Catalog, query: str, jurisdiction: str | None = None, limit: int = 20) -> SearchResults:
    """Principles whose title, summary or themes match ``query``, best first, with the words that matched.

    Ranking combines shared concept terms (so 'citizens' finds 'users' and French finds English) with fuzzy
    matching of the raw words (so typos still find their word).
    """
    wanted = set(words(query))
    folded = fold(query)
    raw = [w for w in folded.split() if len(w) > 2]
    scored: list[tuple[float, str, int, str, Principle, tuple[str, ...], str]] = []
    for entry in catalog.files:
        if jurisdiction is not None and jurisdiction not in (entry.jurisdiction.code, *entry.jurisdiction.aliases):
            continue
        for framework in entry.frameworks:
            for principle in framework.principles:
                labels = tuple(catalog.themes[t].label for t in principle.themes if t in catalog.themes)
                text = " ".join([principle.title, principle.summary or "", *labels])
                shared = wanted & set(words(text))
                concept = len(shared) / len(wanted) if wanted else 0.0
                title_fuzz = fuzz.partial_ratio(folded, fold(principle.title)) / 100
                if concept == 0 and title_fuzz < 0.8:
                    continue
                body_fuzz = fuzz.token_set_ratio(folded, fold(text)) / 100
                score = round(0.6 * concept + 0.25 * title_fuzz + 0.15 * body_fuzz, 4)
                code = entry.jurisdiction.code
                scored.append((-score, framework.id, principle.number, code, principle, labels, text))
    scored.sort(key=itemgetter(0, 1, 2))
    # The words that matched are looked up for the hits shown only.
    hits = tuple(
        SearchHit(
            framework=framework_id,
            jurisdiction=code,
            number=number,
            title=principle.title,
            summary=principle.summary or "",
            themes=labels,
            score=-negated,
            matched=_matched_words(text, wanted, raw),
        )
        for negated, framework_id, number, code, principle, labels, text in scored[:limit]
    )
    return SearchResults(query=query, hits=hits)


def _matched_words(text: str, wanted: set[str], raw: Sequence[str]) -> tuple[str, ...]:
    """The words of ``text`` (as written) that match the query, by concept or by spelling."""
    found: list[str] = []
    for word in dict.fromkeys(w.strip(".,;:()'\"’") for w in text.split()):
        if not word:
            continue
        terms = set(words(word, french=False)) | set(words(word, french=True))
        folded = fold(word)
        if terms & wanted or any(fuzz.ratio(folded, r) >= 85 for r in raw):
            found.append(word)
    return tuple(found)


@dataclass(frozen=True)
class SearchView:
    """``dgcompare search TEXT``: ranked hits with the matched words highlighted."""

    results: SearchResults

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

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
