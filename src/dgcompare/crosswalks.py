"""Curated crosswalks: drafted from the matcher's inferred links for a human to review, and written as YAML.

A crosswalk is maintained in rounds: :func:`draft_crosswalk` writes the first draft; a person confirms, corrects
or rejects each mapping and adds missing ones; :func:`update_crosswalk` then adds the suggestions of a fresh
draft for the pairs the file does not map yet, keeps everything in it as it is, and says what a fresh draft would
have said otherwise (:func:`merge_draft` is its pure core, :func:`update_report` its words).
:func:`dump_crosswalk` and :func:`write_crosswalk` write one built in Python.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dgcompare.errors import CatalogError, InputError
from dgcompare.i18n import plural_translator, score_text, translator
from dgcompare.matcher import EQUIVALENT, MatchConfig, MatcherIndex, align_pair, rejections
from dgcompare.matcher.alignment import EQUIVALENT_STRENGTH
from dgcompare.models import CrosswalkFile, CrosswalkHeader, CrosswalkMapping, Framework

if TYPE_CHECKING:
    from dgcompare.yamlfile import Document

STRENGTHS = ((0.16, 4), (0.22, 5), (0.37, 6), (0.55, 7), (0.65, 8), (0.81, 9))
"""A drafted strength from the matcher's score: below each bound, that strength; 10 from 0.81. Calibrated on the
confirmed mappings of the built-in crosswalks (2026-11-29; 264 today), whose scores have medians 0.11, 0.17, 0.25,
0.49, 0.62, 0.70 and 0.91 for strengths 4 to 10 (0.12, 0.19, 0.25, 0.49, 0.61, 0.70 and 0.92 before facets were
told apart): each bound lies between two medians."""
EQUAL_FROM = 0.65
"""A draft says ``equal`` only from this score (curated ``equal`` pairs have a median of 0.70, ``subset`` 0.62,
``intersects`` 0.19): a reviewer who approves without reading must not assert the strongest relationship."""


def drafted_strength(score: float, relation: str) -> int:
    """The strength a draft proposes for a pair with this score (:data:`STRENGTHS`) and relation.

    A related pair stays under :data:`EQUIVALENT_STRENGTH` and an equivalent reaches it, whatever its score: a
    reviewer who confirms a draft unchanged gets the links the matcher showed, not more (an unread related pair
    at 0.43 drafted at 7 became an equivalent once confirmed) and not fewer.
    """
    strength = next((strength for bound, strength in STRENGTHS if score < bound), 10)
    if relation == EQUIVALENT:
        return max(strength, EQUIVALENT_STRENGTH)
    return min(strength, EQUIVALENT_STRENGTH - 1)


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
                source_title=_title(source, link.a.number),
                target=link.b.number,
                target_title=_title(target, link.b.number),
                relationship="equal" if equal else "intersects",
                rationale="semantic",
                strength=drafted_strength(link.score, link.relation),
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
        "correct relationship, rationale and strength, add missing ones, and set status to confirmed; mark a wrong "
        "one not_related with strength 0 rather than deleting it, so that an update does not suggest it again.",
    )
    ordered = sorted(mappings, key=lambda m: (m.source, m.target))
    return CrosswalkFile(crosswalk=header, mappings=tuple(ordered))


def _title(framework: Framework, number: int) -> str | None:
    principle = framework.principle(number)
    return principle.title if principle is not None else None


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
    lines += [f"  {x.a.number} -> {x.b.number} {x.relation} {score_text(x.score)}" for x in unmapped]
    return lines


@dataclass(frozen=True)
class Disagreement:
    """A mapping of the file that a fresh draft would have written otherwise: reported, never applied."""

    mapping: CrosswalkMapping
    """The mapping as the file has it, and keeps it."""
    drafted: CrosswalkMapping | None
    """A fresh draft's mapping of the same pair; None when the draft no longer suggests the pair."""


@dataclass(frozen=True)
class CrosswalkUpdate:
    """A crosswalk file brought up to date with a fresh draft, and what that did and did not do."""

    crosswalk: CrosswalkFile
    """The file's header and mappings, unchanged, then the added mappings."""
    kept: tuple[CrosswalkMapping, ...]
    """Every mapping of the file, as it was."""
    added: tuple[CrosswalkMapping, ...]
    """The draft's suggestions for pairs the file does not map."""
    withheld: tuple[CrosswalkMapping, ...] = ()
    """Suggestions not added because the file is exhaustive, which no suggested mapping may be."""
    disagreements: tuple[Disagreement, ...] = ()


STRENGTH_GAP = 2
"""How far a fresh draft's strength must be from a reviewed mapping's to be reported: a step of one is within
the calibration's noise (:data:`STRENGTHS`)."""


def merge_draft(existing: CrosswalkFile, draft: CrosswalkFile) -> CrosswalkUpdate:
    """``existing`` with the suggestions of ``draft`` for the pairs it does not map, everything in it kept.

    Pure. Every mapping of ``existing`` stays as it is, confirmed, rejected (``not_related``) or still
    suggested, and so does its header; the draft's mappings of other pairs are added after them, unless the
    file is exhaustive. A reviewed mapping is reported where the draft says ``equal`` and it does not (or the
    reverse), where their strengths are :data:`STRENGTH_GAP` or more apart, or, for a rejection, where the
    draft suggests the pair; a suggested one wherever the draft says otherwise or no longer suggests it.

    Raises:
        InputError: the two crosswalks map different frameworks.
    """
    header = existing.crosswalk
    if (header.source, header.target) != (draft.crosswalk.source, draft.crosswalk.target):
        raise InputError(
            f"the crosswalk maps {header.source} -> {header.target}, the draft "
            f"{draft.crosswalk.source} -> {draft.crosswalk.target}",
            hint="draft the same two frameworks, in the crosswalk's order",
        )
    drafted = {(m.source, m.target): m for m in draft.mappings}
    mapped = {(m.source, m.target) for m in existing.mappings}
    new = tuple(m for m in draft.mappings if (m.source, m.target) not in mapped)
    disagreements = tuple(
        Disagreement(m, drafted.get((m.source, m.target)))
        for m in existing.mappings
        if _disagrees(m, drafted.get((m.source, m.target)))
    )
    added, withheld = ((), new) if header.exhaustive else (new, ())
    merged = existing.model_copy(update={"mappings": (*existing.mappings, *added)})
    return CrosswalkUpdate(merged, existing.mappings, added, withheld, disagreements)


def _disagrees(mapping: CrosswalkMapping, drafted: CrosswalkMapping | None) -> bool:
    if mapping.status == "suggested":
        return drafted is None or (drafted.relationship, drafted.strength) != (mapping.relationship, mapping.strength)
    if drafted is None:
        return False  # a person mapped what the matcher does not find: that is what review is for
    if mapping.relationship == "not_related":
        return True
    equal = (mapping.relationship == "equal", drafted.relationship == "equal")
    return equal[0] != equal[1] or abs(mapping.strength - drafted.strength) >= STRENGTH_GAP


@dataclass(frozen=True)
class CrosswalkSource:
    """A crosswalk file as read for an update: its model, its node tree and its exact text."""

    path: Path
    crosswalk: CrosswalkFile
    document: Document
    text: str
    """The text as written (line endings included), without a byte-order mark."""
    bom: bool = False
    """The file starts with a UTF-8 byte-order mark, which the update keeps."""


def read_crosswalk(path: Path | str) -> CrosswalkSource:
    """Read and validate a crosswalk file, keeping its text to extend it.

    Raises:
        InputError: ``path`` is not a file.
        CatalogError: the file is not a valid crosswalk (each problem located).
    """
    from dgcompare.yamlfile import read_yaml, validate_document

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} is not a file", hint="give the path of a crosswalk YAML file")
    document = read_yaml(path)
    crosswalk = validate_document(document, CrosswalkFile)
    raw = path.read_bytes()
    return CrosswalkSource(path, crosswalk, document, raw.decode("utf-8-sig"), raw.startswith(b"\xef\xbb\xbf"))


def update_crosswalk(
    index: MatcherIndex,
    current: CrosswalkSource,
    frameworks: Sequence[Framework],
    config: MatchConfig,
    today: datetime.date,
) -> CrosswalkUpdate:
    """A crosswalk file brought up to date with a fresh draft of its two frameworks (:func:`merge_draft`).

    ``frameworks`` are the two the caller means, in either order; the file's header decides the order.

    Raises:
        InputError: the file maps other frameworks.
        CatalogError: the file names an unknown framework or number, or a title that is not its principle's.
    """
    from dgcompare.checks import check_crosswalks

    header = current.crosswalk.crosswalk
    named = sorted(f.id for f in frameworks)
    if sorted((header.source, header.target)) != named:
        raise InputError(
            f"{current.path} maps {header.source} -> {header.target}, not {' and '.join(named)}",
            hint=f"dgcompare crosswalk draft {header.source} {header.target} --update {current.path}",
        )
    problems = check_crosswalks([(current.crosswalk, current.document)], index.catalog.files)
    if problems:
        raise CatalogError(problems)
    source, target = (f for side in (header.source, header.target) for f in frameworks if f.id == side)
    return merge_draft(current.crosswalk, draft_crosswalk(index, source, target, config, today))


def updated_text(current: CrosswalkSource, update: CrosswalkUpdate) -> tuple[str, bool]:
    """The text of the updated file, and whether it keeps the file's comments and layout.

    The added mappings are appended to the file's own text, so that nothing a person wrote changes, comments
    included. Where that cannot be done (mappings written as a flow list, ``[...]``), the whole file is written
    afresh, which loses its comments: PyYAML keeps none.
    """
    from dgcompare.yamlfile import append_to_sequence, dump_yaml, parse_yaml, validate_document

    items = [m.model_dump(mode="json", exclude_none=True) for m in update.added]
    text = append_to_sequence(current.text, current.document.node, "mappings", items)
    if text is not None:
        # The file's text is extended only if it then says exactly what the update means.
        try:
            reread: CrosswalkFile | None = validate_document(parse_yaml(text, str(current.path)), CrosswalkFile)
        except CatalogError:
            reread = None
        if reread == update.crosswalk:
            return text, True
    return dump_yaml(update.crosswalk.model_dump(mode="json", exclude_unset=True)), False


def update_report(update: CrosswalkUpdate, lang: str = "en") -> list[str]:
    """What an update added, kept and would have changed, one line each, for the person maintaining the file."""
    _, n_ = translator(lang), plural_translator(lang)
    kept = update.kept
    confirmed = [m for m in kept if m.status == "confirmed"]
    rejected = [m for m in confirmed if m.relationship == "not_related"]
    suggested = [m for m in kept if m.status == "suggested"]
    added = n_("{count} suggested mapping added", "{count} suggested mappings added", len(update.added))
    kept_as_it_was = n_(
        "{count} kept as it was ({confirmed} confirmed, {rejected} of them not_related; {suggested} still suggested)",
        "{count} kept as they were ({confirmed} confirmed, {rejected} of them not_related; {suggested} still "
        "suggested)",
        len(kept),
    )
    lines = [
        _("{added}; {kept}").format(
            added=added.format(count=len(update.added)),
            kept=kept_as_it_was.format(
                count=len(kept), confirmed=len(confirmed), rejected=len(rejected), suggested=len(suggested)
            ),
        )
    ]
    lines += [_("  added: {mapping}").format(mapping=_said(m, lang, titles=True)) for m in update.added]
    if update.withheld:
        lines.append(
            n_(
                "{count} suggestion not added: the file is exhaustive, and an exhaustive file holds no suggested "
                "mapping (set exhaustive: false to review it)",
                "{count} suggestions not added: the file is exhaustive, and an exhaustive file holds no suggested "
                "mapping (set exhaustive: false to review them)",
                len(update.withheld),
            ).format(count=len(update.withheld))
        )
        lines += [f"  {_said(m, lang)}" for m in update.withheld]
    if update.disagreements:
        lines.append(_("A fresh draft would have changed these; they are left as the file has them:"))
    for found in update.disagreements:
        m, drafted = found.mapping, found.drafted
        if drafted is None:
            lines.append(
                _(
                    "  {mapping}: a fresh draft no longer suggests it (its score is below the related threshold, "
                    "or a curated crosswalk rejects it); confirm it or mark it not_related"
                ).format(mapping=_said(m, lang))
            )
        else:
            lines.append(
                _("  {mapping}: a fresh draft says {drafted}").format(
                    mapping=_said(m, lang), drafted=_what(drafted, lang)
                )
            )
    return lines


def _said(mapping: CrosswalkMapping, lang: str, *, titles: bool = False) -> str:
    """``3 -> 5 confirmed intersects, strength 6``; with ``titles``, the two titles after it, where given."""
    said = f"{mapping.source} -> {mapping.target} {mapping.status} {_what(mapping, lang)}"
    if titles and mapping.source_title and mapping.target_title:
        said += f" ({mapping.source_title} -> {mapping.target_title})"
    return said


def _what(mapping: CrosswalkMapping, lang: str) -> str:
    """``intersects, strength 6``: the relationship and status are the file's own words, kept in every language."""
    _ = translator(lang)
    return _("{relationship}, strength {strength}").format(relationship=mapping.relationship, strength=mapping.strength)


def dump_crosswalk(crosswalk: CrosswalkFile) -> str:
    """A crosswalk as the YAML text of a crosswalk file, which the catalog reads back as the same crosswalk.

    Fields not given are left out; every mapping says its ``status``, so that a reviewer sees what is confirmed.
    """
    from dgcompare.yamlfile import dump_yaml

    return dump_yaml(crosswalk.model_dump(mode="json", exclude_none=True))


def write_crosswalk(crosswalk: CrosswalkFile, path: Path | str, *, force: bool = False) -> None:
    """Write a crosswalk file (see :func:`dump_crosswalk`) atomically: never half a file.

    Args:
        crosswalk: the crosswalk, e.g. from :func:`dgcompare.catalog.crosswalk_from` or :func:`draft_crosswalk`.
        path: the file; put it in a data directory's ``crosswalks/`` folder for the catalog to read it.
        force: replace ``path`` if it exists.

    Raises:
        OutputError: the file exists and ``force`` is false, or it cannot be written.
    """
    from dgcompare.output import write_atomically

    write_atomically(Path(path), dump_crosswalk(crosswalk), force=force)
