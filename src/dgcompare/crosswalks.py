"""Drafting curated crosswalks: the matcher's inferred links written as mappings for a human to review."""

from __future__ import annotations

import datetime

from dgcompare.matcher import EQUIVALENT, MatchConfig, MatcherIndex, align_pair
from dgcompare.models import CrosswalkFile, CrosswalkHeader, CrosswalkMapping, Framework


def draft_crosswalk(
    index: MatcherIndex, source: Framework, target: Framework, config: MatchConfig, today: datetime.date
) -> CrosswalkFile:
    """The inferred alignments of two frameworks as a crosswalk whose mappings await human review."""
    mappings = []
    for link in align_pair(index, source, target, config):
        equivalent = link.relation == EQUIVALENT
        mappings.append(
            CrosswalkMapping(
                source=link.a.number,
                target=link.b.number,
                relationship="equal" if equivalent else "intersects",
                rationale="semantic",
                strength=max(7 if equivalent else 4, min(10, round(link.score * 10 + (4 if equivalent else 2)))),
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
