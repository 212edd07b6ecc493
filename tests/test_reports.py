from __future__ import annotations

import pytest

from dgcompare import load_catalog, resolve_token
from dgcompare.matcher import MatchConfig, MatcherIndex
from dgcompare.models import Catalog, resolve_principle
from dgcompare.reports.base import CLOSE
from dgcompare.reports.comparison import compare
from dgcompare.reports.detail import principle_detail
from dgcompare.reports.diff import diff
from dgcompare.reports.gaps import gaps
from dgcompare.reports.matrix import coverage_matrix
from dgcompare.reports.search import search


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> MatcherIndex:
    return MatcherIndex(catalog)


def test_seed_pair_shows_every_principle_and_aligns_what_a_careful_reader_would(
    catalog: Catalog, index: MatcherIndex
) -> None:
    defra, au = resolve_token(catalog, "uk-defra-2018"), resolve_token(catalog, "au-dss-v1")
    result = compare(index, [defra, au])
    shown = {(row.anchor.framework, row.anchor.number) for row in result.rows}
    shown |= {
        (x.principle.framework, x.principle.number) for row in result.rows for cell in row.counterparts for x in cell
    }
    shown |= {(p.framework, p.number) for p in result.unanchored}
    assert shown == {(defra.id, p.number) for p in defra.principles} | {(au.id, p.number) for p in au.principles}
    aligned = {(x.a.number, x.b.number): x.relation for x in result.alignments}
    # From the official texts: agile by default ~ agile and user-centred process (3), re-use of common
    # platforms ~ open standards and common platforms (7); teams ~ a multidisciplinary team (2); a common
    # technology stack ~ understanding tools and systems (4); DDaT-profession teams ~ a multidisciplinary team.
    assert {k for k, v in aligned.items() if v == "equivalent"} == {(3, 3), (7, 7)}
    assert {(1, 2), (4, 2), (6, 4), (5, 3)} <= set(aligned)
    assert (8, 12) not in aligned, "shared words ('non-digital'), different commitments"
    assert all(x.source == "curated" for x in result.alignments)


def test_every_score_in_a_row_is_the_score_of_its_link_with_the_anchor(catalog: Catalog, index: MatcherIndex) -> None:
    frameworks = [resolve_token(catalog, t) for t in ("uk", "au", "ca", "us")]
    result = compare(index, frameworks, MatchConfig(curated=False))
    links = {}
    for x in result.alignments:
        links[(x.a.framework, x.a.number, x.b.framework, x.b.number)] = (x.relation, x.score)
        links[(x.b.framework, x.b.number, x.a.framework, x.a.number)] = (x.relation, x.score)
    anchor = frameworks[0]
    assert [row.anchor.number for row in result.rows] == [p.number for p in anchor.principles]
    shown = 0
    for row in result.rows:
        assert len(row.counterparts) == 3
        for cell, framework in zip(row.counterparts, frameworks[1:], strict=True):
            for x in cell:
                key = (anchor.id, row.anchor.number, x.principle.framework, x.principle.number)
                assert x.principle.framework == framework.id
                assert links[key] == (x.relation, x.score), "a row shows only links with its anchor, with their score"
                shown += 1
    assert shown + len(result.side_links()) == len(result.alignments), "every link is in a row or among side links"


def test_gaps_grade_each_commitment_and_rank_themes_by_peers_not_covered(catalog: Catalog, index: MatcherIndex) -> None:
    ca = resolve_token(catalog, "ca")
    peers = [resolve_token(catalog, t) for t in ("uk", "au", "us", "nz")]
    report = gaps(index, ca, peers, MatchConfig(curated=False))
    assert report.gaps
    ranks = [
        (len({c.principle.framework for c in g.commitments if c.coverage == "not covered"}), g.peer_count)
        for g in report.gaps
    ]
    assert ranks == sorted(ranks, reverse=True)
    for gap in report.gaps:
        for c in gap.commitments:
            assert c.principle.framework != ca.id
            assert all(x.framework == ca.id for x in c.by)
            if c.coverage == "partly covered":
                assert c.by and all(x.source == "inferred" and x.score >= 0.1 for x in c.by)  # 0.1: linked themes
            else:
                assert c.coverage == "not covered" and all(report.close <= x.score < 0.2 for x in c.by)
    for peer, counts in zip(peers, report.coverage, strict=True):
        assert counts.covered + counts.partly_covered + counts.not_covered == len(peer.principles)
    assert report.target.id == ca.id and [p.id for p in report.peers] == [p.id for p in peers]


def test_distinctive_principles_have_no_counterpart(catalog: Catalog, index: MatcherIndex) -> None:
    ca = resolve_token(catalog, "ca")
    report = gaps(index, ca, [resolve_token(catalog, "us")])
    assert [p.number for p in report.distinctive] == [9], "ethics has no counterpart in the US Playbook"


def test_matrix_covers_every_theme_and_counts(catalog: Catalog, index: MatcherIndex) -> None:
    frameworks = [resolve_token(catalog, t) for t in ("uk", "au", "ca")]
    matrix = coverage_matrix(index, frameworks)
    assert [r.theme for r in matrix.rows] == [t.id for t in catalog.taxonomy.themes]
    security = next(r for r in matrix.rows if r.theme == "security")
    assert all(c.level == "tagged" for c in security.cells) and security.covered == 3
    assert matrix.totals == tuple(sum(r.cells[i].covers for r in matrix.rows) for i in range(3))
    for row in matrix.rows:
        for framework, cell in zip(frameworks, row.cells, strict=True):
            tagging = {p.number for p in framework.principles if row.theme in p.themes}
            assert (cell.level == "tagged") == bool(tagging)
            if cell.level == "tagged":
                assert set(cell.principles) == tagging
            elif cell.level == "none":
                assert cell.strength < matrix.touched and not cell.principles
            else:
                assert cell.principles, "every covered or touched cell names the principles behind it"


def test_diff_of_the_uk_standard_editions(catalog: Catalog, index: MatcherIndex) -> None:
    result = diff(index, resolve_token(catalog, "uk-dss-2015"), resolve_token(catalog, "uk"))
    kinds = {(c.kind, tuple(p.number for p in c.old), tuple(p.number for p in c.new)) for c in result.changes}
    assert ("kept", (3,), (6,)) in kinds
    assert ("reworded", (4,), (7,)) in kinds
    assert ("merged", (15, 16, 17), (10,)) in kinds
    assert ("added", (), (2,)) in kinds
    assert ("dropped", (18,), ()) in kinds
    listed_old = [p.number for c in result.changes for p in c.old]
    assert sorted(listed_old) == sorted(p.number for p in resolve_token(catalog, "uk-dss-2015").principles)


def test_search_finds_synonyms_french_and_typos(catalog: Catalog) -> None:
    assert search(catalog, "open source").hits[0].title in {"Open source", "Be open and use open source"}
    french = search(catalog, "sécurité des données", limit=5)
    assert any("secur" in h.title.lower() for h in french.hits)
    typo = search(catalog, "accesibility", limit=5)
    assert any("accessib" in h.title.lower() for h in typo.hits)
    only_uk = search(catalog, "users", jurisdiction="uk")
    assert only_uk.hits and all(h.jurisdiction == "uk" for h in only_uk.hits)
    assert "open" in [w.lower() for w in search(catalog, "open source").hits[0].matched]


def test_principle_detail_lists_counterparts_in_every_other_default(catalog: Catalog, index: MatcherIndex) -> None:
    detail = principle_detail(index, *resolve_principle(catalog, "ca:1"))
    others = {c.framework.id for c in detail.counterparts}
    assert others == {f.id for f in catalog.defaults()} - {"ca-digital-standards"}
    uk = next(c for c in detail.counterparts if c.framework.id == "uk-service-standard-2019")
    assert any(a.relation == "equivalent" and 1 in (a.a.number, a.b.number) for a in uk.alignments)
    # Where nothing is linked, the nearest principle is named only from CLOSE on; under it, nothing is.
    ca, one = resolve_principle(catalog, "ca:1")
    for c in detail.counterparts:
        if not c.alignments:
            other = catalog.framework(c.framework.id)
            best = max(index.scores(other, index.profile(ca, one)))
            assert (c.nearest is not None) == (best >= CLOSE)
    assert any(not c.alignments and c.nearest is None for c in detail.counterparts)


def test_long_work_reports_progress(catalog: Catalog, index: MatcherIndex) -> None:
    calls: list[tuple[int, int]] = []
    ca = resolve_token(catalog, "ca")
    peers = [resolve_token(catalog, t) for t in ("uk", "au", "us")]
    gaps(index, ca, peers, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    calls.clear()
    coverage_matrix(index, peers, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (3, 3)
    calls.clear()
    compare(index, peers, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    calls.clear()
    principle_detail(index, *resolve_principle(catalog, "ca:1"), progress=lambda d, t: calls.append((d, t)))
    defaults = len(catalog.defaults())
    assert calls == [(done, defaults) for done in range(1, defaults + 1)]
