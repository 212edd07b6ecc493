"""Drafting curated crosswalks: the matcher's inferred links written as mappings for a human to review."""

from __future__ import annotations

import datetime

from dgcompare.matcher import EQUIVALENT, MatchConfig, MatcherIndex, align_pair, rejections
from dgcompare.models import CrosswalkFile, CrosswalkHeader, CrosswalkMapping, Framework

STRENGTHS = ((0.16, 4), (0.22, 5), (0.37, 6), (0.55, 7), (0.65, 8), (0.81, 9))
"""A drafted strength from the matcher's score: below each bound, that strength; 10 from 0.81. Calibrated on the
285 confirmed mappings of the built-in crosswalks (2026-11-29), whose scores have medians 0.11, 0.17, 0.25,
0.49, 0.62, 0.70 and 0.91 for strengths 4 to 10 (0.12, 0.19, 0.25, 0.49, 0.61, 0.70 and 0.92 before facets were
told apart): each bound lies between two medians."""
EQUAL_FROM = 0.65
"""A draft says ``equal`` only from this score (curated ``equal`` pairs have a median of 0.70, ``subset`` 0.62,
``intersects`` 0.19): a reviewer who approves without reading must not assert the strongest relationship."""


def drafted_strength(score: float) -> int:
    """The strength a draft proposes for a pair with this score (:data:`STRENGTHS`)."""
    return next((strength for bound, strength in STRENGTHS if score < bound), 10)


def draft_crosswalk(
    index: MatcherIndex, source: Framework, target: Framework, config: MatchConfig, today: datetime.date
) -> CrosswalkFile:
    """The inferred alignments of two frameworks as a crosswalk whose mappings await human review.

    A pair that a confirmed curated mapping rejects is never suggested again.
    """
    rejected = rejections(index.catalog, source, target)
    mappings = []
    for link in align_pair(index, source, target, config):
        if (link.a.number, link.b.number) in rejected:
            continue
        equal = link.relation == EQUIVALENT and link.score >= EQUAL_FROM
        mappings.append(
            CrosswalkMapping(
                source=link.a.number,
                target=link.b.number,
                relationship="equal" if equal else "intersects",
                rationale="semantic",
                strength=drafted_strength(link.score),
                explanation="; ".join(link.why) or "inferred by dgcompare",
                status="suggested",
            )
        )
    header = CrosswalkHeader(
        source=source.id,
        target=target.id,
        title=f"{source.title} to {target.title}",
        author="drafted by dgcompare; to be reviewed",
        date=today,
        method="Drafted from dgcompare's inferred alignments. Review every mapping against both official texts, "
        "correct relationship, rationale and strength, delete wrong ones, add missing ones, and set status to "
        "confirmed.",
    )
    ordered = sorted(mappings, key=lambda m: (m.source, m.target))
    return CrosswalkFile(crosswalk=header, mappings=tuple(ordered))


def crosswalk_status(index: MatcherIndex, crosswalk: CrosswalkFile, config: MatchConfig) -> list[str]:
    """What a crosswalk file says and leaves unsaid, one line each, for a person maintaining it.

    Counts of confirmed mappings (and of those rejecting a pair) and of suggested ones, which count for nothing
    until confirmed; for an exhaustive file, the inferred links it hides because it does not map their pair.
    """
    header = crosswalk.crosswalk
    source, target = index.catalog.framework(header.source), index.catalog.framework(header.target)
    confirmed = [m for m in crosswalk.mappings if m.status == "confirmed"]
    rejected = [m for m in confirmed if m.relationship == "not_related"]
    suggested = [m for m in crosswalk.mappings if m.status == "suggested"]
    lines = [
        f"{header.source} -> {header.target}: {len(confirmed)} confirmed ({len(rejected)} of them not_related), "
        f"{len(suggested)} suggested (counting for nothing until confirmed)",
    ]
    lines += [f"  suggested: {m.source} -> {m.target} {m.relationship}, strength {m.strength}" for m in suggested]
    if source is None or target is None:
        return lines
    mapped = {(m.source, m.target) for m in confirmed}
    unmapped = [x for x in align_pair(index, source, target, config) if (x.a.number, x.b.number) not in mapped]
    if header.exhaustive:
        lines.append(f"exhaustive: {len(unmapped)} inferred link(s) between them are hidden by this file")
    else:
        lines.append(f"not exhaustive: {len(unmapped)} inferred link(s) of pairs it does not map still show")
    lines += [f"  {x.a.number} -> {x.b.number} {x.relation} {x.score:.2f}" for x in unmapped]
    return lines
