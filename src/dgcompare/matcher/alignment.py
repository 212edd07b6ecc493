"""The rules that turn scores into links, and curated crosswalks merged over them.

A pair is ``equivalent`` when its score reaches the equivalent threshold and it belongs to the best
one-to-one pairing of the two frameworks, or is near-best on both sides (a commitment split in two);
``related`` when it reaches the related threshold and a share of one side's best score. Curated crosswalks
take precedence. Same inputs, same output.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from dgcompare.matcher.assignment import best_assignment
from dgcompare.matcher.index import MatcherIndex
from dgcompare.matcher.scoring import cosine, title_cover
from dgcompare.matcher.settings import EQUIVALENT, RELATED, MatchConfig, Progress, Relation, Source
from dgcompare.models import Catalog, CrosswalkFile, CrosswalkMapping, Framework, Principle

EQUIVALENT_STRENGTH = 7
"""A curated mapping of this strength or more (or ``equal``) counts as an equivalent."""


class PrincipleRef(NamedTuple):
    """A principle named by its framework id and number."""

    framework: str
    number: int


@dataclass(frozen=True)
class Link:
    """Two principles of different frameworks, how they align, how strongly, on whose word and why."""

    a: PrincipleRef
    b: PrincipleRef
    score: float
    relation: Relation
    source: Source
    reasons: tuple[str, ...] | Callable[[], tuple[str, ...]] = field(default=(), compare=False, repr=False)
    """Why the two align, or how to find out: an inferred link's reasons are worked out when first read."""
    a_covers_b: bool = False
    """``a`` makes the whole of ``b``'s commitment: an equivalent, or a curated ``equal`` or ``superset``."""
    b_covers_a: bool = False
    """``b`` makes the whole of ``a``'s commitment."""
    crosswalk: str | None = None
    """For a curated link, the crosswalk file it comes from, as the catalog names it; None for an inferred one."""

    @property
    def why(self) -> tuple[str, ...]:
        """Why the two align: shared themes and terms, linked themes, or a curated mapping's rationale."""
        if callable(self.reasons):
            # Most links are only counted (gaps, matrix); their reasons, half the cost of aligning, are
            # found only for the links a report shows. The value is a pure function of the pair.
            object.__setattr__(self, "reasons", self.reasons())
        assert not callable(self.reasons)
        return self.reasons


def align_pair(index: MatcherIndex, a: Framework, b: Framework, config: MatchConfig | None = None) -> list[Link]:
    """What the matcher infers between two frameworks (no curated crosswalk), in ``a``'s order."""
    config = config or MatchConfig()
    matrix = index.score_matrix(a, b)
    if not matrix or not matrix[0]:
        return []
    equivalent = config.equivalent_between(a.kind, b.kind)
    row_best = [max(row) for row in matrix]
    col_best = [max(column) for column in zip(*matrix, strict=True)]
    # The best overall pairing only matters among pairs that can be equivalent.
    assigned = set(best_assignment(matrix)) if max(row_best) >= equivalent else set()
    compound_a = [config.compound and index.profile(a, p).compound for p in a.principles]
    compound_b = [config.compound and index.profile(b, p).compound for p in b.principles]
    chosen: list[tuple[int, int, Relation]] = []
    bundles: set[tuple[int, int]] = set()
    unworded: dict[tuple[int, int], str] = {}  # under the wording bar: the shared wording, enough or too little
    held: dict[tuple[int, int], str] = {}  # why a pair over the bar is a second equivalent (split) or only related
    splits: list[tuple[int, int]] = []
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            # Weak: below the related threshold, or far below what both principles find elsewhere.
            if value < config.related or (
                value < equivalent and value < config.related_share * min(row_best[i], col_best[j])
            ):
                # Linked commitments (code opened so that others reuse it) are related, however their words differ.
                if value >= config.related - config.linked_margin and _linked(index, a, b, i, j) >= config.linked:
                    chosen.append((i, j, RELATED))
                continue
            # Equivalents are the pairing that is best overall, so that one greedy pair cannot take another's
            # natural partner; a near-best second partner is kept for commitments split in two.
            near_best = value >= config.margin * row_best[i] and value >= config.margin * col_best[j]
            paired = (i, j) in assigned or (config.split and near_best)
            # A principle that bundles several commitments is equivalent to each narrower one whose best
            # counterpart it is.
            bundled = (compound_a[i] and value >= config.margin * col_best[j]) or (
                compound_b[j] and value >= config.margin * row_best[i]
            )
            same = value >= equivalent and (paired or bundled)
            if value >= equivalent and not same:
                held[(i, j)] = _second_best(a, b, matrix, i, j, config.margin)
            if same and value < config.wording_below:
                terms, title = _wording(index, a, b, i, j)
                measured = (
                    f"under {config.wording_below:.2f} (terms {terms:.3f}, needs {config.wording_terms:.2f}; title "
                    f"words {title:.2f}, needs {config.wording_title:.2f})"
                )
                if config.worded(terms, title):
                    # Said, so that a reader who sees a low terms value beside the rule sees which figure passed.
                    unworded[(i, j)] = f"enough shared wording for an equivalent {measured}"
                else:
                    # The themes alone carry it: the same subject, not yet the same commitment.
                    unworded[(i, j)] = f"too little shared wording for an equivalent {measured}"
                    same = False
            if same and bundled and not paired:
                bundles.add((i, j))
            elif same and (i, j) not in assigned and not bundled:
                splits.append((i, j))
            chosen.append((i, j, EQUIVALENT if same else RELATED))
    # A near-best pair is a second equivalent beside the best pairing of either principle, or stands in for it
    # where that pairing is not an equivalent (held back for want of shared wording, or none).
    equivalents = {(i, j) for i, j, relation in chosen if relation == EQUIVALENT}
    for i, j in splits:
        beside = any(p in equivalents for p in assigned if p != (i, j) and (p[0] == i or p[1] == j))
        held[(i, j)] = (
            f"split: within {1 - config.margin:.0%} of both principles' best scores, a commitment one framework "
            "splits in two"
            if beside
            else f"near best: within {1 - config.margin:.0%} of both principles' best scores, where their best "
            "pairing is not an equivalent"
        )
    labels = _theme_labels(index.catalog)
    links = []
    for i, j, relation in _limit_related(chosen, matrix, config.max_related):
        pa, pb = a.principles[i], b.principles[j]
        a_ref, b_ref = PrincipleRef(a.id, pa.number), PrincipleRef(b.id, pb.number)
        bundle = (a_ref if compound_a[i] else b_ref) if (i, j) in bundles else None
        same = relation == EQUIVALENT
        why = _reasons(index, (a, pa), (b, pb), labels, bundle, held.get((i, j)), unworded.get((i, j)))
        links.append(Link(a_ref, b_ref, matrix[i][j], relation, "inferred", why, same, same))
    return links


def _reasons(
    index: MatcherIndex,
    a: tuple[Framework, Principle],
    b: tuple[Framework, Principle],
    labels: dict[str, str],
    bundle: PrincipleRef | None,
    pairing: str | None = None,
    unworded: str | None = None,
) -> Callable[[], tuple[str, ...]]:
    """How to find an inferred link's reasons when they are first read.

    ``pairing``: why a pair that scores as an equivalent is a second one (a split) or only related (another pair
    is the best); ``unworded``: under the wording bar, whether it shares enough wording for an equivalent.
    """

    def found() -> tuple[str, ...]:
        why = index.shared(a, b).reasons(labels)
        if bundle is not None:
            why += (
                f"compound: {bundle.framework}:{bundle.number} bundles several commitments, one per part of its title",
            )
        return why + tuple(r for r in (pairing, unworded) if r is not None)

    return found


def _second_best(a: Framework, b: Framework, matrix: list[list[float]], i: int, j: int, margin: float) -> str:
    """Why pair ``(i, j)``, scoring as an equivalent, is only related: another is its side's best pairing."""
    value, column = matrix[i][j], [row[j] for row in matrix]
    if value < margin * max(column):
        held, best = f"{b.id}:{b.principles[j].number}", max(range(len(column)), key=column.__getitem__)
        partner, best_score = f"{a.id}:{a.principles[best].number}", column[best]
    elif value < margin * max(matrix[i]):
        held, best = f"{a.id}:{a.principles[i].number}", max(range(len(matrix[i])), key=matrix[i].__getitem__)
        partner, best_score = f"{b.id}:{b.principles[best].number}", matrix[i][best]
    else:
        return "second best: another pairing of these principles scores higher overall"
    return (
        f"second best: {held} pairs best with {partner} ({_down(best_score)}); a second equivalent needs "
        f"{margin:.0%} of that ({_down(margin * best_score)}), this pair scores {_down(value)}"
    )


def _down(score: float) -> str:
    """A score to three decimals, rounded down as reports show scores to two (0.6797: 0.679 beside 0.67, not 0.680)."""
    return f"{math.floor(round(score * 1000, 6)) / 1000:.3f}"


def align(
    index: MatcherIndex,
    frameworks: Sequence[Framework],
    config: MatchConfig | None = None,
    progress: Progress | None = None,
) -> list[Link]:
    """Links between every two of ``frameworks`` (curated over inferred where configured), in column order.

    Args:
        index: the matcher index of the catalog the frameworks come from.
        frameworks: two or more frameworks.
        config: matcher settings (defaults when None).
        progress: called with (pairs done, pairs in all) after each pair of frameworks.
    """
    config = config or MatchConfig()
    found: list[Link] = []
    pairs = list(combinations(frameworks, 2))
    for done, (a, b) in enumerate(pairs, start=1):
        inferred = align_pair(index, a, b, config)
        found.extend(with_curated(index.catalog, a, b, inferred) if config.curated else inferred)
        if progress is not None:
            progress(done, len(pairs))
    order = {f.id: position for position, f in enumerate(frameworks)}
    return sorted(found, key=lambda x: (order[x.a.framework], order[x.b.framework], x.a.number, x.b.number))


def _linked(index: MatcherIndex, a: Framework, b: Framework, i: int, j: int) -> float:
    """How far the themes of each principle are the taxonomy's links of the other's (0 to 1)."""
    x, y = index.profile(a, a.principles[i]), index.profile(b, b.principles[j])
    return (cosine(x.linked, y.themes) + cosine(x.themes, y.linked)) / 2


def _wording(index: MatcherIndex, a: Framework, b: Framework, i: int, j: int) -> tuple[float, float]:
    """How much wording two principles share (:attr:`MatchConfig.wording_below`).

    Their terms cosine, and the larger share of one title's terms found in the other principle.
    """
    x, y = index.profile(a, a.principles[i]), index.profile(b, b.principles[j])
    return cosine(x.terms, y.terms), title_cover(x, y)


def with_curated(catalog: Catalog, a: Framework, b: Framework, inferred: Iterable[Link]) -> list[Link]:
    """``inferred`` with the catalog's confirmed curated mappings between ``a`` and ``b`` laid over it.

    A curated mapping replaces the inferred link of its pair (``not_related`` removes it); an exhaustive
    crosswalk leaves no inferred link at all.
    """
    curated: dict[tuple[int, int], Link | None] = {}
    exhaustive = False
    for crosswalk, origin in catalog.curated():
        header = crosswalk.crosswalk
        if (header.source, header.target) == (a.id, b.id):
            flipped = False
        elif (header.source, header.target) == (b.id, a.id):
            flipped = True
        else:
            continue
        exhaustive = exhaustive or header.exhaustive
        for mapping in crosswalk.mappings:
            if mapping.status != "confirmed":
                continue
            na, nb = (mapping.target, mapping.source) if flipped else (mapping.source, mapping.target)
            if a.principle(na) is None or b.principle(nb) is None:
                continue
            link = _curated_link(PrincipleRef(a.id, na), PrincipleRef(b.id, nb), mapping, crosswalk, flipped, origin)
            curated[(na, nb)] = link
    kept = [x for x in inferred if (x.a.number, x.b.number) not in curated and not exhaustive]
    return kept + [x for x in curated.values() if x is not None]


def exhaustive_crosswalk(catalog: Catalog, a: Framework, b: Framework) -> str | None:
    """The file of an exhaustive crosswalk between ``a`` and ``b``, which leaves no inferred link between them."""
    for crosswalk, origin in catalog.curated():
        header = crosswalk.crosswalk
        if {header.source, header.target} == {a.id, b.id} and header.exhaustive:
            return origin
    return None


def rejections(catalog: Catalog, a: Framework, b: Framework) -> dict[tuple[int, int], str]:
    """The pairs of ``a`` and ``b`` that a confirmed curated mapping says are not related, with its explanation.

    Keyed by the two numbers in that order. No report offers such a pair as a counterpart, however close its words.
    """
    found = {}
    for crosswalk in catalog.crosswalks:
        header = crosswalk.crosswalk
        if {header.source, header.target} != {a.id, b.id}:
            continue
        flipped = header.source != a.id
        for mapping in crosswalk.mappings:
            if mapping.relationship == "not_related" and mapping.status == "confirmed":
                pair = (mapping.target, mapping.source) if flipped else (mapping.source, mapping.target)
                found[pair] = mapping.explanation
    return found


def _theme_labels(catalog: Catalog) -> dict[str, str]:
    return {t.id: t.label for t in catalog.taxonomy.themes}


def _limit_related(
    chosen: Iterable[tuple[int, int, Relation]], matrix: list[list[float]], limit: int
) -> list[tuple[int, int, Relation]]:
    """Keep every equivalent, and for each principle only its ``limit`` strongest related counterparts."""
    ordered = sorted(chosen, key=lambda c: (c[2] != EQUIVALENT, -matrix[c[0]][c[1]], c[0], c[1]))
    per_row: Counter[int] = Counter()
    per_col: Counter[int] = Counter()
    kept = []
    for i, j, relation in ordered:
        if relation == RELATED and (per_row[i] >= limit or per_col[j] >= limit):
            continue
        per_row[i] += 1
        per_col[j] += 1
        kept.append((i, j, relation))
    return kept


def _curated_link(
    a: PrincipleRef, b: PrincipleRef, mapping: CrosswalkMapping, crosswalk: CrosswalkFile, flipped: bool, origin: str
) -> Link | None:
    """The link a curated mapping makes between ``a`` and ``b`` (``flipped``: ``a`` is the mapping's target)."""
    if mapping.relationship == "not_related":
        return None
    equivalent = mapping.relationship == "equal" or mapping.strength >= EQUIVALENT_STRENGTH
    # The direction a subset or superset states decides which side makes the whole of the other's commitment,
    # whatever the strength; an equal or a strong intersecting pair covers both ways.
    both = mapping.relationship == "equal" or (mapping.relationship == "intersects" and equivalent)
    source_covers = both or mapping.relationship == "superset"
    target_covers = both or mapping.relationship == "subset"
    a_covers_b, b_covers_a = (target_covers, source_covers) if flipped else (source_covers, target_covers)
    header = crosswalk.crosswalk
    why = (
        f"curated ({header.source} -> {header.target}): {mapping.relationship}, {mapping.rationale}, "
        f"strength {mapping.strength}/10",
        mapping.explanation,
    )
    relation = EQUIVALENT if equivalent else RELATED
    return Link(a, b, round(mapping.strength / 10, 4), relation, "curated", why, a_covers_b, b_covers_a, origin)
