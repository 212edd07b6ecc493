"""A pair's score from two profiles: the weighted cosines of their terms, themes and title terms."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from dgcompare.matcher.profiles import Profile, Vector


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit vectors stored as dicts."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def clamp(raw: float) -> float:
    """A raw weighted sum as the score reported: in [0, 1], four decimals."""
    return round(min(1.0, max(0.0, raw)), 4)


def score(a: Profile, b: Profile, weights: Sequence[float]) -> float:
    """The pair's score in [0, 1], rounded as reported.

    The sums run in the order :class:`Postings` uses, so that both give the same figures to the last bit.
    """
    raw = 0.0
    for part_a, part_b, weight in zip(a.parts(), b.crossed(), weights, strict=True):
        for term, value in part_b.items():
            other = part_a.get(term)
            if other is not None:
                raw += value * (other * weight)
    return clamp(raw)


@dataclass(frozen=True)
class Postings:
    """A framework's profiles turned inside out, to score all its principles against one in a single pass.

    For each part (terms, themes, title): term -> (principle position, value times the part's weight).
    """

    size: int
    parts: tuple[dict[str, list[tuple[int, float]]], ...]

    @classmethod
    def of(cls, profiles: Sequence[Profile], weights: Sequence[float]) -> Postings:
        """The postings of ``profiles``, in order."""
        parts: tuple[dict[str, list[tuple[int, float]]], ...] = tuple({} for _ in weights)
        for i, profile in enumerate(profiles):
            for part, found, weight in zip(profile.parts(), parts, weights, strict=True):
                for term, value in part.items():
                    found.setdefault(term, []).append((i, value * weight))
        return cls(len(profiles), parts)

    def scores(self, b: Profile) -> list[float]:
        """The score of every indexed profile against ``b``, through the terms they share."""
        raw = [0.0] * self.size
        for part, postings in zip(b.crossed(), self.parts, strict=True):
            for term, value in part.items():
                for i, other in postings.get(term, ()):
                    raw[i] += value * other
        return [clamp(x) for x in raw]


def title_cover(a: Profile, b: Profile) -> float:
    """The larger share of one principle's title terms, by weight, that the other principle's terms hold."""
    return max(_held(a.title_terms, b.terms), _held(b.title_terms, a.terms))


def _held(unit_vector: Vector, other: Vector) -> float:
    return sum(v * v for t, v in unit_vector.items() if t in other)


@dataclass(frozen=True)
class Breakdown:
    """A pair's score and where it comes from."""

    score: float
    terms: float
    themes: float
    title: float
    shared_themes: tuple[str, ...]
    """The themes both principles carry strongly (three at most), strongest first."""
    shared_terms: tuple[str, ...]
    """The terms both use (five at most), strongest first."""
    linked: float = 0.0
    """How far each side's themes are linked to the other's (the mean of both directions), 0 to 1."""
    linked_themes: tuple[tuple[str, str], ...] = ()
    """Pairs of linked themes, one strong on each side (open source, common platforms), three at most."""

    @classmethod
    def of(
        cls, a: Profile, b: Profile, weights: Sequence[float], links: Mapping[str, Collection[str]] | None = None
    ) -> Breakdown:
        """Score one pair and keep the parts, with the themes and terms the two share and the linked themes."""
        found = Shared.of(a, b, links)
        return cls(
            score=score(a, b, weights),
            terms=round(cosine(a.terms, b.terms), 4),
            themes=round(cosine(a.themes, b.themes), 4),
            title=round(cosine(a.title_terms, b.title_terms), 4),
            shared_themes=found.themes,
            shared_terms=found.terms,
            linked=round((cosine(a.linked, b.themes) + cosine(a.themes, b.linked)) / 2, 4),
            linked_themes=found.linked,
        )


@dataclass(frozen=True)
class Shared:
    """What two principles have in common: the reasons given for their link."""

    themes: tuple[str, ...]
    """The themes both carry strongly (three at most), strongest first."""
    terms: tuple[str, ...]
    """The terms both use (five at most), strongest first."""
    linked: tuple[tuple[str, str], ...]
    """Pairs of linked themes, one strong on each side (open source, common platforms), three at most."""
    words: tuple[str, ...] = ()
    """``terms`` as the two principles write them (:meth:`MatcherIndex.shared_word`), when known."""

    @classmethod
    def of(cls, a: Profile, b: Profile, links: Mapping[str, Collection[str]] | None = None) -> Shared:
        """What ``a`` and ``b`` share, and the taxonomy's ``links`` between their themes."""
        terms = sorted((t for t in a.terms if t in b.terms), key=lambda t: (-a.terms[t] * b.terms[t], t))
        themes = sorted((t for t in a.themes if t in b.themes), key=lambda t: (-a.themes[t] * b.themes[t], t))
        # Among the strongest of each, which is what an explanation lists as each side's themes: it must neither
        # call one of them unshared nor call shared a theme it does not list for one side.
        main = set(a.strongest) & set(b.strongest)
        strong = [t for t in themes if t in main]
        linked = tuple(
            (t, u)
            for t in a.strongest
            for u in b.strongest
            if u in (links or {}).get(t, ()) and t not in b.strongest and u not in a.strongest
        )
        return cls(tuple(strong[:3]), tuple(terms[:5]), linked[:3])

    def reasons(self, theme_labels: Mapping[str, str]) -> tuple[str, ...]:
        """Readable reasons: the themes and the terms the two principles share, and their linked themes."""
        why = [f"theme: {theme_labels.get(t, t)}" for t in self.themes]
        if self.terms:
            why.append("terms: " + ", ".join(self.words or self.terms))
        why.extend(f"linked themes: {theme_labels.get(t, t)} ~ {theme_labels.get(u, u)}" for t, u in self.linked)
        return tuple(why)
