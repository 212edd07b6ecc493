"""Measure alignments against gold labels: precision, recall and F1, per framework pair and overall.

Gold labels say which principle pairs are a ``match`` (the same commitment) or ``related`` (a partial
overlap); any pair not listed is unrelated. Two figures matter: ``equivalent`` alignments against
``match`` pairs, and every alignment against match and related pairs together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dgcompare.results import Alignment, PrincipleSummary

Pair = tuple[str, str]
"""Two principle references ``framework:number``, in sorted order."""


def pair_of(a: str, b: str) -> Pair:
    """A pair in canonical (sorted) order."""
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of predicted pairs against gold pairs."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Share of predicted pairs that are gold (1.0 when nothing is predicted)."""
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of gold pairs that are predicted (1.0 when there is no gold pair)."""
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives, self.predicted + other.predicted, self.gold + other.gold
        )


def score(predicted: Iterable[Pair], gold: Iterable[Pair]) -> Score:
    """Compare two sets of pairs."""
    p, g = set(predicted), set(gold)
    return Score(len(p & g), len(p), len(g))


@dataclass(frozen=True)
class Evaluation:
    """The two figures for one framework pair."""

    equivalent: Score
    """``equivalent`` alignments against ``match`` pairs."""
    any: Score
    """All alignments against ``match`` and ``related`` pairs."""


def evaluate(alignments: Iterable[Alignment], labels: Mapping[Pair, str]) -> Evaluation:
    """Evaluate alignments (of one or more framework pairs) against gold ``labels`` for the same pairs."""
    found = list(alignments)
    equivalent = {pair_of(str_ref(x.a), str_ref(x.b)) for x in found if x.relation == "equivalent"}
    every = {pair_of(str_ref(x.a), str_ref(x.b)) for x in found}
    matches = {p for p, label in labels.items() if label == "match"}
    return Evaluation(score(equivalent, matches), score(every, set(labels)))


def str_ref(summary: PrincipleSummary) -> str:
    """``framework:number`` of a principle summary."""
    return f"{summary.framework}:{summary.number}"
