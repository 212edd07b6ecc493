"""How one pair's score is made, and where each principle ranks among the other's candidates."""

from __future__ import annotations

from dataclasses import dataclass

from dgcompare.matcher.alignment import Link, align
from dgcompare.matcher.index import MatcherIndex
from dgcompare.matcher.profiles import Profile
from dgcompare.matcher.scoring import Breakdown
from dgcompare.matcher.settings import MatchConfig
from dgcompare.models import Framework, Principle


@dataclass(frozen=True)
class PairScore:
    """One pair's breakdown, ranks and final link."""

    breakdown: Breakdown
    rank_among_b: int
    """1 when ``b`` is ``a``'s best candidate in ``b``'s framework."""
    rank_among_a: int
    themes_a: tuple[tuple[str, float], ...]
    """``a``'s strongest themes (four at most) with their weights."""
    themes_b: tuple[tuple[str, float], ...]
    link: Link | None
    """The link ``align`` gives this pair (curated or inferred), if any."""
    shared_words: tuple[str, ...] = ()
    """The breakdown's shared terms as the two principles write them."""
    lent_a: tuple[str, ...] = ()
    """Of ``themes_a``, those ``a`` only borrows from the tagged principles nearest its words (untagged, it names
    none of them itself): they help match it, but no report says ``a`` is on them."""
    lent_b: tuple[str, ...] = ()


def explain_pair(
    index: MatcherIndex,
    a: tuple[Framework, Principle],
    b: tuple[Framework, Principle],
    config: MatchConfig | None = None,
) -> PairScore:
    """The full score breakdown of one pair, with each principle's rank among the other's candidates."""
    config = config or MatchConfig()
    (fa, pa), (fb, pb) = a, b
    x, y = index.profile(fa, pa), index.profile(fb, pb)
    detail = index.breakdown(x, y)
    # Scored in the same direction as ``detail``, so that its score is found among them to the last bit.
    row = sorted((index.score(x, index.profile(fb, q)) for q in fb.principles), reverse=True)
    col = sorted((index.score(index.profile(fa, q), y) for q in fa.principles), reverse=True)
    link = next((k for k in align(index, [fa, fb], config) if (k.a.number, k.b.number) == (pa.number, pb.number)), None)
    return PairScore(
        breakdown=detail,
        rank_among_b=row.index(detail.score) + 1,
        rank_among_a=col.index(detail.score) + 1,
        themes_a=_top(x),
        themes_b=_top(y),
        link=link,
        shared_words=tuple(index.shared_word(a, b, term) for term in detail.shared_terms),
        lent_a=_lent(x),
        lent_b=_lent(y),
    )


def _top(profile: Profile) -> tuple[tuple[str, float], ...]:
    return tuple((t, round(profile.themes[t], 3)) for t in profile.strongest)


def _lent(profile: Profile) -> tuple[str, ...]:
    return () if profile.stated is None else tuple(t for t in profile.strongest if t not in profile.stated)
