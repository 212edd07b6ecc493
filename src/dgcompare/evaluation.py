"""Measure alignments against gold labels: precision, recall and F1, per framework pair and overall.

Gold labels say which principle pairs are a ``match`` (the same commitment) or ``related`` (a partial
overlap); any pair not listed is unrelated. Two figures matter: ``equivalent`` alignments against
``match`` pairs, and every alignment against match and related pairs together.

The test suite's quality floors and ``bench/matcher_quality.py`` both measure the matcher through
:func:`load_labels` and :func:`matcher_results`, so that they cannot drift apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dgcompare.matcher import Link, MatchConfig, MatcherIndex, PrincipleRef, align_pair
from dgcompare.models import Catalog

Pair = tuple[str, str]
"""Two principle references ``framework:number``, in sorted order."""
FrameworkPair = tuple[str, str]
"""Two framework ids, in sorted order."""
Labels = Mapping[FrameworkPair, Mapping[Pair, str]]
"""Gold labels (``match`` or ``related``) of principle pairs, grouped by framework pair."""
FRENCH_ONLY = "xb-normes-numeriques"
"""The fictional held-out framework written in French only (``tests/fixtures/heldout/bellerive.yaml``)."""


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


def evaluate(alignments: Iterable[Link], labels: Mapping[Pair, str]) -> Evaluation:
    """Evaluate alignments (of one or more framework pairs) against gold ``labels`` for the same pairs."""
    found = list(alignments)
    equivalent = {pair_of(str_ref(x.a), str_ref(x.b)) for x in found if x.relation == "equivalent"}
    every = {pair_of(str_ref(x.a), str_ref(x.b)) for x in found}
    matches = {p for p, label in labels.items() if label == "match"}
    return Evaluation(score(equivalent, matches), score(every, set(labels)))


def str_ref(ref: PrincipleRef) -> str:
    """``framework:number`` of a principle."""
    return f"{ref.framework}:{ref.number}"


def overall(results: Iterable[Evaluation]) -> Evaluation:
    """The micro-averaged evaluation of several framework pairs: their counts added up."""
    equivalent, every = Score(0, 0, 0), Score(0, 0, 0)
    for result in results:
        equivalent, every = equivalent + result.equivalent, every + result.any
    return Evaluation(equivalent, every)


def load_labels(path: Path) -> dict[FrameworkPair, dict[Pair, str]]:
    """Read a gold crosswalk (such as ``tests/crosswalk/dev.yaml``) and group its labels by framework pair.

    The file holds a list ``pairs`` of items ``{a: "framework:number", b: "framework:number", label: ...}``
    with ``label`` either ``match`` or ``related``.
    """
    import yaml

    grouped: dict[FrameworkPair, dict[Pair, str]] = defaultdict(dict)
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"]:
        a, b = str(item["a"]), str(item["b"])
        first, second = sorted((a.split(":")[0], b.split(":")[0]))
        grouped[(first, second)][pair_of(a, b)] = str(item["label"])
    return dict(grouped)


def french_only(labels: Labels) -> dict[FrameworkPair, dict[Pair, str]]:
    """The labels of the framework pairs that involve the French-only held-out framework."""
    return {key: dict(gold) for key, gold in labels.items() if FRENCH_ONLY in key}


def renamed(labels: Labels, old: str, new: str) -> dict[FrameworkPair, dict[Pair, str]]:
    """The labels of the framework pairs that involve ``old``, with ``old`` renamed ``new``.

    A translation of a labelled framework (same numbers, another language) is measured with the original's labels.
    """
    found: dict[FrameworkPair, dict[Pair, str]] = {}
    for (fa, fb), gold in labels.items():
        if old not in (fa, fb):
            continue
        other = fb if fa == old else fa
        gold = {
            pair_of(*(new + ref[len(old) :] if ref.split(":")[0] == old else ref for ref in pair)): label
            for pair, label in gold.items()
        }
        found[(new, other) if new <= other else (other, new)] = gold
    return found


def matcher_results(catalog: Catalog, labels: Labels, config: MatchConfig) -> dict[FrameworkPair, Evaluation]:
    """Align each labelled framework pair with the matcher and evaluate it against its labels.

    Raises:
        KeyError: a labelled framework is not in ``catalog``.
    """
    index = MatcherIndex(catalog, config.scoring)
    results = {}
    for (fa, fb), gold in labels.items():
        a, b = catalog.framework(fa), catalog.framework(fb)
        if a is None or b is None:
            raise KeyError(f"{fa if a is None else fb} is labelled but not in the catalog")
        results[(fa, fb)] = evaluate(align_pair(index, a, b, config), gold)
    return results
