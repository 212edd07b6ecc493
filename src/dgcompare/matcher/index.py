"""The matcher's derived state for one catalog and one set of scoring settings, held in one explicit object."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from dgcompare.lexicon import LANGUAGES
from dgcompare.matcher.profiles import Profile, Profiler, Spelling, spelling
from dgcompare.matcher.scoring import Breakdown, Postings, Shared, score
from dgcompare.matcher.settings import ScoringSettings
from dgcompare.models import Catalog, Framework, Principle
from dgcompare.text import tokens

PrincipleKey = tuple[str, int]
"""A principle named by its framework id and number."""


class MatcherIndex:
    """Profiles and postings of one catalog's principles under one :class:`ScoringSettings`.

    A command builds one and hands it to every report it runs; a library caller does the same. Profiles are
    made on first use and kept here only, so that the object, not a hidden memo, is what carries the work
    from one report to the next. ``profiles`` made by an earlier index over the same catalog files and
    settings (the CLI keeps them in its catalog cache) are taken as given: a profile is a pure function of
    the catalog and the settings.
    """

    def __init__(
        self,
        catalog: Catalog,
        settings: ScoringSettings | None = None,
        profiles: Mapping[PrincipleKey, Profile] | None = None,
    ) -> None:
        self.catalog = catalog
        self.settings = settings or ScoringSettings()
        self.weights = self.settings.part_weights
        self._profiler = Profiler(catalog, self.settings)
        self._profiles: dict[PrincipleKey, Profile] = dict(profiles or {})
        self._given = len(self._profiles)
        self._postings: dict[str, Postings] = {}
        self._spellings: dict[tuple[str, int, str], Spelling | None] = {}

    def profile(self, framework: Framework, principle: Principle) -> Profile:
        """The profile of ``principle`` of ``framework``, a framework of this index's catalog.

        Raises:
            ValueError: the framework is not the catalog's own under that id.
        """
        key = (framework.id, principle.number)
        found = self._profiles.get(key)
        if found is None:
            if self.catalog.framework(framework.id) is not framework:
                raise ValueError(f"{framework.id} is not a framework of this index's catalog")
            found = self._profiles[key] = self._profiler.profile(principle, framework.language)
        return found

    def read_language(self, framework: Framework) -> str:
        """The language the matcher reads ``framework`` in: that of most of its principles (the first on a tie).

        A framework declared in a language the word lists do not hold (``nl``), with no English title to read
        instead, is read in that language: the matcher cannot read it, whatever a word count guesses.
        """
        if framework.language not in LANGUAGES and not any("en" in p.titles for p in framework.principles):
            return framework.language
        counts = Counter(self.profile(framework, p).language for p in framework.principles)
        return counts.most_common(1)[0][0] if counts else framework.language

    def score(self, a: Profile, b: Profile) -> float:
        """The score of one pair, in [0, 1]."""
        return score(a, b, self.weights)

    def scores(self, framework: Framework, b: Profile) -> list[float]:
        """The score of every principle of ``framework`` against ``b``, in order; equal to :meth:`score`."""
        postings = self._postings.get(framework.id)
        if postings is None:
            profiles = [self.profile(framework, p) for p in framework.principles]
            postings = self._postings[framework.id] = Postings.of(profiles, self.weights)
        return postings.scores(b)

    def score_matrix(self, a: Framework, b: Framework) -> list[list[float]]:
        """The score of every principle of ``a`` against every principle of ``b``."""
        columns = [self.scores(a, self.profile(b, p)) for p in b.principles]
        return [list(row) for row in zip(*columns, strict=True)] if columns else [[] for _ in a.principles]

    def shared(self, a: tuple[Framework, Principle], b: tuple[Framework, Principle]) -> Shared:
        """What two principles have in common: the reasons of their link, shared terms in their own words."""
        found = Shared.of(self.profile(*a), self.profile(*b), self._profiler.links)
        return replace(found, words=tuple(self.shared_word(a, b, term) for term in found.terms))

    def shared_word(self, a: tuple[Framework, Principle], b: tuple[Framework, Principle], term: str) -> str:
        """A concept term both principles use, as they write it: ``users`` or, in two words, ``users / citizens``.

        A reader is shown words, not the matcher's stems ('solv') or concepts ('end2end'): ``a``'s then ``b``'s,
        or, where both write the same word (give or take an ending), that word once, as a title writes it.
        """
        spellings = [x for side in (a, b) if (x := self._spelling(*side, term)) is not None]
        if len(spellings) == 2 and not _same_word(spellings[0].text, spellings[1].text):
            return " / ".join(_as_read(x) for x in spellings)
        # One word: as a title writes it, where one does, since that is where a reader looks.
        return _as_read(min(spellings, key=lambda x: not x.in_title)) if spellings else term

    def _spelling(self, framework: Framework, principle: Principle, term: str) -> Spelling | None:
        key = (framework.id, principle.number, term)
        if key not in self._spellings:
            self._spellings[key] = spelling(principle, term, framework.language)
        return self._spellings[key]

    def breakdown(self, a: Profile, b: Profile) -> Breakdown:
        """One pair's score with its parts and what the two share."""
        return Breakdown.of(a, b, self.weights, self._profiler.links)

    @property
    def grown(self) -> bool:
        """True when profiles were made beyond those given at construction."""
        return len(self._profiles) > self._given

    def profiles(self) -> Iterator[tuple[PrincipleKey, Profile]]:
        """Every profile made or given so far."""
        yield from self._profiles.items()


@lru_cache(maxsize=8192)
def _same_word(a: str, b: str) -> bool:
    """Whether two spellings are one word give or take case, accents and an ending ('Solve', 'solving').

    Endings vary too much across languages for a stemmer ('protection', 'protects'; 'sécurité', 'security'):
    the two must share all but their last three letters, and at least four.
    """
    x, y = " ".join(tokens(a)), " ".join(tokens(b))
    common = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    return x == y or common >= max(4, min(len(x), len(y)) - 3)


def _as_read(found: Spelling) -> str:
    """Words as they read inside a sentence: a capital that only starts a title or sentence is dropped.

    Acronyms and words with inner capitals keep theirs ('GDPR', 'GitHub'), and so does German, whose nouns
    are capitalised.
    """
    text = found.text
    if not text[:1].isupper() or any(c.isupper() for c in text[1:]) or found.language == "de":
        return text
    return text[0].lower() + text[1:]


def profiles_to_data(profiles: Iterator[tuple[PrincipleKey, Profile]]) -> list[Any]:
    """Profiles as plain JSON-ready lists: ``[framework, number, terms, title terms, themes, linked, ...]``.

    After the linked themes come the compound flag, the tagged themes, the stated themes (or None) and the language
    the principle was read in.
    """
    return [
        [f, n, p.terms, p.title_terms, p.themes, p.linked, p.compound, list(p.tagged), _listed(p.stated), p.language]
        for (f, n), p in profiles
    ]


def _listed(themes: frozenset[str] | None) -> list[str] | None:
    return None if themes is None else sorted(themes)


def profiles_from_data(data: Any) -> dict[PrincipleKey, Profile]:
    """Profiles from :func:`profiles_to_data`'s form.

    Raises:
        ValueError: the data does not have that form.
    """
    try:
        return {
            (str(f), int(n)): Profile(
                dict(terms),
                dict(title),
                dict(themes),
                dict(linked),
                bool(compound),
                tuple(map(str, tagged)),
                None if stated is None else frozenset(map(str, stated)),
                str(language),
            )
            for f, n, terms, title, themes, linked, compound, tagged, stated, language in data
        }
    except (TypeError, ValueError) as error:
        raise ValueError(f"not a list of profiles: {error}") from error
