r"""Align principles across frameworks, explain each alignment, and say how sure we are.

The parts, in the order they run:

- :mod:`~dgcompare.matcher.profiles`: what the matcher knows of one principle (terms, title terms, themes);
- :mod:`~dgcompare.matcher.index`: :class:`MatcherIndex`, the profiles of one catalog under one set of
  scoring settings, built once per command and passed to every report;
- :mod:`~dgcompare.matcher.scoring`: a pair's score, the weighted cosines of two profiles;
- :mod:`~dgcompare.matcher.assignment`: the best one-to-one pairing (Hungarian method);
- :mod:`~dgcompare.matcher.alignment`: the rules that turn scores into :class:`Link`\\ s, curated links over them;
- :mod:`~dgcompare.matcher.explanation`: how one pair's score is made.

Everything here is pure and deterministic, and returns plain scored pairs: display objects are the reports'.
"""

from dgcompare.matcher.alignment import (
    Link,
    PrincipleRef,
    align,
    align_pair,
    exhaustive_crosswalk,
    rejections,
    with_curated,
)
from dgcompare.matcher.assignment import best_assignment
from dgcompare.matcher.explanation import PairScore, explain_pair
from dgcompare.matcher.index import MatcherIndex
from dgcompare.matcher.profiles import Profile
from dgcompare.matcher.scoring import Breakdown
from dgcompare.matcher.settings import EQUIVALENT, RELATED, MatchConfig, Progress, Relation, ScoringSettings, Source

__all__ = [
    "EQUIVALENT",
    "RELATED",
    "Breakdown",
    "Link",
    "MatchConfig",
    "MatcherIndex",
    "PairScore",
    "PrincipleRef",
    "Profile",
    "Progress",
    "Relation",
    "ScoringSettings",
    "Source",
    "align",
    "align_pair",
    "best_assignment",
    "exhaustive_crosswalk",
    "explain_pair",
    "rejections",
    "with_curated",
]
