"""Pure computations behind the analyst's reports: gaps, coverage matrix, edition diff, search, detail.

Each function takes a catalog, frameworks and a :class:`MatchConfig` and returns a result object from
:mod:`dgcompare.results`; nothing here reads files, the environment or the clock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter

from rapidfuzz import fuzz

from dgcompare.analysis import alignments_of
from dgcompare.matcher import EQUIVALENT, Link, MatchConfig, MatcherIndex, Progress, align, explain_pair
from dgcompare.models import Catalog, Framework, Principle
from dgcompare.results import (
    Alignment,
    Candidate,
    Change,
    Counterpart,
    CoverageMatrix,
    EditionDiff,
    FrameworkSummary,
    Gap,
    GapReport,
    MatrixRow,
    PairExplanation,
    PrincipleDetail,
    PrincipleSummary,
    ScorePart,
    SearchHit,
    SearchResults,
)
from dgcompare.text import fold, words

COVERS = 0.35
"""A framework covers a theme when one of its principles gives the theme at least this weight."""


def _touches(alignment: Alignment | Link, framework: str, number: int) -> bool:
    return (alignment.a.framework, alignment.a.number) == (framework, number) or (
        alignment.b.framework,
        alignment.b.number,
    ) == (framework, number)


def _primary_theme(index: MatcherIndex, framework: Framework, principle: Principle) -> str | None:
    if principle.themes:
        return principle.themes[0]
    themes = index.profile(framework, principle).themes
    return max(themes, key=lambda t: (themes[t], t)) if themes else None


def gaps(
    index: MatcherIndex,
    target: Framework,
    peers: Sequence[Framework],
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> GapReport:
    """What ``peers`` commit to that ``target`` does not, grouped by theme, and the target's own strengths.

    A peer principle is a gap when no principle of the target aligns with it, even as ``related``. Gaps are
    grouped by the peer principle's main theme and ranked by how many peers make such a commitment.
    """
    catalog = index.catalog
    target_aligned: set[int] = set()
    uncovered: dict[str, list[tuple[Framework, Principle]]] = defaultdict(list)
    for done, peer in enumerate(peers, start=1):
        if progress is not None:
            progress(done, len(peers))
        found = align(index, [target, peer], config)
        for alignment in found:
            target_aligned.add(alignment.a.number if alignment.a.framework == target.id else alignment.b.number)
        for principle in peer.principles:
            if not any(_touches(x, peer.id, principle.number) for x in found):
                theme = _primary_theme(index, peer, principle)
                if theme is not None:
                    uncovered[theme].append((peer, principle))
    target_themes = {t for p in target.principles for t, w in index.profile(target, p).themes.items() if w >= COVERS}
    themes = catalog.themes
    found_gaps = []
    for theme_id, items in uncovered.items():
        nearest: dict[int, float] = {}
        for peer, principle in items:
            profile = index.profile(peer, principle)
            for candidate, score in zip(target.principles, index.scores(target, profile), strict=True):
                nearest[candidate.number] = max(nearest.get(candidate.number, 0.0), score)
        best = sorted(nearest.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
        known = themes.get(theme_id)
        found_gaps.append(
            Gap(
                theme=theme_id,
                label=known.label if known else theme_id,
                label_fr=known.label_fr if known else theme_id,
                peer_count=len({peer.id for peer, _ in items}),
                covered_by=tuple(PrincipleSummary.of(peer, p) for peer, p in items),
                nearest=tuple(_candidate(target, target.principle(n), s) for n, s in best if target.principle(n)),
                target_has_theme=theme_id in target_themes,
            )
        )
    order = {t.id: i for i, t in enumerate(catalog.taxonomy.themes)}
    found_gaps.sort(key=lambda g: (-g.peer_count, g.target_has_theme, -len(g.covered_by), order.get(g.theme, 99)))
    distinctive = tuple(PrincipleSummary.of(target, p) for p in target.principles if p.number not in target_aligned)
    return GapReport(
        target=FrameworkSummary.of(catalog, target),
        peers=tuple(FrameworkSummary.of(catalog, p) for p in peers),
        gaps=tuple(found_gaps),
        distinctive=distinctive,
        lang=lang,
    )


def _candidate(framework: Framework, principle: Principle | None, score: float) -> Candidate:
    assert principle is not None
    return Candidate(
        framework=framework.id,
        number=principle.number,
        title=principle.title,
        title_fr=principle.title_fr,
        score=round(score, 4),
    )


def coverage_matrix(
    index: MatcherIndex, frameworks: Sequence[Framework], lang: str = "en", progress: Progress | None = None
) -> CoverageMatrix:
    """How strongly each framework covers each theme of the taxonomy (the strongest principle counts)."""
    catalog = index.catalog
    profiles = {}
    for done, f in enumerate(frameworks, start=1):
        profiles[f.id] = [index.profile(f, p).themes for p in f.principles]
        if progress is not None:
            progress(done, len(frameworks))
    rows = []
    for theme in catalog.taxonomy.themes:
        coverage = tuple(
            round(max((themes.get(theme.id, 0.0) for themes in profiles[f.id]), default=0.0), 2) for f in frameworks
        )
        rows.append(
            MatrixRow(
                theme=theme.id,
                label=theme.label,
                label_fr=theme.label_fr,
                coverage=coverage,
                covered=sum(c >= COVERS for c in coverage),
            )
        )
    totals = tuple(sum(r.coverage[i] >= COVERS for r in rows) for i in range(len(frameworks)))
    return CoverageMatrix(
        frameworks=tuple(FrameworkSummary.of(catalog, f) for f in frameworks),
        rows=tuple(rows),
        threshold=COVERS,
        totals=totals,
        lang=lang,
    )


def diff(index: MatcherIndex, old: Framework, new: Framework, config: MatchConfig | None = None) -> EditionDiff:
    """What changed from one edition to the next, from the alignments between them.

    Each old item is followed through its equivalents, or through its related counterparts when it has no
    equivalent (and they have none). Items linked this way form groups: one old and one new item were
    ``kept`` (same title) or ``reworded``; several old items and one new were ``merged``; one old and several
    new were ``split``; an old item with no link was ``dropped`` and a new one ``added``.
    """
    catalog = index.catalog
    every = alignments_of(catalog, align(index, [old, new], config))
    has_equivalent_new = {x.b.number for x in every if x.relation == EQUIVALENT}
    links: list[Alignment] = []
    for principle in old.principles:
        mine = [x for x in every if x.a.number == principle.number]
        chosen = [x for x in mine if x.relation == EQUIVALENT] or mine
        links.extend(x for x in chosen if x.relation == EQUIVALENT or x.b.number not in has_equivalent_new)
    # Groups are the connected components of the links, found with a small union-find.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(key: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for link in links:
        parent[root(("old", link.a.number))] = root(("new", link.b.number))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for key in [("old", p.number) for p in old.principles] + [("new", p.number) for p in new.principles]:
        groups[root(key)].append(key)
    changes: list[Change] = []
    for members in sorted(groups.values(), key=lambda m: (m[0][0] != "old", m[0][1])):
        olds = tuple(PrincipleSummary.of(old, old.principle(n)) for side, n in members if side == "old")  # type: ignore[arg-type]
        news = tuple(PrincipleSummary.of(new, new.principle(n)) for side, n in members if side == "new")  # type: ignore[arg-type]
        inside = [x for x in links if ("old", x.a.number) in members]
        if not news:
            echoes = tuple(x.b for x in every if x.a.number == olds[0].number)
            changes.append(Change(kind="dropped", old=olds, new=(), related=echoes))
        elif not olds:
            echoes = tuple(x.a for x in every if x.b.number == news[0].number)
            changes.append(Change(kind="added", old=(), new=news, related=echoes))
        elif len(olds) == 1 and len(news) == 1:
            same = fold(olds[0].title).strip(" .") == fold(news[0].title).strip(" .")
            changes.append(_change("kept" if same else "reworded", olds, news, inside))
        else:
            changes.append(_change("merged" if len(olds) >= len(news) else "split", olds, news, inside))
    return EditionDiff(
        old=FrameworkSummary.of(catalog, old), new=FrameworkSummary.of(catalog, new), changes=tuple(changes)
    )


def _change(
    kind: str, old: tuple[PrincipleSummary, ...], new: tuple[PrincipleSummary, ...], links: list[Alignment]
) -> Change:
    sources = {x.source for x in links}
    return Change(
        kind=kind,
        old=old,
        new=new,
        relation=EQUIVALENT if all(x.relation == EQUIVALENT for x in links) else "related",
        score=min(x.score for x in links),
        source=sources.pop() if len(sources) == 1 else "mixed",
    )


def search(catalog: Catalog, query: str, jurisdiction: str | None = None, limit: int = 20) -> SearchResults:
    """Principles whose title, summary or themes match ``query``, best first, with the words that matched.

    Ranking combines shared concept terms (so 'citizens' finds 'users' and French finds English) with fuzzy
    matching of the raw words (so typos still find their word).
    """
    wanted = set(words(query))
    folded = fold(query)
    raw = [w for w in folded.split() if len(w) > 2]
    scored: list[tuple[float, str, int, str, Principle, tuple[str, ...], str]] = []
    for entry in catalog.files:
        if jurisdiction is not None and jurisdiction not in (entry.jurisdiction.code, *entry.jurisdiction.aliases):
            continue
        for framework in entry.frameworks:
            for principle in framework.principles:
                labels = tuple(catalog.themes[t].label for t in principle.themes if t in catalog.themes)
                text = " ".join([principle.title, principle.summary or "", *labels])
                shared = wanted & set(words(text))
                concept = len(shared) / len(wanted) if wanted else 0.0
                title_fuzz = fuzz.partial_ratio(folded, fold(principle.title)) / 100
                if concept == 0 and title_fuzz < 0.8:
                    continue
                body_fuzz = fuzz.token_set_ratio(folded, fold(text)) / 100
                score = round(0.6 * concept + 0.25 * title_fuzz + 0.15 * body_fuzz, 4)
                code = entry.jurisdiction.code
                scored.append((-score, framework.id, principle.number, code, principle, labels, text))
    scored.sort(key=itemgetter(0, 1, 2))
    # The words that matched are looked up for the hits shown only.
    hits = tuple(
        SearchHit(
            framework=framework_id,
            jurisdiction=code,
            number=number,
            title=principle.title,
            summary=principle.summary or "",
            themes=labels,
            score=-negated,
            matched=_matched_words(text, wanted, raw),
        )
        for negated, framework_id, number, code, principle, labels, text in scored[:limit]
    )
    return SearchResults(query=query, hits=hits)


def _matched_words(text: str, wanted: set[str], raw: Sequence[str]) -> tuple[str, ...]:
    """The words of ``text`` (as written) that match the query, by concept or by spelling."""
    found: list[str] = []
    for word in dict.fromkeys(w.strip(".,;:()'\"’") for w in text.split()):
        if not word:
            continue
        terms = set(words(word, french=False)) | set(words(word, french=True))
        folded = fold(word)
        if terms & wanted or any(fuzz.ratio(folded, r) >= 85 for r in raw):
            found.append(word)
    return tuple(found)


def principle_detail(
    index: MatcherIndex,
    framework: Framework,
    principle: Principle,
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> PrincipleDetail:
    """One principle and its counterparts in every other jurisdiction's default framework."""
    catalog = index.catalog
    own = catalog.jurisdiction_of(framework.id).jurisdiction.code
    counterparts = []
    defaults = catalog.defaults()
    for done, other in enumerate(defaults, start=1):
        if progress is not None:
            progress(done, len(defaults))
        if other.id == framework.id or catalog.jurisdiction_of(other.id).jurisdiction.code == own:
            continue
        touching = [x for x in align(index, [framework, other], config) if _touches(x, framework.id, principle.number)]
        links = tuple(alignments_of(catalog, touching))
        nearest = None
        if not links:
            profile = index.profile(framework, principle)
            scored = list(zip(index.scores(other, profile), other.principles, strict=True))
            score, best = max(scored, key=lambda sq: (sq[0], -sq[1].number))
            nearest = _candidate(other, best, score)
        counterparts.append(
            Counterpart(framework=FrameworkSummary.of(catalog, other), alignments=links, nearest=nearest)
        )
    labels = tuple(catalog.themes[t].label_in(lang) for t in principle.themes if t in catalog.themes)
    return PrincipleDetail(
        framework=FrameworkSummary.of(catalog, framework),
        principle=PrincipleSummary.of(framework, principle),
        summary=principle.summary,
        summary_fr=principle.summary_fr,
        themes=labels,
        url=principle.url or framework.url,
        note=principle.note,
        counterparts=tuple(counterparts),
        lang=lang,
    )


def explain(
    index: MatcherIndex,
    a: tuple[Framework, Principle],
    b: tuple[Framework, Principle],
    config: MatchConfig | None = None,
) -> PairExplanation:
    """How the score of one pair is made, signal by signal, and the verdict ``show`` gives it."""
    config = config or MatchConfig()
    pair = explain_pair(index, a, b, config)
    detail, scoring = pair.breakdown, config.scoring
    labels = {t.id: t.label for t in index.catalog.taxonomy.themes}
    (fa, pa), (fb, pb) = a, b
    return PairExplanation(
        a=PrincipleSummary.of(fa, pa),
        b=PrincipleSummary.of(fb, pb),
        score=detail.score,
        parts=(
            ScorePart(name="terms", value=detail.terms, weight=scoring.term_weight),
            ScorePart(name="themes", value=detail.themes, weight=scoring.theme_weight),
            ScorePart(name="title", value=detail.title, weight=scoring.title_weight),
        ),
        shared_themes=tuple(labels.get(t, t) for t in detail.shared_themes),
        shared_terms=detail.shared_terms,
        themes_a=tuple(labels.get(t, t) for t, _ in pair.themes_a),
        themes_b=tuple(labels.get(t, t) for t, _ in pair.themes_b),
        rank_among_b=pair.rank_among_b,
        rank_among_a=pair.rank_among_a,
        equivalent_threshold=config.equivalent,
        related_threshold=config.related,
        alignment=alignments_of(index.catalog, [pair.link])[0] if pair.link else None,
    )
