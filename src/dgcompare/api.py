"""The library's reports in one call each: frameworks named as on the command line, inputs checked.

```python
from dgcompare import load_catalog, compare

catalog = load_catalog()
result = compare(catalog, "uk", "au")  # a Comparison
result.to_frame()                      # one row per link, with the crosswalk file of each curated one
```

Every function takes the catalog first, then frameworks as tokens (``"uk"``, ``"au-dss-v2"``, ``"canada"``) or
:class:`~dgcompare.models.Framework` objects of that catalog, and optionally a
:class:`~dgcompare.matcher.MatchConfig` and the language of the report's words (``lang``: ``"en"`` or ``"fr"``).
Each returns the frozen result the command line prints, with its
:class:`~dgcompare.reports.base.Provenance`. Nothing is printed, cached or kept between calls; to share the
matcher's profiles between many calls over one catalog, pass a :class:`~dgcompare.matcher.MatcherIndex` of it
(see :func:`matcher_index`) where the catalog goes.

Bad input raises :class:`~dgcompare.errors.InputError` (a :class:`~dgcompare.errors.DgcompareError`) with a hint:
an unknown token ("did you mean 'uk'?"), one framework where two are needed, the same framework twice, a
framework of another catalog, an unknown theme, kind or language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeAlias

from dgcompare.errors import InputError
from dgcompare.i18n import report_languages
from dgcompare.matcher import MatchConfig, MatcherIndex, ScoringSettings
from dgcompare.models import (
    Catalog,
    Framework,
    Principle,
    resolve_kind,
    resolve_principle,
    resolve_theme,
    resolve_token,
)

if TYPE_CHECKING:
    from dgcompare.catalog import LoadedCatalog
    from dgcompare.reports.briefing import Briefing
    from dgcompare.reports.comparison import Comparison
    from dgcompare.reports.coverage import CoverageReport
    from dgcompare.reports.detail import PrincipleDetail
    from dgcompare.reports.diff import EditionDiff
    from dgcompare.reports.explanation import PairExplanation
    from dgcompare.reports.gaps import GapReport
    from dgcompare.reports.listing import Listing
    from dgcompare.reports.matrix import CoverageMatrix
    from dgcompare.reports.search import SearchResults

__all__ = [
    "CatalogLike",
    "FrameworkLike",
    "PrincipleLike",
    "briefing",
    "compare",
    "coverage",
    "coverage_matrix",
    "default_peers",
    "diff",
    "explain",
    "gaps",
    "listing",
    "matcher_index",
    "principle_detail",
    "search",
]

CatalogLike: TypeAlias = Catalog | MatcherIndex
"""A catalog, or a matcher index of one (to share the matcher's profiles between calls)."""
FrameworkLike: TypeAlias = str | Framework
"""A token (a jurisdiction code or alias for its default framework, a framework id, a jurisdiction's name) or a
framework of the catalog."""
PrincipleLike: TypeAlias = str | tuple[Framework, Principle]
"""A ``FRAMEWORK:N`` token (``"uk:9"``), or a framework of the catalog and one of its principles."""


def matcher_index(source: CatalogLike | LoadedCatalog, settings: ScoringSettings | None = None) -> MatcherIndex:
    """The matcher index to use for ``settings``: ``source`` itself when it is one for them, else a new one.

    A :class:`~dgcompare.catalog.LoadedCatalog` gives an index that starts with the profiles stored for its
    files (the command line's cache); a catalog, an empty one. Profiles are made as reports need them.
    """
    from dgcompare.catalog import LoadedCatalog

    settings = settings or ScoringSettings()
    if isinstance(source, MatcherIndex):
        return source if source.settings == settings else MatcherIndex(source.catalog, settings)
    if isinstance(source, LoadedCatalog):
        return source.matcher_index(settings)
    if isinstance(source, Catalog):
        return MatcherIndex(source, settings)
    raise InputError(f"expected a catalog or a matcher index, got {type(source).__name__}", hint="e.g. load_catalog()")


def compare(
    catalog: CatalogLike,
    *frameworks: FrameworkLike | Sequence[FrameworkLike],
    config: MatchConfig | None = None,
    lang: str = "en",
    theme: str | None = None,
) -> Comparison:
    """Align two or more frameworks and arrange them in rows of the first one's principles (``dgcompare show``).

    Args:
        catalog: the catalog, or a matcher index of it.
        frameworks: two or more different frameworks, in column order, as separate arguments or one list.
        config: matcher settings (defaults when None).
        lang: the language of the report's words.
        theme: keep only the principles on this theme (its id or label) and the links between them.

    Raises:
        InputError: fewer than two frameworks, one named twice, an unknown token, theme or language.
    """
    from dgcompare.reports.comparison import compare as build

    index, config, lang = _setup(catalog, config, lang)
    chosen = _frameworks(index.catalog, frameworks, "compare")
    return build(index, chosen, config, lang, theme=_theme(index.catalog, theme))


def briefing(
    catalog: CatalogLike,
    *frameworks: FrameworkLike | Sequence[FrameworkLike],
    against: Sequence[FrameworkLike] = (),
    config: MatchConfig | None = None,
    lang: str = "en",
    theme: str | None = None,
) -> Briefing:
    """A briefing: summary, alignment, gaps, theme coverage, sources and method (``dgcompare brief``).

    Write it with :func:`dgcompare.export.export_briefing` (HTML, Markdown, JSON, a workbook).

    Args:
        catalog: the catalog, or a matcher index of it.
        frameworks: the frameworks examined, as separate arguments or one list.
        against: peers shown in every table whose own gaps are not examined; by default the frameworks are
            examined against each other.
        config: matcher settings (defaults when None).
        lang: the language of the report's words.
        theme: keep only the principles on this theme.

    Raises:
        InputError: fewer than two different frameworks in all, an unknown token, theme or language.
    """
    from dgcompare.reports.briefing import briefing as build

    index, config, lang = _setup(catalog, config, lang)
    examined = _frameworks(index.catalog, frameworks, "briefing", least=1)
    named = (against,) if isinstance(against, str) else tuple(against)
    peers = [p for p in _frameworks(index.catalog, named, "briefing", least=0) if p not in examined]
    if len(examined) + len(peers) < 2:
        raise InputError("a briefing needs two or more different frameworks", hint="e.g. briefing(catalog, 'uk', 'au')")
    return build(index, examined, peers, config, lang, theme=_theme(index.catalog, theme))


def coverage(
    catalog: CatalogLike,
    *frameworks: FrameworkLike | Sequence[FrameworkLike],
    config: MatchConfig | None = None,
    lang: str = "en",
) -> CoverageReport:
    """How much of each framework each other covers: equivalent, only related, nothing (``dgcompare coverage``).

    Raises:
        InputError: fewer than two frameworks, one named twice, an unknown token or language.
    """
    from dgcompare.reports.coverage import coverage as build

    index, config, lang = _setup(catalog, config, lang)
    return build(index, _frameworks(index.catalog, frameworks, "coverage"), config, lang)


def gaps(
    catalog: CatalogLike,
    target: FrameworkLike,
    *peers: FrameworkLike | Sequence[FrameworkLike],
    kind: str | None = None,
    config: MatchConfig | None = None,
    lang: str = "en",
    theme: str | None = None,
) -> GapReport:
    """What peers commit to that ``target`` does not fully cover, and its distinctive principles (``dgcompare gaps``).

    Args:
        catalog: the catalog, or a matcher index of it.
        target: the framework examined.
        peers: the frameworks it is examined against; by default one framework of ``kind`` (else of the target's
            kind) per other jurisdiction, as :func:`default_peers` chooses them.
        kind: the kind of the default peers (``service-standard``, ``design-principles``...).
        config: matcher settings (defaults when None).
        lang: the language of the report's words.
        theme: keep only the principles on this theme.

    Raises:
        InputError: no peer other than the target, a peer named twice, an unknown token, kind, theme or language.
    """
    from dgcompare.reports.gaps import gaps as build

    index, config, lang = _setup(catalog, config, lang)
    examined = _framework(index.catalog, target)
    if peers:
        chosen = [p for p in _frameworks(index.catalog, peers, "gaps", least=1) if p.id != examined.id]
    else:
        chosen = default_peers(index.catalog, examined, kind)
    if not chosen:
        raise InputError("gaps needs at least one peer other than the target", hint="e.g. gaps(catalog, 'ca', 'uk')")
    return build(index, examined, chosen, config, lang, theme=_theme(index.catalog, theme))


def default_peers(catalog: Catalog, target: Framework, kind: str | None = None) -> list[Framework]:
    """The peers ``gaps`` takes when none is named: like for like, one framework of ``kind`` per other jurisdiction.

    ``kind`` defaults to the target's own, so that a service standard is set against service standards.

    Raises:
        InputError: ``kind`` is not a kind of framework.
    """
    own = catalog.jurisdiction_of(target.id).jurisdiction.code
    return [p for p in catalog.of_kind(resolve_kind(kind) or target.kind, besides=own) if p.id != target.id]


def coverage_matrix(
    catalog: CatalogLike,
    *frameworks: FrameworkLike | Sequence[FrameworkLike],
    kind: str | None = None,
    lang: str = "en",
    theme: str | None = None,
) -> CoverageMatrix:
    """How each framework covers each theme: tagged, inferred, touched or not (``dgcompare matrix``).

    Args:
        catalog: the catalog, or a matcher index of it.
        frameworks: the columns; by default every jurisdiction's default framework, or its framework of ``kind``.
        kind: the kind of the default columns.
        lang: the language of the report's words.
        theme: only this theme's row.

    Raises:
        InputError: a framework named twice, an unknown token, kind, theme or language.
    """
    from dgcompare.reports.matrix import coverage_matrix as build

    index, _, lang = _setup(catalog, None, lang)
    if frameworks:
        chosen = _frameworks(index.catalog, frameworks, "coverage_matrix", least=1)
    else:
        chosen = index.catalog.of_kind(resolve_kind(kind))
    return build(index, chosen, lang, theme=_theme(index.catalog, theme))


def diff(
    catalog: CatalogLike,
    old: FrameworkLike,
    new: FrameworkLike,
    config: MatchConfig | None = None,
    lang: str = "en",
) -> EditionDiff:
    """What became of each item from one edition to the next (``dgcompare diff``).

    The result's ``mismatch`` says when the two are not editions of one framework in order.

    Raises:
        InputError: the same framework twice, an unknown token or language.
    """
    from dgcompare.reports.diff import diff as build

    index, config, lang = _setup(catalog, config, lang)
    earlier, later = _frameworks(index.catalog, (old, new), "diff")
    return build(index, earlier, later, config, lang)


def explain(
    catalog: CatalogLike,
    a: PrincipleLike,
    b: PrincipleLike,
    config: MatchConfig | None = None,
    lang: str = "en",
) -> PairExplanation:
    """How one pair's score is made, signal by signal, and the verdict ``compare`` gives it (``dgcompare explain``).

    Args:
        catalog: the catalog, or a matcher index of it.
        a: a principle: ``"uk:9"``, or a framework of the catalog and one of its principles.
        b: a principle of another framework.
        config: matcher settings (defaults when None).
        lang: the language of the report's words.

    Raises:
        InputError: both principles of one framework, an unknown token or language.
    """
    from dgcompare.reports.explanation import explain as build

    index, config, lang = _setup(catalog, config, lang)
    first, second = _principle(index.catalog, a), _principle(index.catalog, b)
    if first[0].id == second[0].id:
        raise InputError(
            "explain compares principles of two different frameworks", hint="e.g. explain(catalog, 'uk:9', 'ca:5')"
        )
    return build(index, first, second, config, lang)


def principle_detail(
    catalog: CatalogLike, principle: PrincipleLike, config: MatchConfig | None = None, lang: str = "en"
) -> PrincipleDetail:
    """One principle and its counterparts in every other jurisdiction (``dgcompare show FRAMEWORK:N``).

    Raises:
        InputError: an unknown token or language.
    """
    from dgcompare.reports.detail import principle_detail as build

    index, config, lang = _setup(catalog, config, lang)
    framework, chosen = _principle(index.catalog, principle)
    return build(index, framework, chosen, config, lang)


def search(
    catalog: CatalogLike,
    text: str,
    jurisdiction: str | None = None,
    limit: int = 20,
    theme: str | None = None,
    lang: str = "en",
) -> SearchResults:
    """Principles whose title, summary or themes match ``text``, best first (``dgcompare search``).

    Args:
        catalog: the catalog, or a matcher index of it.
        text: words in English or French.
        jurisdiction: search only this jurisdiction (its code, alias or name).
        limit: at most this many hits.
        theme: search only the principles on this theme.
        lang: the language of the report's words.

    Raises:
        InputError: an unknown jurisdiction, theme or language, or a limit below 1.
    """
    from dgcompare.reports.search import search as build

    index, _, lang = _setup(catalog, None, lang)
    if limit < 1:
        raise InputError(f"limit must be 1 or more, got {limit}", hint="e.g. limit=20")
    code = None
    if jurisdiction is not None:
        code = index.catalog.jurisdiction_of(resolve_token(index.catalog, jurisdiction).id).jurisdiction.code
    theme_id = _theme(index.catalog, theme)
    return build(index.catalog, text, code, limit, theme=theme_id, index=index if theme_id else None, lang=lang)


def listing(catalog: CatalogLike, lang: str = "en") -> Listing:
    """Every jurisdiction of the catalog and its frameworks (``dgcompare list``).

    Raises:
        InputError: an unknown language.
    """
    from dgcompare.reports.listing import listing as build

    _, _, lang = _setup(catalog, None, lang)
    return build(catalog.catalog if isinstance(catalog, MatcherIndex) else catalog, lang)


def _setup(catalog: CatalogLike, config: MatchConfig | None, lang: str) -> tuple[MatcherIndex, MatchConfig, str]:
    """The index to use, the settings (defaults for None) and the language, each checked."""
    if config is not None and not isinstance(config, MatchConfig):
        raise InputError(f"config must be a MatchConfig, got {type(config).__name__}", hint="e.g. MatchConfig()")
    config = config or MatchConfig()
    languages = report_languages()
    if lang not in languages:
        raise InputError(
            f"{lang!r} is not a language reports are written in",
            hint="use " + " or ".join(repr(code) for code in languages),
        )
    return matcher_index(catalog, config.scoring), config, lang


def _framework(catalog: Catalog, given: object) -> Framework:
    """The framework of ``catalog`` that ``given`` names: a token, or a framework of the catalog.

    A framework equal to the catalog's own of its id (the same files loaded twice) stands for it.
    """
    if isinstance(given, str):
        return resolve_token(catalog, given)
    if isinstance(given, Framework):
        own = catalog.framework(given.id)
        if own is None:
            raise InputError(
                f"framework {given.id} is not in this catalog",
                hint="add it with catalog.with_frameworks(...), or use the catalog it comes from",
            )
        if own is not given and own != given:
            raise InputError(
                f"this {given.id} is not the catalog's own: it comes from another catalog, with other content",
                hint=f"pass the token '{given.id}', or catalog.framework('{given.id}')",
            )
        return own
    raise InputError(
        f"expected a framework (a token such as 'uk', or a Framework), got {type(given).__name__}",
        hint="e.g. compare(catalog, 'uk', 'au')",
    )


def _frameworks(catalog: Catalog, given: Sequence[object], what: str, *, least: int = 2) -> list[Framework]:
    """The frameworks ``given`` names (separate arguments, or one list), each named once, at least ``least``."""
    if len(given) == 1 and isinstance(given[0], list | tuple):
        given = given[0]
    found: dict[str, tuple[object, Framework]] = {}
    for item in given:
        framework = _framework(catalog, item)
        if framework.id in found:
            first = found[framework.id][0]
            named = (
                f"{_named(first)} and {_named(item)} both name"
                if _named(first) != _named(item)
                else (f"{_named(item)} is given twice:")
            )
            raise InputError(f"{named} {framework.id}", hint=f"{what} takes each framework once")
        found[framework.id] = (item, framework)
    if len(found) < least:
        count = "two or more different frameworks" if least == 2 else "a framework"
        hint = f"e.g. {what}(catalog, 'uk', 'au')" if least == 2 else f"e.g. {what}(catalog, 'uk')"
        raise InputError(f"{what} needs {count}, got {len(found)}", hint=hint)
    return [framework for _, framework in found.values()]


def _named(item: object) -> str:
    return repr(item) if isinstance(item, str) else f"Framework {item.id}" if isinstance(item, Framework) else "?"


def _principle(catalog: Catalog, given: object) -> tuple[Framework, Principle]:
    """The principle ``given`` names: a ``FRAMEWORK:N`` token, or a framework of the catalog and its principle."""
    if isinstance(given, str):
        return resolve_principle(catalog, given)
    if isinstance(given, tuple) and len(given) == 2 and isinstance(given[1], Principle):
        framework = _framework(catalog, given[0])
        principle = framework.principle(given[1].number)
        if principle is None or principle != given[1]:
            raise InputError(
                f"{framework.id} has no such {framework.item_name} {given[1].number}",
                hint=f"e.g. '{framework.id}:{framework.principles[0].number}'",
            )
        return framework, principle
    raise InputError(
        f"expected a principle (a token such as 'uk:9', or a framework and its principle), got {type(given).__name__}",
        hint="e.g. explain(catalog, 'uk:9', 'ca:5')",
    )


def _theme(catalog: Catalog, theme: str | None) -> str | None:
    return None if theme is None else resolve_theme(catalog, theme).id
