"""What the matcher knows of one principle: unit vectors of its concept terms, title terms and themes.

- **terms**: TF-IDF of the concept terms (:mod:`dgcompare.text`) of title and summary, title words counting
  ``title_repeat`` times; rare terms weigh more than the ones every standard uses;
- **title terms**: the same for the title alone, because titles carry the commitment;
- **themes**: themes signalled by the taxonomy's English and French keywords, plus the curated themes where a
  principle has them, else themes borrowed from the most similar principles that have curated ones.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from dgcompare.lexicon import LANGUAGES
from dgcompare.matcher.settings import ScoringSettings
from dgcompare.models import Catalog, Principle
from dgcompare.text import detect, fold, spelled, tokens, words

Vector = Mapping[str, float]
_JOINS = re.compile(r"[,;/&+]|\b(?:and|et|y|e|und|ed|og|en)\b")
"""What joins two commitments in one title: a comma or the word 'and' in the languages the catalog holds."""
MAX_COMPOUND_WORDS = 6
"""A title with more content words than this is a sentence, not a list of commitments. Content words, not all
words: Portuguese or French articles and prepositions ('Proteção de dados pessoais e segurança da informação')
would make a short list look long."""


@dataclass(frozen=True)
class Profile:
    """Unit vectors of one principle's terms, title terms and themes, and of the themes linked to its own."""

    terms: Vector
    title_terms: Vector
    themes: Vector
    linked: Vector = field(default_factory=dict)
    """The themes the taxonomy links to this principle's (open source -> reuse), weighted by its own."""
    compound: bool = False
    """The principle bundles several commitments (:meth:`Profiler.is_compound`)."""
    tagged: tuple[str, ...] = ()
    """The themes its catalog file tags it with, in the file's order."""
    stated: frozenset[str] | None = None
    """Where it differs from ``themes``: the themes its tags and words name, without those an untagged principle
    borrows from its neighbours to be matched (a report must not say its wording names them)."""
    language: str = "en"
    """The language the matcher read the principle in: its summary's (its title's where it has no summary)."""

    @cached_property
    def own_themes(self) -> Vector:
        """The themes reports say a principle is on: its weights, for the themes its tags or its own words name.

        Neighbours lend an untagged principle themes to be matched by; they may strengthen a theme its words name
        ('Keep personal data secure': security) but not add one they do not ('Power of attorney': once only).
        """
        return self.themes if self.stated is None else {t: w for t, w in self.themes.items() if t in self.stated}

    def parts(self) -> tuple[Vector, Vector, Vector, Vector, Vector]:
        """Terms, themes, title terms, linked themes, themes: the order of :attr:`ScoringSettings.part_weights`."""
        return self.terms, self.themes, self.title_terms, self.linked, self.themes

    @cached_property
    def strongest(self) -> tuple[str, ...]:
        """What an explanation lists as its themes: the tagged ones, then the strongest others, up to four in all.

        Tagged themes come first, in the file's order, whatever their weight, so that an explanation lists what
        ``show FRAMEWORK:N`` lists: a tagged theme outweighed by one the wording suggests (performance
        measurement beside automated systems) was left out of 'Themes of' and 'Shared themes'. The others
        follow strongest first (ties by id).
        """
        rank = {t: i for i, t in enumerate(self.tagged)}
        order = sorted(self.themes, key=lambda t: (rank.get(t, len(rank)), -round(self.themes[t], 3), t))
        return tuple(order[: max(4, len(self.tagged))])

    def crossed(self) -> tuple[Vector, Vector, Vector, Vector, Vector]:
        """The parts that :meth:`parts` meets in the other principle: the themes face the linked themes."""
        return self.terms, self.themes, self.title_terms, self.themes, self.linked


def unit(vector: Mapping[str, float]) -> dict[str, float]:
    """``vector`` scaled to length one (empty when it is zero)."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def text_terms(principle: Principle, language: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The concept terms of a principle's title and of its summary.

    ``language`` is that of the principle's framework. Where it is one dgcompare reads other than English and
    the title has no English rendering, the title is read in it: the official title is verbatim in that
    language, and a short title often has no function word to detect it by ('Ethische Dienste gestalten').
    Otherwise, and always for the summary, each text's language is detected.
    """
    (title, title_language), (summary, summary_language) = readings(principle, language)
    return words(title, title_language), words(summary, summary_language)


def readings(principle: Principle, language: str | None = None) -> tuple[tuple[str, str], tuple[str, str]]:
    """The texts the matcher reads of a principle, title then summary, each with the language it reads it in.

    ``language`` is that of the principle's framework (see :func:`text_terms`). A summary is read in the language
    detected, unless the framework's language is another than English and the one detected is a third: a
    catalog's summaries are ours, in English, or the framework's, and an Italian sentence with 'se' and 'ha' can
    read as Spanish.
    """
    title, summary = principle.english_title, principle.summary or ""
    official = language in LANGUAGES and language != "en" and "en" not in principle.titles
    detected = detect(summary)
    if language is not None and language != "en" and language in LANGUAGES and detected not in ("en", language):
        detected = language
    return (title, language if official and language else detect(title)), (summary, detected)


class Spelling(NamedTuple):
    """How a principle writes one of its concept terms."""

    text: str
    """The words as written (``Datenschutz``, ``whole problem``)."""
    in_title: bool
    language: str
    """The language the matcher read them in."""


def spelling(principle: Principle, term: str, language: str | None = None) -> Spelling | None:
    """How a principle writes one of its concept terms, looked for in its title first, then in its summary.

    None when neither reads as ``term`` (a term of another principle).
    """
    for (text, read_in), in_title in zip(readings(principle, language), (True, False), strict=True):
        found = spelled(term, text, read_in)
        if found is not None:
            return Spelling(found, in_title, read_in)
    return None


class Profiler:
    """Builds profiles from one catalog's vocabulary statistics and taxonomy; pure, each part built on first use."""

    def __init__(self, catalog: Catalog, settings: ScoringSettings) -> None:
        self.catalog = catalog
        self.settings = settings

    def profile(self, principle: Principle, language: str | None = None) -> Profile:
        """The profile of ``principle`` (of this catalog or not) against this catalog's vocabulary.

        ``language`` is that of the principle's framework (see :func:`text_terms`).
        """
        (title_text, title_language), (summary_text, summary_language) = readings(principle, language)
        title, summary = words(title_text, title_language), words(summary_text, summary_language)
        terms = self._term_vector(title, summary)
        title_terms = unit({t: self._idf_of(t) for t in title})
        themes: dict[str, float] = defaultdict(float)
        for theme, weight in self.themes_in(title).items():
            themes[theme] += 2 * weight
        for theme, weight in self.themes_in(summary).items():
            themes[theme] += weight
        for rank, theme in enumerate(principle.themes):
            themes[theme] += 2.0 if rank == 0 else 1.0
        stated = None
        if not principle.themes:
            stated = frozenset(unit(themes))
            for theme, weight in self._borrowed_themes(terms).items():
                themes[theme] += weight
        own = unit(themes)
        linked: dict[str, float] = defaultdict(float)
        for theme, weight in own.items():
            for other in self.links.get(theme, ()):
                linked[other] += weight
        return Profile(
            terms,
            title_terms,
            own,
            unit(linked),
            self.is_compound(principle, language),
            tuple(principle.themes),
            stated,
            summary_language if summary_text.strip() else title_language,
        )

    def is_compound(self, principle: Principle, language: str | None = None) -> bool:
        """True when ``principle`` bundles several commitments.

        Its title is short and joins parts ('Use open standards and solutions', 'Security and privacy') of which
        two or more signal different themes by their words. A long title that lists conditions is one commitment
        with its reasons, not several; 'simple and intuitive' joins two words for one commitment.
        """
        title = principle.english_title
        reading = language if "en" not in principle.titles else None
        if len(words(title, reading)) > MAX_COMPOUND_WORDS:
            return False
        parts = [part for part in _JOINS.split(fold(title)) if part.strip()]
        if len(parts) < 2:
            return False
        themes = {
            max(sorted(found), key=found.__getitem__)
            for part in parts
            if (found := self.themes_in(words(part, reading)))
        }
        return len(themes) >= 2

    @cached_property
    def links(self) -> dict[str, set[str]]:
        """Each theme's linked themes, both ways: a link is listed under one of the two."""
        links: dict[str, set[str]] = defaultdict(set)
        for theme in self.catalog.taxonomy.themes:
            for other in theme.related:
                links[theme.id].add(other)
                links[other].add(theme.id)
        return links

    @cached_property
    def _principle_count(self) -> int:
        return sum(len(f.principles) for f in self.catalog.frameworks())

    @cached_property
    def _document_frequency(self) -> Counter[str]:
        documents = (
            set(title + summary)
            for f in self.catalog.frameworks()
            for p in f.principles
            for title, summary in [text_terms(p, f.language)]
        )
        return Counter(t for d in documents for t in d)

    @cached_property
    def _idf(self) -> dict[str, float]:
        total = self._principle_count
        return {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in self._document_frequency.items()}

    @cached_property
    def _unseen_idf(self) -> float:
        # A term the catalog has never seen is as informative as the rarest ones.
        return math.log(1 + self._principle_count) + 1.0

    def _idf_of(self, term: str) -> float:
        return self._idf.get(term) or self._unseen_idf

    @cached_property
    def _keywords(self) -> dict[tuple[str, ...], dict[str, float]]:
        """Keyword term sequences -> the themes they signal, weighted by how specific they are."""
        readings = {
            theme.id: [(words(k, "en"), len(tokens(k))) for k in theme.keywords]
            + [(words(k, "fr"), len(tokens(k))) for k in theme.keywords_fr]
            for theme in self.catalog.taxonomy.themes
        }
        users: Counter[str] = Counter(t for read in readings.values() for t in {t for seq, _ in read for t in seq})
        found: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for theme, read in readings.items():
            alone = {seq for seq, written in read if written == 1}
            for seq, written in read:
                # A phrase that reads as one term the keywords of several themes use has lost the words that
                # said which ('use data' reads as data, 'across government' as government): it signals the
                # theme only where that term alone does.
                if len(seq) == 1 and written > 1 and seq not in alone and users[seq[0]] > 1:
                    continue
                found[seq].add(theme)
        found.pop((), None)
        # A one-word keyword that most principles use ("service", "digital") signals no theme in particular.
        total = self._principle_count or 1
        frequency = self._document_frequency
        for seq in [s for s in found if len(s) == 1 and frequency.get(s[0], 0) / total > 0.25]:
            del found[seq]
        return {
            seq: {theme: (1.0 + 0.5 * (len(seq) - 1)) / len(themes) for theme in themes}
            for seq, themes in found.items()
        }

    @cached_property
    def _longest_keyword(self) -> int:
        return max((len(k) for k in self._keywords), default=1)

    @cached_property
    def _keyword_starts(self) -> frozenset[str]:
        return frozenset(sequence[0] for sequence in self._keywords)

    def themes_in(self, terms: Sequence[str]) -> dict[str, float]:
        """The themes that the taxonomy's keywords signal in ``terms``, with their weights."""
        hits: dict[str, float] = defaultdict(float)
        keywords, longest, starts = self._keywords, self._longest_keyword, self._keyword_starts
        for start in range(len(terms)):
            if terms[start] not in starts:
                continue
            for length in range(1, min(longest, len(terms) - start) + 1):
                for theme, weight in keywords.get(tuple(terms[start : start + length]), {}).items():
                    hits[theme] += weight
        return hits

    def _term_vector(self, title: Sequence[str], summary: Sequence[str]) -> dict[str, float]:
        """TF-IDF unit vector of a principle's terms, title terms counting ``title_repeat`` times."""
        counts: dict[str, float] = defaultdict(float)
        for term in summary:
            counts[term] += 1.0
        for term in title:
            counts[term] += self.settings.title_repeat
        return unit({t: c * self._idf_of(t) for t, c in counts.items()})

    @cached_property
    def _examples(self) -> tuple[list[tuple[str, ...]], dict[str, list[tuple[int, float]]]]:
        """The catalog's labelled examples (principles with curated themes): their themes, and term postings.

        The postings map each term to the examples that use it, with its weight there.
        """
        themes: list[tuple[str, ...]] = []
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for framework in self.catalog.frameworks():
            for principle in framework.principles:
                if principle.themes:
                    for term, weight in self._term_vector(*text_terms(principle, framework.language)).items():
                        postings[term].append((len(themes), weight))
                    themes.append(principle.themes)
        return themes, dict(postings)

    def _borrowed_themes(self, terms: Mapping[str, float]) -> dict[str, float]:
        themes, postings = self._examples
        # Cosines with every example at once, through the terms they share (most share none); a list, not a
        # dict, since this loop is a third of the time a large catalog takes to profile.
        similarity = [0.0] * len(themes)
        for term, weight in terms.items():
            for example, example_weight in postings.get(term, ()):
                similarity[example] += weight * example_weight
        # The most similar first, ties in the examples' order.
        close = ((example, value) for example, value in enumerate(similarity) if value)
        nearest = heapq.nlargest(self.settings.neighbours, close, key=itemgetter(1))
        borrowed: dict[str, float] = defaultdict(float)
        for example, value in nearest:
            for rank, theme in enumerate(themes[example]):
                borrowed[theme] += self.settings.neighbour_weight * value * (2.0 if rank == 0 else 1.0)
        return borrowed
