"""``dgcompare search TEXT``: principles of the whole catalog that match a query, best first.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import TYPE_CHECKING

from pydantic import Field
from rapidfuzz import fuzz, process

from dgcompare.i18n import score_text, translator
from dgcompare.lexicon import LANGUAGES
from dgcompare.matcher import MatchConfig, MatcherIndex
from dgcompare.models import Catalog, Framework, Principle
from dgcompare.reports.base import (
    FrameworkSummary,
    Provenance,
    Record,
    Report,
    Result,
    Tabular,
    ThemeSummary,
    counted,
    distinct,
    fallback_mark,
    mark_notes,
    on_theme,
    theme_labels,
    unofficial_mark,
)
from dgcompare.text import is_stopword, tokens, words

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class SearchHit(Result):
    """A principle that matches a search, with the words that matched.

    ``title``, ``summary`` and ``themes`` are in ``lang`` ("en" or "fr"), the language that matched best;
    ``matched`` holds the words of that text that matched the query, as written.
    """

    framework: str
    jurisdiction: str
    number: int
    lang: str
    title: str
    summary: str
    themes: tuple[str, ...]
    score: float
    matched: tuple[str, ...]
    url: str | None = None
    """The principle's own page where it has one, else its framework's."""
    official: bool = True
    """False where ``title`` is our translation, not the official wording."""


class HitRecord(Record):
    """A principle that matches a search."""

    framework: str = Field(description="the id of the principle's framework")
    jurisdiction: str = Field(description="the code of its jurisdiction")
    number: int = Field(description="the principle's number")
    title: str = Field(
        description="its title in the language that matched, marked where that is ours or not the report's"
    )
    lang: str = Field(description="the language that matched best (the title, summary and themes are in it)")
    official: bool = Field(description="False where the title is our translation, not the official wording")
    score: float = Field(description="how well it matches, 0 to 1; 1 for the whole title")
    matched: list[str] = Field(description="the words of the text that matched the query, as written")
    themes: list[str] = Field(description="the principle's themes, by label")
    summary: str = Field(description="our summary of the principle")
    url: str | None = Field(description="where to read it")


class SearchResults(Report):
    """``dgcompare search TEXT``."""

    query: str
    hits: tuple[SearchHit, ...]
    frameworks: tuple[FrameworkSummary, ...] = ()
    """The frameworks of the hits, each once, in the order of their first hit."""
    theme: ThemeSummary | None = None
    """The theme the search was narrowed to, if any."""
    lang: str = "en"
    """The language of the report's words; each hit keeps the language that matched."""
    record_type = HitRecord

    def records(self) -> tuple[HitRecord, ...]:
        """One record per hit, best first."""
        return tuple(
            HitRecord(
                framework=h.framework,
                jurisdiction=h.jurisdiction,
                number=h.number,
                title=self.title(h),
                lang=h.lang,
                official=h.official,
                score=h.score,
                matched=list(h.matched),
                themes=list(h.themes),
                summary=h.summary,
                url=h.url,
            )
            for h in self.hits
        )

    def brief(self) -> str:
        """``'open source': 5 hits``."""
        return f"{self.query!r}: {counted(len(self.hits), 'hit')}"

    def view(self) -> "SearchView":
        """The hits as ``dgcompare search`` prints them."""
        return SearchView(self)

    def heading(self) -> str:
        """``Search:`` and the query."""
        _ = translator(self.lang)
        return _("Search: {query}").format(query=self.query)

    def legend(self) -> tuple[str, ...]:
        """How a hit is scored, then what the marks after its titles mean."""
        _ = translator(self.lang)
        scored = _(
            "Score (0 to 1): the share of the query's concepts found (0.6; half as much where only the names of "
            "its themes have them), of its words (or their concepts) in the title (0.25) and in the rest (0.15), "
            "typos forgiven; 1.00 for the whole title."
        )
        # A hit is shown in the language the query matched: its mark says so, not that the catalog lacks the
        # report's language (Canada's French title matched 'accessibilité'; its English one is in the catalog).
        languages = sorted({fallback_mark(h.lang) for h in self.hits if h.lang != self.lang})
        matched = _("{marks} after a hit: its text in the language the query matched best, not the report's.").format(
            marks=", ".join(languages)
        )
        ours = mark_notes([unofficial_mark(self.lang)], self.lang) if not all(h.official for h in self.hits) else ()
        return (scored, *([matched] if languages else []), *ours)

    def title(self, hit: "SearchHit") -> str:
        """The hit's title, marked when it is ours, or in another language than the report's (it matched best)."""
        return " ".join([hit.title, *self.marks(hit)])

    def marks(self, hit: "SearchHit") -> tuple[str, ...]:
        """The marks after a hit's title: its language where it is not the report's, and ours where it is ours."""
        return (
            *([fallback_mark(hit.lang)] if hit.lang != self.lang else []),
            *([] if hit.official else [unofficial_mark(self.lang)]),
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks of the hits."""
        return self.frameworks

    def table(self) -> Tabular:
        """One row per hit, best first."""
        _, labels = translator(self.lang), theme_labels(self.lang)
        return Tabular(
            (_("score"), _("framework"), _("number"), _("title"), _("themes"), _("summary"), _("lang"), _("url")),
            tuple(
                (
                    score_text(h.score),
                    h.framework,
                    str(h.number),
                    self.title(h),
                    # The labels of the side that matched, in the report's language (the title and summary stay
                    # in the language that matched, as their 'lang' says).
                    ", ".join(labels.get(t, t) for t in h.themes),
                    h.summary,
                    h.lang,
                    h.url or "",
                )
                for h in self.hits
            ),
        )


_SIMILAR = 0.85
"""How alike (RapidFuzz ``ratio``) a query word and a word of the text must be to count as a typo of it."""

_SHORT = 3
"""Query words this short (acronyms: AI, API, UX) match whole words only: spelled alike, they match noise."""

_PHRASE_WORDS = 4
"""The longest lexicon phrase that reads as a concept ('donnees a caractere personnel'), in words."""


@dataclass(frozen=True)
class _Query:
    """A query read both ways: its concept terms in each language, and its words for spelling matches."""

    readings: tuple[frozenset[str], ...]
    spellings: tuple[str, ...]
    title: str

    @classmethod
    def of(cls, text: str) -> "_Query":
        # One or two words say too little to tell the language ('utilisateurs' reads as English), so every
        # query is read in each language and each principle is scored with the reading that fits it best.
        readings = dict.fromkeys(frozenset(words(text, language)) for language in LANGUAGES)
        # A query of stopwords alone ('once only') is matched by them as written, or its titles would never count.
        spellings = tuple(dict.fromkeys(w for w in tokens(text) if not is_stopword(w))) or tuple(
            dict.fromkeys(tokens(text))
        )
        return cls(tuple(r for r in readings if r), spellings, " ".join(tokens(text)))


@dataclass(frozen=True)
class _Side:
    """What is searched of a principle in one language: title, summary and theme labels."""

    lang: str
    title: str
    summary: str
    labels: tuple[str, ...]
    official: bool = True

    @property
    def text(self) -> str:
        return " ".join([self.title, self.summary, *self.labels])

    @property
    def own_text(self) -> str:
        """Title and summary: what the principle itself says, without its themes' names."""
        return f"{self.title} {self.summary}"


@dataclass(frozen=True)
class _Match:
    """How one side of a principle matches a query; ``side`` is the side shown, ``shared`` the terms found."""

    side: _Side
    score: float
    exact: bool
    wording: float
    shared: frozenset[str]


def search(
    catalog: Catalog,
    query: str,
    jurisdiction: str | None = None,
    limit: int = 20,
    theme: str | None = None,
    index: MatcherIndex | None = None,
    lang: str = "en",
) -> SearchResults:
    """Principles whose title, summary or themes match ``query``, in English or French, best first.

    Ranking combines shared concept terms (so 'citizens' finds 'users' and French finds English) with matching
    of the words as spelled (so typos still find their word). Accents and case never matter. A principle is
    searched in each language it has (themes always have both); each hit shows the language that matched
    best, with the words that matched in it, and a query that is a principle's whole title ranks it first.
    With ``theme``, only principles on that theme are searched (see :func:`~dgcompare.reports.base.on_theme`),
    through ``index`` (one is built for the catalog when none is given).
    """
    wanted = _Query.of(query)
    if theme is not None and index is None:
        index = MatcherIndex(catalog)
    scored: list[tuple[float, bool, float, str, int, str, _Match, str | None]] = []
    for entry in catalog.files:
        if jurisdiction is not None and jurisdiction not in (entry.jurisdiction.code, *entry.jurisdiction.aliases):
            continue
        for framework in entry.frameworks:
            for principle in framework.principles:
                if theme is not None and index is not None and not on_theme(index, framework, principle, theme):
                    continue
                sides = _sides(catalog, framework, principle)
                # an exact title wins a tie between the languages; other ties keep English, listed first
                match = max((_match(side, wanted) for side in sides), key=lambda m: (m.score, m.exact))
                if match.score > 0:
                    if not match.side.title:
                        match = replace(match, side=sides[0])
                    code = entry.jurisdiction.code
                    rank = (-match.score, not match.exact, -match.wording)
                    url = principle.url or framework.url
                    scored.append((*rank, framework.id, principle.number, code, match, url))
    scored.sort(key=itemgetter(0, 1, 2, 3, 4))
    # The words that matched are looked up for the hits shown only.
    hits = tuple(
        SearchHit(
            framework=framework_id,
            jurisdiction=code,
            number=number,
            lang=match.side.lang,
            title=match.side.title,
            official=match.side.official,
            summary=match.side.summary,
            themes=match.side.labels,
            score=-negated,
            matched=_matched_words(match, wanted),
            url=url,
        )
        for negated, _, _, framework_id, number, code, match, url in scored[:limit]
    )
    frameworks = distinct(FrameworkSummary.of(catalog, f) for h in hits if (f := catalog.framework(h.framework)))
    return SearchResults(
        query=query,
        hits=hits,
        frameworks=frameworks,
        theme=ThemeSummary.of(catalog, theme),
        lang=lang,
        provenance=Provenance.of(catalog, MatchConfig() if index else None, index),
    )


def _sides(catalog: Catalog, framework: Framework, principle: Principle) -> tuple[_Side, ...]:
    """The principle in English, then in French, then in its official language where that is neither."""
    themes = [catalog.themes[t] for t in principle.themes if t in catalog.themes]

    def title(lang: str) -> str:
        return principle.title if lang == framework.language else principle.titles.get(lang, "")

    english = _Side(
        "en",
        title("en") or principle.title,
        principle.summary or "",
        tuple(t.label for t in themes),
        official=framework.is_official("en") or not title("en"),
    )
    # With no French title, the French side is the French theme labels alone, shown as the English side.
    french = _Side(
        "fr",
        title("fr"),
        principle.summaries.get("fr", ""),
        tuple(t.label_fr for t in themes),
        official=framework.is_official("fr"),
    )
    if framework.language in ("en", "fr"):
        return english, french
    return english, french, _Side(framework.language, principle.title, "", (), official=True)


def _match(side: _Side, query: _Query) -> _Match:
    """Score one side: 0.6 for the share of concept terms found, 0.25 for the title's words, 0.15 the rest's.

    A concept found only in the names of the principle's themes counts half: a principle tagged 'once only'
    ranks below one that says it.
    """
    own, named = frozenset(words(side.own_text, side.lang)), frozenset(words(side.text, side.lang))
    found = [
        (max(len(r & own) / len(r), THEMES_ONLY * len(r & named) / len(r)), (r & own) or (r & named))
        for r in query.readings
    ]
    concept, shared = max(found, key=itemgetter(0), default=(0.0, frozenset[str]()))
    # A query in one language meets a title in another through its concepts: 'fiabilité' is in 'Operate a reliable
    # service' as surely as 'reliable' is, so the title's share counts them too.
    in_title = frozenset(words(side.title, side.lang))
    titled = max((len(r & in_title) / len(r) for r in query.readings if r), default=0.0)
    title = max(_spelled(query.spellings, _vocabulary(side.title)), titled)
    body = _spelled(query.spellings, _vocabulary(side.text))
    written = " ".join(tokens(side.title))
    exact = bool(query.title) and query.title == written
    # Between equal scores, the title closer to the query as worded: 'open source' before 'source code open'.
    wording = fuzz.partial_ratio(query.title, written) / 100
    if exact:
        return _Match(side, 1.0, True, wording, shared)
    return _Match(side, round(0.6 * concept + 0.25 * title + 0.15 * body, 4), False, wording, shared)


THEMES_ONLY = 0.5
"""What a concept found only in a principle's theme names counts for, against one in its title or summary."""


def _vocabulary(text: str) -> frozenset[str]:
    """The folded words of ``text``, hyphenated ones also in parts ('open-source': 'source' is a word of it)."""
    found = tokens(text)
    return frozenset([*found, *(part for word in found if "-" in word for part in word.split("-"))])


def _spelled(spellings: Sequence[str], vocabulary: frozenset[str]) -> float:
    """The mean, over the query's words, of how alike each is to its likeliest word of ``vocabulary``."""
    if not spellings:
        return 0.0
    return sum(_likeness(word, vocabulary) for word in spellings) / len(spellings)


def _likeness(word: str, vocabulary: Iterable[str]) -> float:
    """1 for a word of ``vocabulary``, the similarity of a close spelling of a longer word, else 0."""
    if word in vocabulary:
        return 1.0
    if len(word) <= _SHORT:
        return 0.0
    best = process.extractOne(
        word, [w for w in vocabulary if len(w) > _SHORT], scorer=fuzz.ratio, score_cutoff=100 * _SIMILAR
    )
    return best[1] / 100 if best else 0.0


def _matched_words(match: _Match, query: _Query) -> tuple[str, ...]:
    """The words of the side shown (as written) that matched the query, by concept or by spelling."""
    written = _WRITTEN.findall(match.side.text)
    found = dict.fromkeys(
        word
        for word in written
        if set(words(word, language=match.side.lang)) & match.shared
        or any(_likeness(q, _vocabulary(word)) for q in query.spellings)
    )
    # A phrase can read as a concept that none of its words reads as alone ('data protection': privacy); its
    # words are highlighted when that concept matched, and only its own: no shorter span reads as it too.
    for size in range(2, _PHRASE_WORDS + 1):
        for start in range(len(written) - size + 1):
            span = written[start : start + size]
            new = _read(span, match.side.lang) - _read(span[1:], match.side.lang)
            new -= _read(span[:-1], match.side.lang)
            new -= set().union(*(_read([w], match.side.lang) for w in span))
            if new & match.shared:
                found.update(dict.fromkeys(w for w in span if words(w, language=match.side.lang)))
    # The view highlights without regard to case, so 'User' and 'user' are one word.
    first: dict[str, str] = {}
    for word in found:
        first.setdefault(word.casefold(), word)
    return tuple(first.values())


def _read(written: Sequence[str], language: str) -> set[str]:
    """The concept terms of a run of written words."""
    return set(words(" ".join(written), language))


_WRITTEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
"""A word as written: letters and digits, with inner hyphens and apostrophes (``l’État``, ``end-to-end``)."""


@dataclass(frozen=True)
class SearchView:
    """``dgcompare search TEXT``: ranked hits with the matched words highlighted."""

    results: SearchResults

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        r = self.results
        _ = translator(r.lang)
        if r.theme is not None:
            yield Text(r.theme.note(r.lang))
        if not r.hits:
            yield Text(_("No principle matches {query}.").format(query=repr(r.query)))
            return
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(_("Score"), justify="right", no_wrap=True)
        table.add_column(_("Principle"), no_wrap=True)
        # A word longer than the column folds rather than loses its end.
        table.add_column(_("Title and summary"), ratio=1, overflow="fold")
        for hit in r.hits:
            body = Text.assemble((r.title(hit), "bold"), "\n", hit.summary)
            if hit.matched:
                # Whole words only: 'ouvert' matched must not underline half of 'ouvertement', which did not.
                alternatives = "|".join(re.escape(word) for word in hit.matched)
                body.highlight_regex(re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.I), style="dg.match")
            table.add_row(score_text(hit.score, r.lang), Text(f"{hit.framework}:{hit.number}", style="dg.id"), body)
        yield table
        for note in r.legend():
            yield Text(note, style="dg.muted")
