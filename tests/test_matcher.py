from __future__ import annotations

import itertools
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dgcompare import load_catalog
from dgcompare.evaluation import french_only, load_labels, matcher_results, overall, renamed
from dgcompare.matcher import MatchConfig, MatcherIndex, ScoringSettings, align, align_pair, best_assignment
from dgcompare.matcher.profiles import Profiler
from dgcompare.models import Catalog, CatalogFile, Framework, Jurisdiction, Principle
from dgcompare.text import fold, words

from .conftest import FIXTURES

INFERRED = MatchConfig(curated=False)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def framework(fid: str, titles: list[str], summaries: list[str] | None = None) -> Framework:
    principles = [
        Principle(number=i + 1, title=t, summary=(summaries[i] if summaries else None)) for i, t in enumerate(titles)
    ]
    return Framework(
        id=fid, title=fid, publisher="Test", adopted=2020, url="https://example.org", principles=principles
    )


def with_frameworks(catalog: Catalog, *frameworks: Framework) -> Catalog:
    extra = CatalogFile(jurisdiction=Jurisdiction(code="zz", name="Test"), frameworks=frameworks)
    return Catalog((*catalog.files, extra), catalog.taxonomy, catalog.sources, catalog.crosswalks)


def pairs(alignments: list, relation: str | None = None) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {
        (f"{x.a.framework}:{x.a.number}", f"{x.b.framework}:{x.b.number}")
        for x in alignments
        if relation is None or x.relation == relation
    }


def test_security_aligns_although_the_titles_share_one_word(catalog: Catalog) -> None:
    a = framework("zz-a", ["Make it secure"], ["Keep the service and its users' data safe from attack and misuse."])
    ca = catalog.framework("ca-digital-standards")
    assert ca is not None
    found = align_pair(MatcherIndex(with_frameworks(catalog, a)), a, ca, INFERRED)
    best = max(found, key=lambda x: x.score)
    assert best.b.number == 5 and best.relation == "equivalent"
    assert any(reason.startswith("theme: Security") for reason in best.why)


def test_french_only_principle_aligns_with_its_english_counterparts(catalog: Catalog) -> None:
    fr = framework(
        "zz-fr",
        ["Concevoir avec les utilisateurs"],
        ["Associer les usagers dès le départ et tout au long de la conception du service."],
    )
    extended = with_frameworks(catalog, fr)
    index = MatcherIndex(extended)
    for fid, number in (("uk-service-standard-2019", 1), ("au-dss-v2", 2), ("us-playbook", 1)):
        target = extended.framework(fid)
        assert target is not None
        found = align_pair(index, fr, target, INFERRED)
        assert ("zz-fr:1", f"{fid}:{number}") in pairs(found, "equivalent"), fid


def test_scores_are_in_unit_interval_and_explained(catalog: Catalog) -> None:
    uk, au = catalog.framework("uk-service-standard-2019"), catalog.framework("au-dss-v2")
    assert uk is not None and au is not None
    for alignment in align_pair(MatcherIndex(catalog), uk, au, INFERRED):
        assert 0.0 <= alignment.score <= 1.0
        assert alignment.why, "every alignment says why"
        assert alignment.source == "inferred"


PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60).filter(str.strip)
BUILT_IN = load_catalog()


@settings(max_examples=40, deadline=None)
@given(st.lists(PRINTABLE, min_size=1, max_size=5), st.lists(PRINTABLE, min_size=1, max_size=5))
def test_any_text_scores_within_bounds(titles_a: list[str], titles_b: list[str]) -> None:
    catalog = BUILT_IN
    a, b = framework("zz-a", titles_a), framework("zz-b", titles_b)
    for row in MatcherIndex(with_frameworks(catalog, a, b)).score_matrix(a, b):
        for score in row:
            assert 0.0 <= score <= 1.0


def test_result_does_not_depend_on_framework_order(catalog: Catalog) -> None:
    uk, ca = catalog.framework("uk-service-standard-2019"), catalog.framework("ca-digital-standards")
    assert uk is not None and ca is not None
    index = MatcherIndex(catalog)
    forward = {(x.a.number, x.b.number, x.relation, x.score) for x in align_pair(index, uk, ca, INFERRED)}
    backward = {(x.b.number, x.a.number, x.relation, x.score) for x in align_pair(index, ca, uk, INFERRED)}
    assert forward == backward


def test_a_set_aligned_with_a_copy_of_itself_pairs_each_principle_with_itself(catalog: Catalog) -> None:
    original = catalog.framework("au-dss-v2")
    assert original is not None
    copy = original.model_copy(update={"id": "zz-copy", "default": False})
    found = align_pair(MatcherIndex(with_frameworks(catalog, copy)), original, copy, INFERRED)
    assert {(x.a.number, x.b.number) for x in found if x.relation == "equivalent"} == {
        (p.number, p.number) for p in original.principles
    }


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.floats(0, 1), min_size=1, max_size=5), min_size=1, max_size=5).filter(
        lambda rows: len({len(r) for r in rows}) == 1
    )
)
def test_best_assignment_is_optimal_and_one_to_one(scores: list[list[float]]) -> None:
    chosen = best_assignment(scores)
    rows, cols = len(scores), len(scores[0])
    assert len(chosen) == min(rows, cols)
    assert len({r for r, _ in chosen}) == len({c for _, c in chosen}) == len(chosen)
    total = sum(scores[r][c] for r, c in chosen)
    best = (
        max(
            sum(scores[r][c] for r, c in zip(perm_rows, perm_cols, strict=False))
            for perm_rows in itertools.permutations(range(rows), min(rows, cols))
            for perm_cols in [tuple(range(cols))]
            if rows >= cols
        )
        if rows >= cols
        else max(
            sum(scores[r][c] for r, c in zip(range(rows), perm, strict=False))
            for perm in itertools.permutations(range(cols), rows)
        )
    )
    assert total == pytest.approx(best)


def test_curated_crosswalk_takes_precedence_and_says_so(catalog: Catalog) -> None:
    defra, au = catalog.framework("uk-defra-2018"), catalog.framework("au-dss-v1")
    assert defra is not None and au is not None
    curated = align(MatcherIndex(catalog), [defra, au])
    assert curated and all(x.source == "curated" for x in curated), "the seed crosswalk is exhaustive"
    assert ("uk-defra-2018:3", "au-dss-v1:3") in pairs(curated, "equivalent")
    assert ("uk-defra-2018:7", "au-dss-v1:7") in pairs(curated, "equivalent")
    assert ("uk-defra-2018:8", "au-dss-v1:12") not in pairs(curated), "a curated not_related suppresses the pair"
    inferred = align(MatcherIndex(catalog), [defra, au], INFERRED)
    assert all(x.source == "inferred" for x in inferred)


# Floors set from bench/matcher_quality.py (measured: dev 0.89, held-out 0.88, French-only 0.89),
# a few points below so that a change of one or two pairs does not fail the build but a real regression does.
@pytest.mark.parametrize(
    ("gold", "with_heldout", "only_french", "floor"),
    [
        ("dev.yaml", False, False, 0.85),
        ("heldout.yaml", True, False, 0.85),
        ("heldout.yaml", True, True, 0.84),
    ],
)
def test_quality_does_not_regress(gold: str, with_heldout: bool, only_french: bool, floor: float) -> None:
    labels = load_labels(Path(__file__).parent / "crosswalk" / gold)
    if only_french:
        labels = french_only(labels)
    catalog = load_catalog([FIXTURES / "heldout"] if with_heldout else [])
    results = matcher_results(catalog, labels, MatchConfig(curated=False))
    assert overall(results.values()).equivalent.f1 >= floor


# Our translations of labelled sets (measured: of the Canadian standards de 0.92, es 0.91, it 0.97, pt 0.94; of the UK
# Service Standard de 0.86, es 0.91, it 0.90, pt 0.91; of the US Playbook de 0.89, es 0.89, it 0.89, pt 0.85; floors
# three points below) and the blind held-out
# sets written in one language each (measured de 0.81, it 0.77, es 0.80, pt 0.72; nothing tuned with them in view).
TRANSLATED = {"ca": "ca-digital-standards", "uk": "uk-service-standard-2019", "us": "us-playbook"}


@pytest.mark.parametrize(
    ("translation", "floor"),
    [
        ("de", 0.88),
        ("es", 0.88),
        ("it", 0.94),
        ("pt", 0.91),
        ("de-uk", 0.82),
        ("es-uk", 0.88),
        ("it-uk", 0.86),
        ("pt-uk", 0.88),
        ("de-us", 0.85),
        ("es-us", 0.85),
        ("it-us", 0.85),
        ("pt-us", 0.81),
    ],
)
def test_a_translation_of_a_labelled_set_aligns_like_the_original(translation: str, floor: float) -> None:
    language, _, origin = translation.partition("-")
    dev = load_labels(Path(__file__).parent / "crosswalk" / "dev.yaml")
    labels = renamed(dev, TRANSLATED[origin or "ca"], f"xx-{origin or 'ca'}-{language}")
    catalog = load_catalog([FIXTURES / "dev-languages" / f"{translation}.yaml"])
    assert overall(matcher_results(catalog, labels, MatchConfig(curated=False)).values()).equivalent.f1 >= floor


def test_the_gc_comparison_table_is_found_as_often_as_measured() -> None:
    # The GC draft table links "comparable" items: every link (related or equivalent) counts. Measured 0.53 / 0.53
    # (bench/matcher_quality.py); floors a few points below.
    labels = load_labels(Path(__file__).parent / "crosswalk" / "gc-comparison.yaml")
    found = overall(matcher_results(load_catalog(), labels, MatchConfig(curated=False)).values()).any
    assert found.precision >= 0.5 and found.recall >= 0.5, found


@pytest.mark.parametrize(("language", "floor"), [("de", 0.77), ("es", 0.75), ("it", 0.75), ("pt", 0.74)])
def test_a_set_written_in_one_language_only_aligns_with_the_english_sets(language: str, floor: float) -> None:
    labels = load_labels(Path(__file__).parent / "crosswalk" / "heldout-languages.yaml")
    catalog = load_catalog([FIXTURES / "heldout-languages"])
    (written,) = (f for f in catalog.frameworks() if f.id.startswith("x") and f.language == language)
    own = {key: gold for key, gold in labels.items() if written.id in key}
    assert overall(matcher_results(catalog, own, MatchConfig(curated=False)).values()).equivalent.f1 >= floor


# The development sets written natively (tests/fixtures/dev-native, labelled in tests/crosswalk/<labels>.yaml: one
# file per language, then dev-native-<language>2.yaml and 3 for further pairs, each written and labelled by another
# annotator), each framework measured against the four built-in sets it is labelled with, all in one catalog
# (measured: Italian nit1 0.81, nit2 0.93, nit3 0.82, nit4 0.85, nit5 0.86, nit6 0.85, nit7 0.86, nit8 0.71;
# Portuguese nbr1 0.84, npt1 0.88, nbr2 0.85, nbr3 0.91, npt2 0.75, nbr4 0.89; Spanish nes1 0.83, nes2 0.85, nes3
# 0.86, nes4 0.94, nes5 0.91, nes6 0.90, nes7 0.90, nes8 0.82; English nen1 0.88, nen2 0.79; strategies sen1 0.60,
# sit1 0.69, spt1 0.61; paraphrasing real strategies res1 0.71, res2 0.73, rit1 0.67, rit2 0.88, rit7 0.23, rit8
# 0.50, real service guidance res3 0.84, res4 0.58, rit3 0.40, rit4 0.67, and real laws, charters and checklists
# res5 0.67, res6 0.64, rit5 0.43, rit6 0.58, rpt1 0.18, rpt2 0.57, rpt3 0.36, rpt4 0.73); floors three points
# below. Adding a set moves the others'
# term weights, so a floor allows for a pair or two.
@pytest.mark.parametrize(
    ("labels", "framework", "floor"),
    [
        ("dev-native-it", "nit1-carta-servizi-digitali", 0.78),
        ("dev-native-it", "nit2-linee-guida-prestazioni", 0.89),
        ("dev-native-it2", "nit3-linee-guida-servizi-digitali", 0.79),
        ("dev-native-it2", "nit4-carta-servizi-digitali", 0.81),
        ("dev-native-it3", "nit5-piano-transizione-digitale", 0.82),
        ("dev-native-it3", "nit6-principi-servizi-digitali", 0.81),
        ("dev-native-it4", "nit7-principi-di-design", 0.83),
        ("dev-native-it4", "nit8-standard-di-servizio", 0.67),
        ("dev-native-pt", "nbr1-diretrizes-servicos-digitais", 0.80),
        ("dev-native-pt", "npt1-referencial-servicos-digitais", 0.84),
        ("dev-native-pt2", "nbr2-pmgd", 0.82),
        ("dev-native-pt2", "nbr3-guia-produto", 0.87),
        ("dev-native-pt3", "npt2-carta-atendimento-digital", 0.72),
        ("dev-native-pt3", "nbr4-principios-transformacao-digital", 0.86),
        ("dev-native-es", "nes1-principios-servicios-electronicos", 0.80),
        ("dev-native-es", "nes2-carta-servicios-digitales", 0.81),
        ("dev-native-es2", "nes3-lineamientos-scd", 0.82),
        ("dev-native-es2", "nes4-manual-producto", 0.90),
        ("dev-native-es3", "nes5-estandar-sd", 0.87),
        ("dev-native-es3", "nes6-principios-diseno", 0.87),
        ("dev-native-es4", "nes7-guia-conversion-digital", 0.87),
        ("dev-native-es4", "nes8-carta-gobierno-digital", 0.79),
        ("dev-native-en", "nen1-digital-charter", 0.84),
        ("dev-native-en", "nen2-engineering-handbook", 0.76),
        # Strategies against service standards: equivalents over-called (precision 0.65, 0.62, 0.43 with the higher
        # bar across programme and practice; 0.56, 0.58, 0.34 without).
        ("dev-strategy-en", "sen1-digital-strategy", 0.56),
        ("dev-strategy-it", "sit1-strategia-digitale", 0.65),
        ("dev-strategy-pt", "spt1-estrategia-digital", 0.57),
        ("dev-native-es5", "res1-gobierno-digital", 0.68),
        ("dev-native-es5", "res2-carta-derechos", 0.69),
        ("dev-native-it5", "rit1-carta-cittadinanza", 0.63),
        ("dev-native-it5", "rit2-amministrazione-federale-digitale", 0.84),
        ("dev-native-es6", "res3-diseno-servicios", 0.81),
        ("dev-native-es6", "res4-calidad-servicios", 0.55),
        ("dev-native-it6", "rit3-criteri-conformita", 0.37),
        ("dev-native-it6", "rit4-carta-servizi", 0.63),
        # Real texts labelled strictly (most pairs related: a narrow criterion or a right is rarely the same
        # commitment as a broad principle); the matcher over-calls equivalents on them.
        ("dev-native-es7", "res5-administracion-digital", 0.63),
        ("dev-native-es7", "res6-medios-electronicos", 0.60),
        ("dev-native-it7", "rit5-erogazione-servizi", 0.39),
        ("dev-native-it7", "rit6-sito-scuole", 0.55),
        ("dev-native-pt4", "rpt1-direitos-usuario", 0.15),
        ("dev-native-pt4", "rpt2-selo-usabilidade", 0.50),  # 0.54 until "Leave no one behind" read as accessibility
        # 0.33 until 'start-up' stopped reading as 'start': 'ponto de partida' (starting point) had lent the untagged
        # 'Presunção de boa-fé' innovation, not user needs, and kept it off three user-research principles.
        ("dev-native-pt5", "rpt3-simplificacao", 0.26),
        ("dev-native-pt5", "rpt4-atuacao-poder-publico", 0.69),
        ("dev-native-it8", "rit7-riuso-software", 0.20),
        ("dev-native-it8", "rit8-strategia-dati", 0.47),
    ],
)
def test_a_set_written_natively_aligns_with_the_english_sets(labels: str, framework: str, floor: float) -> None:
    gold = load_labels(Path(__file__).parent / "crosswalk" / f"{labels}.yaml")
    catalog = load_catalog([FIXTURES / "dev-native"])
    own = {key: pairs for key, pairs in gold.items() if framework in key}
    assert own, f"{framework} has no labels in {labels}.yaml"
    assert overall(matcher_results(catalog, own, MatchConfig(curated=False)).values()).equivalent.f1 >= floor


def test_score_matrix_gives_what_score_gives_to_the_last_bit(catalog: Catalog) -> None:
    index = MatcherIndex(catalog)
    for a, b in itertools.combinations(catalog.defaults(), 2):
        expected = [[index.score(index.profile(a, p), index.profile(b, q)) for q in b.principles] for p in a.principles]
        assert index.score_matrix(a, b) == expected, (a.id, b.id)


def test_an_index_belongs_to_its_settings_and_keeps_its_own_profiles(catalog: Catalog) -> None:
    untagged = framework("zz-plain", ["Publish your code in the open", "Keep personal data safe"])
    extended = with_frameworks(catalog, untagged)
    principle = untagged.principles[0]
    index = MatcherIndex(extended)
    five = index.profile(untagged, principle)
    one = MatcherIndex(extended, ScoringSettings(neighbours=1)).profile(untagged, principle)
    assert five.themes != one.themes, "borrowing from one neighbour is not borrowing from five"
    assert index.profile(untagged, principle) is five, "an index makes each profile once"
    assert index.grown


def test_an_index_refuses_a_framework_of_another_catalog(catalog: Catalog) -> None:
    stranger = framework("zz-stranger", ["Publish your code in the open"])
    with pytest.raises(ValueError, match="zz-stranger is not a framework of this index's catalog"):
        MatcherIndex(catalog).profile(stranger, stranger.principles[0])
    impostor = framework("au-dss-v2", ["Publish your code in the open"])
    with pytest.raises(ValueError, match="au-dss-v2"):
        MatcherIndex(catalog).profile(impostor, impostor.principles[0])


def test_an_explanation_calls_shared_every_theme_it_lists_for_both_sides(catalog: Catalog) -> None:
    from dgcompare.matcher.explanation import explain_pair

    index = MatcherIndex(catalog)
    uk, au = catalog.framework("uk-service-standard-2019"), catalog.framework("au-dss-v2")
    assert uk is not None and au is not None
    for a, b in itertools.product(uk.principles, au.principles):
        pair = explain_pair(index, (uk, a), (au, b), MatchConfig(curated=False))
        listed = {t for t, _ in pair.themes_a} & {t for t, _ in pair.themes_b}
        assert listed <= set(pair.breakdown.shared_themes), (a.number, b.number)
    pair = explain_pair(index, (uk, uk.principles[11]), (au, au.principles[5]), MatchConfig(curated=False))
    assert "collaboration" in pair.breakdown.shared_themes  # uk:12 and au-dss-v2:6 both carry it


def test_a_title_that_joins_different_commitments_is_compound(catalog: Catalog) -> None:
    index = MatcherIndex(catalog)
    compound = {(f.id, p.number) for f in catalog.frameworks() for p in f.principles if index.profile(f, p).compound}
    assert ("au-dss-v1", 7) in compound  # Use open standards and common platforms
    assert ("eu-eif-2017", 8) in compound  # Security and privacy
    assert ("us-playbook", 3) not in compound  # Make it simple and intuitive: one commitment
    assert ("uk-defra-2018", 8) not in compound  # a long sentence of conditions
    assert ("uk-service-standard-2019", 1) not in compound


def test_a_title_is_long_by_its_content_words_not_its_articles_and_prepositions(catalog: Catalog) -> None:
    profiler = Profiler(catalog, ScoringSettings())
    # Eleven words, six of them articles and prepositions: two commitments, data protection and security.
    portuguese = Principle(number=1, title="Proteção de dados pessoais e segurança da informação desde a concepção")
    assert profiler.is_compound(portuguese, "pt")
    sentence = Principle(
        number=1,
        title="Publish performance data and use it with users, partners and suppliers to improve services and policy",
    )
    assert not profiler.is_compound(sentence, "en")


def test_a_compound_principle_is_equivalent_to_each_narrower_one_it_bundles(catalog: Catalog) -> None:
    bundled = framework(
        "zz-bundle",
        ["Security and privacy", "Make it accessible", "Protect personal data", "Keep systems secure"],
        [
            "Keep the service secure against attack and protect the personal data of its users.",
            "Make the service usable by disabled people.",
            "Collect personal data lawfully and only as needed, and respect people's privacy.",
            "Protect systems and data from cyber attack, fraud and misuse with security controls.",
        ],
    )
    eif = catalog.framework("eu-eif-2017")
    assert eif is not None
    found = align_pair(MatcherIndex(with_frameworks(catalog, bundled)), eif, bundled, INFERRED)
    equivalents = pairs(found, "equivalent")
    assert {("eu-eif-2017:8", "zz-bundle:3"), ("eu-eif-2017:8", "zz-bundle:4")} <= equivalents
    one_to_one = align_pair(
        MatcherIndex(with_frameworks(catalog, bundled)), eif, bundled, MatchConfig(curated=False, compound=False)
    )
    assert not {("eu-eif-2017:8", "zz-bundle:3"), ("eu-eif-2017:8", "zz-bundle:4")} <= pairs(one_to_one, "equivalent")
    reasons = [x.why for x in found if x.relation == "equivalent" and x.a.number == 8]
    assert eif.principle(8).title == "Security and privacy"  # type: ignore[union-attr]
    assert any(any(r.startswith("compound: eu-eif-2017:8 bundles") for r in why) for why in reasons)


def test_a_narrow_criterion_that_shares_only_a_theme_with_a_principle_is_related_not_equivalent(
    catalog: Catalog,
) -> None:
    narrow = framework(
        "zz-narrow",
        ["Pay online", "Report a fault"],
        [
            "Users can pay fees online by card or bank transfer.",
            "Users can report a problem with the service and are told when it is fixed.",
        ],
    )
    extended = with_frameworks(catalog, narrow)
    index, uk = MatcherIndex(extended), extended.framework("uk-service-standard-2019")
    assert uk is not None
    # Make sure everyone can use the service; Define what success looks like and publish performance data.
    shared_theme_only = {("zz-narrow:1", "uk-service-standard-2019:5"), ("zz-narrow:2", "uk-service-standard-2019:10")}
    without_rule = align_pair(index, narrow, uk, MatchConfig(curated=False, wording_below=0))
    assert shared_theme_only <= pairs(without_rule, "equivalent"), "the themes alone reach the equivalent threshold"
    found = align_pair(index, narrow, uk, INFERRED)
    assert shared_theme_only <= pairs(found, "related")
    for link in found:
        if (f"zz-narrow:{link.a.number}", f"uk-service-standard-2019:{link.b.number}") in shared_theme_only:
            assert INFERRED.equivalent <= link.score < INFERRED.wording_below
            (reason,) = (r for r in link.why if r.startswith("too little shared wording for an equivalent under 0.45"))
            shared = re.fullmatch(r".* \(terms ([0-9.]+), needs 0\.20; title words ([0-9.]+), needs 0\.50\)", reason)
            assert shared and float(shared[1]) < 0.2 and float(shared[2]) < 0.5, reason


def test_an_equivalent_under_the_wording_bar_that_shares_wording_stays_equivalent(catalog: Catalog) -> None:
    ca, uk = catalog.framework("ca-digital-standards"), catalog.framework("uk-service-standard-2019")
    assert ca is not None and uk is not None
    found = {(x.a.number, x.b.number): x for x in align_pair(MatcherIndex(catalog), ca, uk, INFERRED)}
    # Build in accessibility from the start ~ Make sure everyone can use the service: 'accessible' on both sides.
    link = found[(6, 5)]
    assert link.relation == "equivalent" and link.score < INFERRED.wording_below


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("uk-service-standard-2019:12", "au-dss-v2:6"),  # Make new source code open ~ Don't reinvent the wheel
        ("ca-digital-standards:3", "uk-defra-2018:7"),  # Work in the open by default ~ re-use common platforms
        ("ca-digital-standards:4", "au-dss-v2:6"),  # Use open standards and solutions ~ Don't reinvent the wheel
        ("us-playbook:13", "au-dss-v2:6"),  # Default to open ~ Don't reinvent the wheel
        ("uk-design-principles-2025:10", "uk-defra-2018:7"),  # Make things open ~ re-use common platforms
    ],
)
def test_openness_and_reuse_are_related_with_that_reason(catalog: Catalog, a: str, b: str) -> None:
    fa, fb = catalog.framework(a.split(":")[0]), catalog.framework(b.split(":")[0])
    assert fa is not None and fb is not None
    found = {
        (f"{x.a.framework}:{x.a.number}", f"{x.b.framework}:{x.b.number}"): x
        for x in align_pair(MatcherIndex(catalog), fa, fb, INFERRED)
    }
    assert (a, b) in found, "openness and reuse are linked commitments"
    # the link is named, or reuse is a theme of both ('release ... code ... so that anyone can reuse them')
    reuse = "theme: Reuse of common platforms"
    assert any(reason.startswith(("linked themes:", reuse)) for reason in found[(a, b)].why)
    # As a reader sees them by default too, curated crosswalks applied: an exhaustive crosswalk must not hide them.
    shown = {
        (f"{x.a.framework}:{x.a.number}", f"{x.b.framework}:{x.b.number}")
        for x in align(MatcherIndex(catalog), [fa, fb])
    }
    assert (a, b) in shown


def test_agile_ways_of_working_are_not_the_same_commitment_as_a_clear_intent(catalog: Catalog) -> None:
    uk, us, au = (catalog.framework(i) for i in ("uk-service-standard-2019", "us-playbook", "au-dss-v2"))
    assert uk is not None and us is not None and au is not None
    index = MatcherIndex(catalog)
    assert ("uk-service-standard-2019:7", "au-dss-v2:1") not in pairs(align_pair(index, uk, au, INFERRED), "equivalent")
    assert ("us-playbook:4", "au-dss-v2:1") not in pairs(align_pair(index, us, au, INFERRED), "equivalent")


def test_reusing_and_improving_components_is_not_improving_the_service_again_and_again(catalog: Catalog) -> None:
    ours = framework(
        "zz-facets",
        ["Reuse and improve", "Keep improving the service"],
        [
            "Reuse the tools, components and services that already exist in government and improve them for "
            "everyone, rather than building new ones.",
            "Go on improving the service after it goes live, in response to what users say and to changing needs.",
        ],
    )
    uk = catalog.framework("uk-service-standard-2019")
    assert uk is not None
    links = align_pair(MatcherIndex(with_frameworks(catalog, ours)), ours, uk, INFERRED)
    found = pairs(links, "equivalent")
    assert ("zz-facets:1", "uk-service-standard-2019:8") not in found, "'improve' is all they share"
    # Use and contribute to ... common components: the same subject, in words too far apart ('reuse' against
    # 'build on shared components') for an equivalent under the wording rule, so related.
    assert ("zz-facets:1", "uk-service-standard-2019:13") in pairs(links)
    assert ("zz-facets:2", "uk-service-standard-2019:8") in found  # Iterate and improve frequently


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("uk-dss-2015:14", "uk-service-standard-2019:5"),  # Encourage everyone to use ~ everyone can use the service
        ("au-dss-v1:13", "nz-dsds:4"),  # Encourage everyone to use ~ Be inclusive
        ("uk-dss-2015:10", "uk-service-standard-2019:2"),  # Test the end-to-end service ~ Solve a whole problem
    ],
)
def test_a_word_two_commitments_share_does_not_make_them_equivalent(catalog: Catalog, a: str, b: str) -> None:
    fa, fb = catalog.framework(a.split(":")[0]), catalog.framework(b.split(":")[0])
    assert fa is not None and fb is not None
    assert (a, b) not in pairs(align_pair(MatcherIndex(catalog), fa, fb, INFERRED), "equivalent")


def test_a_keyword_phrase_read_as_one_common_term_signals_no_theme(catalog: Catalog) -> None:
    profiler = Profiler(catalog, ScoringSettings())
    # 'use data' reads as data, 'other governments' as government: these words alone say nothing of a theme
    assert "data-driven" not in profiler.themes_in(words("Keep data secure"))
    assert "international-cooperation" not in profiler.themes_in(words("Government services"))
    assert "data-driven" in profiler.themes_in(words("Use data to drive decisions"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Be good data stewards (ask once, reuse what government holds) ~ Reduction of the administrative burden
        ("ca-digital-standards:8", "eu-tallinn-2017:3"),
        ("au-dss-v2:1", "nz-dsds:2"),  # Have a clear intent ~ Be clear about what you are trying to change and why
    ],
)
def test_the_same_commitment_in_other_words_is_aligned(catalog: Catalog, a: str, b: str) -> None:
    fa, fb = catalog.framework(a.split(":")[0]), catalog.framework(b.split(":")[0])
    assert fa is not None and fb is not None
    assert (a, b) in pairs(align_pair(MatcherIndex(catalog), fa, fb, INFERRED)), "at least related"


def test_using_data_to_decide_is_not_the_same_commitment_as_stewarding_it(catalog: Catalog) -> None:
    design, ca = catalog.framework("uk-design-principles-2025"), catalog.framework("ca-digital-standards")
    assert design is not None and ca is not None
    found = align_pair(MatcherIndex(catalog), design, ca, INFERRED)
    assert ("uk-design-principles-2025:3", "ca-digital-standards:8") not in pairs(found, "equivalent")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: MatchConfig(equivalent=0.2, related=0.3), "related threshold (0.3) is above"),
        (lambda: MatchConfig(equivalent=1.5), "thresholds run from 0 to 1"),
        (lambda: MatchConfig(wording_terms=-0.1), "the wording settings run from 0 to 1"),
        (lambda: MatchConfig(across_kinds=2), "across_kinds runs from 0 to 1"),
        (lambda: ScoringSettings(term_weight=-1), "weights must be 0 or more"),
        (lambda: ScoringSettings(term_weight=0, theme_weight=0, title_weight=0), "not all 0"),
    ],
)
def test_settings_that_make_no_sense_are_refused(make: Any, words: str) -> None:
    from dgcompare.errors import InputError

    with pytest.raises(InputError, match=re.escape(words)):
        make()


def test_reasons_give_the_shared_terms_in_the_principles_own_words(catalog: Catalog) -> None:
    ids = ["uk-service-standard-2019", "ca-digital-standards", "de-digitalcheck-2025", "it-piano-triennale-2024"]
    heldout = load_catalog([FIXTURES / "heldout"])
    checked = 0
    for source, wanted in ((catalog, ids), (heldout, ["xb-normes-numeriques", *ids[:2]])):
        frameworks = [f for f in map(source.framework, wanted) if f is not None]
        assert len(frameworks) == len(wanted)
        index = MatcherIndex(source)
        text = {
            (f.id, p.number): fold(f"{p.english_title} {p.summary or ''}") for f in frameworks for p in f.principles
        }
        for link in align(index, frameworks, INFERRED):
            (terms,) = [r.removeprefix("terms: ") for r in link.why if r.startswith("terms: ")] or [""]
            for shown in filter(None, terms.split(", ")):
                # One word both write, or each side's own word: never the matcher's stem or concept.
                words = shown.split(" / ")
                sides = [text[link.a], text[link.b]] if len(words) == 2 else [f"{text[link.a]} {text[link.b]}"]
                for word, side in zip(words, sides, strict=True):
                    assert re.search(rf"\b{re.escape(fold(word))}\b", side), (link.a, link.b, shown)
                checked += 1
    assert checked > 300


def test_a_related_link_reaches_half_the_best_score_of_one_of_its_principles(catalog: Catalog) -> None:
    index = MatcherIndex(catalog)
    uk, ca = catalog.framework("uk-service-standard-2019"), catalog.framework("ca-digital-standards")
    assert uk is not None and ca is not None
    matrix = index.score_matrix(uk, ca)
    row_best = {p.number: max(row) for p, row in zip(uk.principles, matrix, strict=True)}
    col_best = {q.number: max(col) for q, col in zip(ca.principles, zip(*matrix, strict=True), strict=True)}
    links = align_pair(index, uk, ca, INFERRED)
    scored = [x for x in links if x.relation == "related" and x.score >= INFERRED.related]
    assert scored
    for x in scored:
        assert x.score >= 0.5 * min(row_best[x.a.number], col_best[x.b.number]), x
    # Without the share, weak pairs beside strong counterparts come back ('Understand users and their needs' ~
    # 'Iterate and improve frequently', both of which have far better counterparts).
    every = align_pair(index, uk, ca, MatchConfig(curated=False, related_share=0))
    pairs = {(x.a.number, x.b.number) for x in every} - {(x.a.number, x.b.number) for x in links}
    assert (1, 2) in pairs
    assert all(
        x.score < 0.5 * min(row_best[x.a.number], col_best[x.b.number])
        for x in every
        if (x.a.number, x.b.number) in pairs
    )


def test_the_share_of_the_best_score_is_checked() -> None:
    from dgcompare.errors import InputError

    with pytest.raises(InputError, match="related_share runs from 0 to 1"):
        MatchConfig(related_share=1.5)


def test_linked_commitments_stay_related_when_far_below_both_sides_best(catalog: Catalog) -> None:
    # The share of the best score drops weak pairs, but a pair whose themes are the taxonomy's links of each other
    # is related from below the related threshold, so it must be related above it as well, whatever the share.
    index = MatcherIndex(catalog)
    every_pair_linked = MatchConfig(curated=False, linked=0, max_related=100)
    dropped = 0
    for a, b in itertools.combinations(catalog.defaults()[:6], 2):
        found = {(x.a.number, x.b.number) for x in align_pair(index, a, b, every_pair_linked)}
        shared = {
            (x.a.number, x.b.number) for x in align_pair(index, a, b, MatchConfig(curated=False, max_related=100))
        }
        matrix = index.score_matrix(a, b)
        above = {
            (p.number, q.number)
            for p, row in zip(a.principles, matrix, strict=True)
            for q, value in zip(b.principles, row, strict=True)
            if value >= every_pair_linked.related
        }
        assert above <= found, (a.id, b.id)
        dropped += len(above - shared)
    assert dropped, "the share drops some pairs above the related threshold"


def test_a_summary_is_read_in_its_frameworks_language_rather_than_a_third_one() -> None:
    from dgcompare.matcher.profiles import readings
    from dgcompare.text import detect

    italian = (
        "Se un'informazione ce l'ha già l'Agenzia o un'altra amministrazione, non la chiediamo di nuovo: la "
        "recuperiamo noi e la mostriamo già compilata, come facciamo con la dichiarazione precompilata. Alla persona "
        "resta solo da controllare, correggere se serve e confermare."
    )
    assert detect(italian) != "it", "the case this guards: a third language detected"
    principle = Principle(number=1, title="Non chiedere due volte", summary=italian)
    assert readings(principle, "it")[1] == (italian, "it")
    # English summaries, ours, stay English; a framework in English keeps every language it detects.
    english = Principle(number=1, title="Non chiedere due volte", summary="Ask people for information only once.")
    assert readings(english, "it")[1][1] == "en"
    assert readings(principle, "en")[1][1] == detect(italian)


def test_an_equivalent_between_a_programme_and_a_practice_needs_more() -> None:
    config = MatchConfig()
    assert config.equivalent_between("strategy-principles", "service-standard") == config.equivalent + 0.08
    assert config.equivalent_between("service-standard", "legislation-principles") == config.equivalent + 0.08
    for same_side in (("service-standard", "design-principles"), ("strategy-principles", "declaration")):
        assert config.equivalent_between(*same_side) == config.equivalent
    assert config.equivalent_between(None, "strategy-principles") == config.equivalent, "an undeclared kind"
    assert MatchConfig(equivalent=0.99).equivalent_between("charter", "service-standard") == 1.0


def test_across_programme_and_practice_a_pair_below_the_higher_bar_is_related() -> None:
    catalog = load_catalog()
    index = MatcherIndex(catalog)
    strategy, standard = catalog.framework("it-piano-triennale-2024"), catalog.framework("uk-service-standard-2019")
    assert strategy is not None and standard is not None
    plain = align_pair(index, strategy, standard, MatchConfig(curated=False, across_kinds=0.0))
    barred = {(x.a, x.b): x for x in align_pair(index, strategy, standard, MatchConfig(curated=False))}
    between = [x for x in plain if x.relation == "equivalent" and x.score < 0.40]
    assert between, "the catalog holds such a pair"
    assert all(barred[(x.a, x.b)].relation == "related" for x in between)
    assert all(x.score >= 0.40 for x in barred.values() if x.relation == "equivalent")


def test_a_pair_scoring_as_an_equivalent_says_why_it_is_a_second_one_or_only_related(catalog: Catalog) -> None:
    # Reported: `explain` gave "Verdict: related" at 0.61, over the 0.40 bar, and "equivalent" to a principle's second
    # candidate, with no reason for either beside a legend that says "best pairing".
    config = MatchConfig(curated=False)
    index = MatcherIndex(catalog, config.scoring)
    seen = {"split": 0, "second": 0}
    second = re.compile(r"second best: (\S+) pairs best with (\S+) \(([0-9.]+)\); .* this pair scores ([0-9.]+)")
    for a, b in itertools.combinations(catalog.defaults(), 2):
        matrix = index.score_matrix(a, b)
        position = {f"{f.id}:{p.number}": i for f in (a, b) for i, p in enumerate(f.principles)}
        links = align_pair(index, a, b, config)
        for link in links:
            ref_a, ref_b = (f"{ref.framework}:{ref.number}" for ref in (link.a, link.b))
            if any(r.startswith("split:") for r in link.why):
                # A second equivalent: another equivalent of one of the two principles stands beside it.
                assert any(
                    other is not link and other.relation == "equivalent" and (other.a == link.a or other.b == link.b)
                    for other in links
                ), (ref_a, ref_b)
            i, j = position[ref_a], position[ref_b]
            row, column = matrix[i], [r[j] for r in matrix]
            if link.relation == "equivalent" and link.score < config.wording_below:
                # Which figure passed the wording rule: a low terms value beside the rule must not read as a breach.
                assert any(r.startswith("enough shared wording for an equivalent") for r in link.why), ref_a
            if any(r.startswith(("split:", "near best:")) for r in link.why):
                seen["split"] += 1
                assert link.relation == "equivalent"
                assert link.score >= config.margin * max(max(row), max(column))
            if link.relation == "related" and link.score >= config.equivalent_between(a.kind, b.kind):
                held = [r for r in link.why if r.startswith(("second best:", "too little shared wording"))]
                assert held, (ref_a, ref_b, link.score)
                if found := second.fullmatch(held[0]):
                    seen["second"] += 1
                    own, partner, best, score = found.groups()
                    best_of = max(column) if own == ref_b else max(row)
                    # Rounded down, as reports show scores (0.4309 reads 0.43 there and 0.430 here).
                    assert (float(best), float(score)) == (floor3(best_of), floor3(link.score))
                    assert partner != (ref_a if own == ref_b else ref_b)
    assert seen["split"] and seen["second"], seen


def test_the_pairing_reasons_read_in_french() -> None:
    from dgcompare.reports.base import reason_in

    said = reason_in(
        "second best: uk-service-standard-2019:4 pairs best with x:6 (0.645); a second equivalent needs 95% of that "
        "(0.612), this pair scores 0.609",
        "fr",
    )
    assert said == (
        "second choix\u00a0: uk-service-standard-2019:4 s’apparie d’abord avec x:6 (0,645)\u00a0; "
        "une seconde équivalence exige 95 % de ce score (0,612), cette paire obtient 0,609"
    )
    split = "split: within 5% of both principles' best scores, a commitment one framework splits in two"
    assert reason_in(split, "fr").startswith("dédoublement\u00a0: à moins de 5 % des meilleurs scores")
    near = "near best: within 5% of both principles' best scores, where their best pairing is not an equivalent"
    assert reason_in(near, "fr").startswith("presque le meilleur\u00a0: à moins de 5 % des meilleurs scores")


def test_a_framework_is_read_in_the_language_of_most_of_its_principles(catalog: Catalog, tmp_path: Path) -> None:
    # The catalog's sets in other languages carry English titles and our English summaries: read in English.
    assert {MatcherIndex(catalog).read_language(f) for f in catalog.frameworks()} == {"en"}
    (tmp_path / "nl.yaml").write_text(
        "jurisdiction: {code: qn, name: Nederland test}\n"
        "frameworks:\n"
        "  - id: qn-test\n    title: Ontwerpprincipes\n    language: nl\n    publisher: Test\n    adopted: 2024\n"
        "    url: https://example.org/qn\n    principles:\n"
        "      - {number: 1, title: Begin bij de gebruiker, summary: Onderzoek wat mensen nodig hebben.}\n",
        encoding="utf-8",
    )
    mixed = load_catalog([tmp_path, FIXTURES / "heldout-languages"])
    index = MatcherIndex(mixed)
    assert index.read_language(mixed.framework("qn-test")) == "nl", "no word list reads Dutch, whatever it guesses"
    assert index.read_language(mixed.framework("xi-carta-servizi-digitali")) == "it"
    assert index.read_language(mixed.framework("xe-norma-servicios-digitales")) == "es"


def floor3(score: float) -> float:
    return math.floor(round(score * 1000, 6)) / 1000


def test_a_second_best_reason_rounds_scores_down_as_reports_show_them(catalog: Catalog) -> None:
    # Reported: a row showed 0.67 beside a reason quoting the same score as 0.680.
    from dgcompare.i18n import score_text

    held = [
        x
        for a, b in itertools.permutations(list(catalog.frameworks())[:8], 2)
        for x in align_pair(MatcherIndex(catalog), a, b, INFERRED)
        if any(r.startswith("second best:") and "scores" in r for r in x.why)
    ]
    assert held, "some pair is held back as second best"
    for link in held:
        (why,) = (r for r in link.why if r.startswith("second best:"))
        scored = re.search(r"this pair scores ([0-9.]+)", why)
        assert scored is not None and scored.group(1).startswith(score_text(link.score)), (why, link.score)
