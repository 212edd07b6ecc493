"""The shipped quality figures, and the caution they back where frameworks are of different kinds."""

from __future__ import annotations

from dgcompare.reports.base import FrameworkSummary
from dgcompare.reports.quality import QualityFigure, different_kinds, equivalents_across_kinds, load_quality


def figure(precision: float) -> QualityFigure:
    return QualityFigure(
        id=f"p{precision}", label="", label_fr="", pairs=1, precision=precision, recall=1, f1=1, across_kinds=True
    )


def framework(id_: str, kind: str | None) -> FrameworkSummary:
    return FrameworkSummary.model_construct(id=id_, kind=kind)


def test_the_shipped_sets_measured_across_kinds_are_the_strategy_and_law_sets() -> None:
    across = [q.id for q in load_quality()[1] if q.across_kinds]
    assert across == ["second-blind-it", "second-blind-pt"]


def test_the_measured_precisions_are_listed_lowest_first_in_either_language() -> None:
    english = equivalents_across_kinds([figure(0.44), figure(0.33)], "en")
    assert english is not None and "33% and 44% of the equivalents" in english
    french = equivalents_across_kinds([figure(0.5)], "fr")
    assert french is not None and "50 % des équivalences" in french
    assert equivalents_across_kinds([], "en") is None


def test_kinds_differ_only_between_frameworks_that_declare_one() -> None:
    assert different_kinds([framework("a", "service-standard"), framework("b", None)], "en") is None
    assert different_kinds([framework("a", "service-standard"), framework("b", "service-standard")], "en") is None
    kinds = different_kinds(
        [framework("a", "service-standard"), framework("b", "strategy-principles"), framework("c", "service-standard")],
        "en",
    )
    assert kinds == "service standards: a, c; strategy principles: b"
