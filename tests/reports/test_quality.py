"""The shipped quality figures, and the caution they back where an equivalent joins frameworks of different kinds."""

from __future__ import annotations

from dataclasses import dataclass

from dgcompare.reports.base import FrameworkSummary
from dgcompare.reports.quality import kinds_caution, load_quality


@dataclass(frozen=True)
class Link:
    relation: str
    source: str


def framework(id_: str, kind: str | None) -> FrameworkSummary:
    return FrameworkSummary.model_construct(id=id_, kind=kind)


STRATEGY, STANDARD = framework("s", "strategy-principles"), framework("t", "service-standard")


def test_the_sets_measured_across_kinds_are_the_strategy_and_law_sets() -> None:
    across = {q.id: q.measured_between for q in load_quality()[1] if q.measured_between}
    assert across == {
        "second-blind-it": ("strategy-principles", "service-standard"),
        "second-blind-pt": ("legislation-principles", "service-standard"),
        "fourth-blind-it": ("strategy-principles", "service-standard"),
    }
    assert all(q.equivalents for q in load_quality()[1] if q.measured_between)


def test_only_inferred_equivalents_between_declared_kinds_call_for_a_caution() -> None:
    inferred, curated, related = (
        Link("equivalent", "inferred"),
        Link("equivalent", "curated"),
        Link("related", "inferred"),
    )
    assert kinds_caution([STRATEGY, STANDARD], [("s", "t", curated), ("s", "t", related)]) is None
    assert kinds_caution([STRATEGY, framework("u", None)], [("s", "u", inferred)]) is None
    assert kinds_caution([STANDARD, framework("v", "service-standard")], [("t", "v", inferred)]) is None
    caution = kinds_caution([STRATEGY, STANDARD], [("s", "t", inferred), ("s", "t", inferred)])
    assert caution is not None and caution.equivalents == 2
    assert [q.id for q in caution.measured] == ["second-blind-it", "fourth-blind-it"], "only sets of these kinds"


def test_the_caution_counts_what_was_measured_in_either_language() -> None:
    caution = kinds_caution([STRATEGY, STANDARD], [("s", "t", Link("equivalent", "inferred"))])
    assert caution is not None
    figure = caution.measured[0]
    assert figure.equivalents is not None
    right = round(figure.precision * figure.equivalents)
    english = caution.sentence("en")
    assert english.startswith("1 equivalent inferred by the matcher") and "(strategy principles: s; service" in english
    assert f"{right} of the {figure.equivalents} equivalents" in english
    french = caution.sentence("fr")
    assert "(principes stratégiques : s ; norme de service : t)" in french
    assert f"{right} des {figure.equivalents} équivalences" in french
