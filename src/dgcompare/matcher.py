"""Align principles across frameworks, explain each alignment, and say how sure we are.

Three signals are combined, each in [0, 1]:

- **terms**: the cosine of TF-IDF vectors of concept terms (:mod:`dgcompare.text`) from title and
  summary, titles counting double; rare terms weigh more than ones every standard uses;
- **themes**: the cosine of theme profiles: themes inferred from the taxonomy's English and French
  keywords, plus the curated themes where a principle has them;
- **title**: the cosine of the title terms alone, because titles carry the commitment.

A pair is ``equivalent`` when its score reaches the equivalent threshold and each principle is (nearly)
the other's best counterpart; ``related`` when it reaches the related threshold. Curated crosswalks
take precedence. Everything here is pure and deterministic: same inputs, same output.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from operator import itemgetter
from typing import TypeVar

from dgcompare.models import Catalog, CrosswalkFile, CrosswalkMapping, Framework, Principle
from dgcompare.results import Alignment, PairExplanation, PrincipleSummary, ScorePart
from dgcompare.text import words

KeyT = TypeVar("KeyT")
OwnerT = TypeVar("OwnerT")
ValueT = TypeVar("ValueT")
Progress = Callable[[int, int], None]
"""Told (steps done, steps in all) as long work advances; the CLI draws a bar, the library stays silent."""
EQUIVALENT = "equivalent"
RELATED = "related"


@dataclass(frozen=True)
class MatchConfig:
    """Every setting of the matcher; the matcher reads nothing else."""

    equivalent: float = 0.32
    """Lowest score of an ``equivalent`` alignment."""
    related: float = 0.2
    """Lowest score of a ``related`` alignment; below it, no alignment."""
    term_weight: float = 0.3
    theme_weight: float = 0.5
    title_weight: float = 0.2
    title_repeat: float = 2.0
    """How much more a title word counts than a summary word."""
    margin: float = 0.95
    """An equivalent must score at least this fraction of each side's best counterpart."""
    max_related: int = 3
    """At most this many related counterparts per principle and framework, the strongest."""
    curated: bool = True
    """Apply curated crosswalks; False shows what the matcher infers alone."""
    split: bool = True
    """Also call equivalent a pair that is near-best on both sides though not in the best overall pairing."""
    neighbours: int = 5
    """A principle without curated themes borrows the themes of this many most similar tagged principles."""
    neighbour_weight: float = 1.5


@dataclass(frozen=True)
class Profile:
    """What the matcher knows of one principle: unit vectors of its terms, title terms and themes."""

    terms: Mapping[str, float]
    title_terms: Mapping[str, float]
    themes: Mapping[str, float]


@dataclass(frozen=True)
class Breakdown:
    """A pair's score and where it comes from."""

    score: float
    terms: float
    themes: float
    title: float
    shared_themes: tuple[str, ...]
    shared_terms: tuple[str, ...]

    def reasons(self, theme_labels: Mapping[str, str]) -> tuple[str, ...]:
        """Human-readable reasons: the themes and the terms the two principles share."""
        return _reasons(self.shared_themes, self.shared_terms, theme_labels)


def _reasons(themes: Sequence[str], terms: Sequence[str], theme_labels: Mapping[str, str]) -> tuple[str, ...]:
    why = [f"theme: {theme_labels.get(t, t)}" for t in themes]
    if terms:
        why.append("terms: " + ", ".join(terms))
    return tuple(why)


def _shared(a: Profile, b: Profile) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The themes both principles carry strongly (three at most) and the terms they share (five), strongest first."""
    terms = sorted((t for t in a.terms if t in b.terms), key=lambda t: (-a.terms[t] * b.terms[t], t))
    themes = sorted((t for t in a.themes if t in b.themes), key=lambda t: (-a.themes[t] * b.themes[t], t))
    strong = [t for t in themes if a.themes[t] * b.themes[t] >= 0.05]
    return tuple(strong[:3]), tuple(terms[:5])


@dataclass(frozen=True)
class _Index:
    """A framework's profiles turned inside out, to score many principles against one in a single pass.

    For each part (terms, themes, title): term -> (principle position, value times the part's weight).
    """

    size: int
    postings: tuple[dict[str, list[tuple[int, float]]], ...]


def _remembered(
    store: dict[KeyT, tuple[OwnerT, ValueT]], key: KeyT, owner: OwnerT, build: Callable[[OwnerT], ValueT]
) -> ValueT:
    """``build(owner)``, computed once and kept under ``key`` for as long as ``owner`` is the same object.

    Ids are unique within one catalog; the identity check keeps a framework or principle built elsewhere
    under the same id from receiving another's results.
    """
    cached = store.get(key)
    if cached is None or cached[0] is not owner:
        cached = store[key] = (owner, build(owner))
    return cached[1]


def _parts(profile: Profile) -> tuple[Mapping[str, float], Mapping[str, float], Mapping[str, float]]:
    return profile.terms, profile.themes, profile.title_terms


def _unit(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit vectors stored as dicts."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


@dataclass
class Matcher:
    """Scores principle pairs against one catalog (its vocabulary statistics and themes)."""

    catalog: Catalog
    config: MatchConfig = field(default_factory=MatchConfig)

    @cached_property
    def _keywords(self) -> dict[tuple[str, ...], dict[str, float]]:
        """Keyword term sequences -> the themes they signal, weighted by how specific they are."""
        found: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for theme in self.catalog.taxonomy.themes:
            for keyword in theme.keywords:
                found[tuple(words(keyword, french=False))].add(theme.id)
            for keyword in theme.keywords_fr:
                found[tuple(words(keyword, french=True))].add(theme.id)
        found.pop((), None)
        # NOTE: a one-word keyword that most principles use ("service", "digital") signals no theme in particular.
        total = sum(len(f.principles) for f in self.catalog.frameworks()) or 1
        for seq in [s for s in found if len(s) == 1 and self._document_frequency.get(s[0], 0) / total > 0.25]:
            del found[seq]
        return {
            seq: {theme: (1.0 + 0.5 * (len(seq) - 1)) / len(themes) for theme in themes}
            for seq, themes in found.items()
        }

    @cached_property
    def _longest_keyword(self) -> int:
        return max((len(k) for k in self._keywords), default=1)

    @cached_property
    def _document_frequency(self) -> Counter[str]:
        found: Counter[str] | None = self.catalog.derived.get("document_frequency")
        if found is None:
            documents = (
                set(title + summary)
                for f in self.catalog.frameworks()
                for p in f.principles
                for title, summary in [self._text_terms(p)]
            )
            found = self.catalog.derived["document_frequency"] = Counter(t for d in documents for t in d)
        return found

    @cached_property
    def _idf(self) -> dict[str, float]:
        total = sum(len(f.principles) for f in self.catalog.frameworks())
        return {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in self._document_frequency.items()}

    @cached_property
    def _unseen_idf(self) -> float:
        # NOTE: a term the catalog has never seen is as informative as the rarest ones.
        return math.log(1 + sum(len(f.principles) for f in self.catalog.frameworks())) + 1.0

    def _idf_of(self, term: str) -> float:
        return self._idf.get(term) or self._unseen_idf

    @staticmethod
    def _text_terms(principle: Principle) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return words(principle.title), words(principle.summary or "")

    @cached_property
    def _keyword_starts(self) -> frozenset[str]:
        return frozenset(sequence[0] for sequence in self._keywords)

    def _themes_in(self, terms: Sequence[str]) -> dict[str, float]:
        hits: dict[str, float] = defaultdict(float)
        keywords, longest, starts = self._keywords, self._longest_keyword, self._keyword_starts
        for start in range(len(terms)):
            if terms[start] not in starts:
                continue
            for length in range(1, min(longest, len(terms) - start) + 1):
                for theme, weight in keywords.get(tuple(terms[start : start + length]), {}).items():
                    hits[theme] += weight
        return hits

    def profile(self, framework: Framework, principle: Principle) -> Profile:
        """The matcher's view of one principle (computed once per catalog and settings)."""
        return _remembered(self._profiles, (framework.id, principle.number), principle, self._new_profile)

    def _new_profile(self, principle: Principle) -> Profile:
        title, summary = self._text_terms(principle)
        terms = self._term_vector(title, summary)
        title_terms = _unit({t: self._idf_of(t) for t in title})
        themes: dict[str, float] = defaultdict(float)
        for theme, weight in self._themes_in(title).items():
            themes[theme] += 2 * weight
        for theme, weight in self._themes_in(summary).items():
            themes[theme] += weight
        for rank, theme in enumerate(principle.themes):
            themes[theme] += 2.0 if rank == 0 else 1.0
        if not principle.themes:
            for theme, weight in self._borrowed_themes(terms).items():
                themes[theme] += weight
        return Profile(terms, title_terms, _unit(themes))

    def _term_vector(self, title: Sequence[str], summary: Sequence[str]) -> dict[str, float]:
        """TF-IDF unit vector of a principle's terms, title terms counting ``title_repeat`` times."""
        counts: dict[str, float] = defaultdict(float)
        for term in summary:
            counts[term] += 1.0
        for term in title:
            counts[term] += self.config.title_repeat
        return _unit({t: c * self._idf_of(t) for t, c in counts.items()})

    @cached_property
    def _examples(self) -> tuple[list[tuple[str, ...]], dict[str, list[tuple[int, float]]]]:
        """The catalog's labelled examples (principles with curated themes): their themes, and term postings.

        The postings map each term to the examples that use it, with its weight there.
        """
        themes: list[tuple[str, ...]] = []
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for framework in self.catalog.frameworks():
            for principle in framework.principles:
                if principle.themes:
                    for term, weight in self._term_vector(*self._text_terms(principle)).items():
                        postings[term].append((len(themes), weight))
                    themes.append(principle.themes)
        return themes, dict(postings)

    def _borrowed_themes(self, terms: Mapping[str, float]) -> dict[str, float]:
        themes, postings = self._examples
        # NOTE: cosines with every example at once, through the terms they share (most share none).
        similarity: dict[int, float] = defaultdict(float)
        for term, weight in terms.items():
            for example, example_weight in postings.get(term, ()):
                similarity[example] += weight * example_weight
        nearest = sorted(similarity.items(), key=itemgetter(1), reverse=True)[: self.config.neighbours]
        borrowed: dict[str, float] = defaultdict(float)
        for example, value in nearest:
            for rank, theme in enumerate(themes[example]):
                borrowed[theme] += self.config.neighbour_weight * value * (2.0 if rank == 0 else 1.0)
        return borrowed

    @cached_property
    def _profiles(self) -> dict[tuple[str, int], tuple[Principle, Profile]]:
        # NOTE: kept with the catalog, keyed by the settings a profile depends on, so that every matcher over
        # this catalog, and the next run through the catalog cache, reuses them.
        config = self.config
        key = ("profiles", config.title_repeat, config.neighbours, config.neighbour_weight)
        store: dict[tuple[str, int], tuple[Principle, Profile]] = self.catalog.derived.setdefault(key, {})
        return store

    @cached_property
    def _part_weights(self) -> tuple[float, float, float]:
        config = self.config
        total = config.term_weight + config.theme_weight + config.title_weight
        return config.term_weight / total, config.theme_weight / total, config.title_weight / total

    def score(self, a: Profile, b: Profile) -> float:
        """The pair's score in [0, 1], rounded as reported (the fast path of :meth:`breakdown`)."""
        raw = 0.0
        for part_a, part_b, weight in zip(_parts(a), _parts(b), self._part_weights, strict=True):
            for term, value in part_b.items():
                other = part_a.get(term)
                if other is not None:
                    raw += value * (other * weight)
        return round(min(1.0, max(0.0, raw)), 4)

    def scores(self, framework: Framework, b: Profile) -> list[float]:
        """What :meth:`score` gives each principle of ``framework`` against ``b``, in order.

        One pass over the terms ``b`` shares with the framework's principles, not one cosine per pair; the
        sums run in the same order as in :meth:`score`, so both give the same figures to the last bit.
        """
        index = _remembered(self._indexes, framework.id, framework, self._index_of)
        raw = [0.0] * index.size
        for part, postings in zip(_parts(b), index.postings, strict=True):
            for term, value in part.items():
                for i, other in postings.get(term, ()):
                    raw[i] += value * other
        return [round(min(1.0, max(0.0, x)), 4) for x in raw]

    @cached_property
    def _indexes(self) -> dict[str, tuple[Framework, _Index]]:
        return {}

    def _index_of(self, framework: Framework) -> _Index:
        postings: tuple[dict[str, list[tuple[int, float]]], ...] = ({}, {}, {})
        for i, principle in enumerate(framework.principles):
            profile = self.profile(framework, principle)
            for part, found, weight in zip(_parts(profile), postings, self._part_weights, strict=True):
                for term, value in part.items():
                    found.setdefault(term, []).append((i, value * weight))
        return _Index(len(framework.principles), postings)

    def breakdown(self, a: Profile, b: Profile) -> Breakdown:
        """Score one pair and keep the parts, with the themes and terms the two share."""
        shared_themes, shared_terms = _shared(a, b)
        return Breakdown(
            score=self.score(a, b),
            terms=round(cosine(a.terms, b.terms), 4),
            themes=round(cosine(a.themes, b.themes), 4),
            title=round(cosine(a.title_terms, b.title_terms), 4),
            shared_themes=shared_themes,
            shared_terms=shared_terms,
        )

    def score_matrix(self, a: Framework, b: Framework) -> list[list[float]]:
        """The score of every principle of ``a`` against every principle of ``b``."""
        columns = [self.scores(a, self.profile(b, p)) for p in b.principles]
        return [list(row) for row in zip(*columns, strict=True)] if columns else [[] for _ in a.principles]

    def align_pair(self, a: Framework, b: Framework) -> list[Alignment]:
        """Inferred alignments between two frameworks, strongest first."""
        config = self.config
        matrix = self.score_matrix(a, b)
        if not matrix or not matrix[0]:
            return []
        row_best = [max(row) for row in matrix]
        col_best = [max(column) for column in zip(*matrix, strict=True)]
        labels = {t.id: t.label for t in self.catalog.taxonomy.themes}
        # NOTE: the best overall pairing only matters among pairs that can be equivalent.
        assigned = set(best_assignment(matrix)) if max(row_best) >= config.equivalent else set()
        chosen: list[tuple[int, int, str]] = []
        for i, row in enumerate(matrix):
            for j, score in enumerate(row):
                if score < config.related:
                    continue
                # NOTE: equivalents are the pairing that is best overall, so that one greedy pair cannot take
                # another's natural partner; a near-best second partner is kept for commitments split in two.
                near_best = score >= config.margin * row_best[i] and score >= config.margin * col_best[j]
                paired = (i, j) in assigned or (config.split and near_best)
                relation = EQUIVALENT if score >= config.equivalent and paired else RELATED
                chosen.append((i, j, relation))
        chosen = _limit_related(chosen, matrix, config.max_related)
        return [
            Alignment(
                a=self._summary(a, a.principles[i]),
                b=self._summary(b, b.principles[j]),
                score=matrix[i][j],
                relation=relation,
                source="inferred",
                why=_reasons(*_shared(self.profile(a, a.principles[i]), self.profile(b, b.principles[j])), labels),
            )
            for i, j, relation in chosen
        ]

    def _summary(self, framework: Framework, principle: Principle) -> PrincipleSummary:
        # NOTE: a principle appears in many alignments; its (validated) summary is built once.
        return _remembered(
            self._summaries, (framework.id, principle.number), principle, lambda p: PrincipleSummary.of(framework, p)
        )

    @cached_property
    def _summaries(self) -> dict[tuple[str, int], tuple[Principle, PrincipleSummary]]:
        return {}

    def align(self, frameworks: Sequence[Framework], progress: Progress | None = None) -> list[Alignment]:
        """Alignments between every two of ``frameworks`` (curated first where configured), sorted.

        Args:
            frameworks: two or more frameworks.
            progress: called with (pairs done, pairs in all) after each pair of frameworks.
        """
        found: list[Alignment] = []
        pairs = list(combinations(frameworks, 2))
        for done, (a, b) in enumerate(pairs, start=1):
            inferred = self.align_pair(a, b)
            found.extend(self._with_curated(a, b, inferred) if self.config.curated else inferred)
            if progress is not None:
                progress(done, len(pairs))
        order = {f.id: index for index, f in enumerate(frameworks)}
        return sorted(found, key=lambda x: (order[x.a.framework], order[x.b.framework], x.a.number, x.b.number))

    def _with_curated(self, a: Framework, b: Framework, inferred: list[Alignment]) -> list[Alignment]:
        curated: dict[tuple[int, int], Alignment | None] = {}
        exhaustive = False
        for crosswalk in self.catalog.crosswalks:
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
                pa, pb = a.principle(na), b.principle(nb)
                if pa is None or pb is None:
                    continue
                curated[(na, nb)] = _curated_alignment(a, pa, b, pb, mapping, crosswalk)
        kept = [x for x in inferred if (x.a.number, x.b.number) not in curated and not exhaustive]
        return kept + [x for x in curated.values() if x is not None]

    def explain(self, a: tuple[Framework, Principle], b: tuple[Framework, Principle]) -> PairExplanation:
        """The full score breakdown of one pair, with each principle's rank among the other's candidates."""
        (fa, pa), (fb, pb) = a, b
        x, y = self.profile(fa, pa), self.profile(fb, pb)
        detail = self.breakdown(x, y)
        row = sorted((self.score(x, self.profile(fb, q)) for q in fb.principles), reverse=True)
        col = sorted((self.score(self.profile(fa, q), y) for q in fa.principles), reverse=True)
        final = next((al for al in self.align([fa, fb]) if al.a.number == pa.number and al.b.number == pb.number), None)
        labels = {t.id: t.label for t in self.catalog.taxonomy.themes}
        config = self.config
        return PairExplanation(
            a=PrincipleSummary.of(fa, pa),
            b=PrincipleSummary.of(fb, pb),
            score=detail.score,
            parts=(
                ScorePart(name="terms", value=detail.terms, weight=config.term_weight),
                ScorePart(name="themes", value=detail.themes, weight=config.theme_weight),
                ScorePart(name="title", value=detail.title, weight=config.title_weight),
            ),
            shared_themes=tuple(labels.get(t, t) for t in detail.shared_themes),
            shared_terms=detail.shared_terms,
            themes_a=tuple(labels.get(t, t) for t, _ in _top(x.themes)),
            themes_b=tuple(labels.get(t, t) for t, _ in _top(y.themes)),
            rank_among_b=row.index(detail.score) + 1,
            rank_among_a=col.index(detail.score) + 1,
            equivalent_threshold=config.equivalent,
            related_threshold=config.related,
            alignment=final,
        )


def _top(themes: Mapping[str, float], n: int = 4) -> tuple[tuple[str, float], ...]:
    return tuple(sorted(((t, round(w, 3)) for t, w in themes.items()), key=lambda tw: (-tw[1], tw[0]))[:n])


def _limit_related(
    chosen: Iterable[tuple[int, int, str]], matrix: list[list[float]], limit: int
) -> list[tuple[int, int, str]]:
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


def _curated_alignment(
    fa: Framework, pa: Principle, fb: Framework, pb: Principle, mapping: CrosswalkMapping, crosswalk: CrosswalkFile
) -> Alignment | None:
    if mapping.relationship == "not_related":
        return None
    equivalent = mapping.relationship == "equal" or mapping.strength >= 7
    header = crosswalk.crosswalk
    why = [
        f"curated ({header.source} -> {header.target}): {mapping.relationship}, {mapping.rationale}, "
        f"strength {mapping.strength}/10",
        mapping.explanation,
    ]
    return Alignment(
        a=PrincipleSummary.of(fa, pa),
        b=PrincipleSummary.of(fb, pb),
        score=round(mapping.strength / 10, 4),
        relation=EQUIVALENT if equivalent else RELATED,
        source="curated",
        why=tuple(why),
    )


def best_assignment(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The one-to-one pairing of rows and columns with the highest total score (Hungarian method).

    Returns:
        (row, column) pairs, one per row or column, whichever are fewer.
    """
    if not scores or not scores[0]:
        return []
    transposed = len(scores) > len(scores[0])
    matrix = [list(col) for col in zip(*scores, strict=True)] if transposed else [list(row) for row in scores]
    n, m = len(matrix), len(matrix[0])
    # NOTE: the classic O(n^2 m) potentials formulation, minimising the negated scores.
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], math.inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -matrix[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    return sorted((c, r) if transposed else (r, c) for r, c in pairs)
