"""Invariants of the catalog that ships with dgcompare: what an analyst relies on without checking."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dgcompare import load_catalog
from dgcompare.cli import app
from dgcompare.models import Catalog

STABLE_IDS = {
    "uk-defra-2018",
    "uk-design-principles-2012",
    "uk-design-principles-2025",
    "uk-dss-2015",
    "uk-service-standard-2019",
    "uk-tcop-2019",
    "uk-tcop",
    "au-dss-v1",
    "au-dss-v2",
    "ca-digital-standards",
    "us-playbook",
    "nz-dsds",
    "dk-digital-ready-legislation",
    "eu-tallinn-2017",
    "eu-berlin-2020",
    "eu-eif-2017",
    "oecd-dgs-2014",
    "intl-digital-nations",
}
DEFAULTS = {
    "uk": "uk-service-standard-2019",
    "au": "au-dss-v2",
    "ca": "ca-digital-standards",
    "us": "us-playbook",
    "eu": "eu-tallinn-2017",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_every_documented_id_exists(catalog: Catalog) -> None:
    ids = {f.id for f in catalog.frameworks()}
    assert ids >= STABLE_IDS


def test_ids_unique_and_well_formed(catalog: Catalog) -> None:
    ids = [f.id for f in catalog.frameworks()]
    assert len(ids) == len(set(ids))
    for entry in catalog.files:
        for framework in entry.frameworks:
            assert framework.id.startswith(entry.jurisdiction.code + "-"), framework.id


@pytest.mark.parametrize(("code", "framework_id"), sorted(DEFAULTS.items()))
def test_defaults_are_the_flagship_standards(catalog: Catalog, code: str, framework_id: str) -> None:
    entry = catalog.jurisdiction(code)
    assert entry is not None
    assert entry.default_framework.id == framework_id
    assert sum(f.default for f in entry.frameworks) == 1


def test_every_framework_is_cited(catalog: Catalog) -> None:
    for f in catalog.frameworks():
        assert f.url.startswith("https://"), f.id
        assert f.publisher and f.licence and f.edition, f.id
        if f.adopted is None:  # a text that states no year says why instead
            assert f.undated, f.id
        else:
            assert 1990 <= f.adopted <= 2026, f.id


def test_numbering_is_contiguous_counting_omissions(catalog: Catalog) -> None:
    for f in catalog.frameworks():
        numbers = sorted([p.number for p in f.principles] + [o.number for o in f.omitted])
        assert numbers == list(range(1, len(numbers) + 1)), f.id


def test_every_principle_has_a_summary_and_known_themes(catalog: Catalog) -> None:
    for f in catalog.frameworks():
        for p in f.principles:
            assert p.summary and len(p.summary.split()) >= 8, f"{f.id}:{p.number}"
            assert 1 <= len(p.themes) <= 4, f"{f.id}:{p.number}"
            assert set(p.themes) <= set(catalog.themes), f"{f.id}:{p.number}"


def test_superseded_editions_point_to_their_successor(catalog: Catalog) -> None:
    for f in catalog.frameworks():
        if f.superseded_by:
            assert f.status == "superseded"
            assert catalog.framework(f.superseded_by) is not None


def test_canada_is_bilingual(catalog: Catalog) -> None:
    framework = catalog.framework("ca-digital-standards")
    assert framework is not None and framework.titles["fr"] and framework.is_official("fr")
    for p in framework.principles:
        assert p.titles["fr"] and p.summaries["fr"], p.number
    assert framework.principle(1).titles["fr"] == "Concevoir avec les utilisateurs"  # type: ignore[union-attr]


def test_jurisdictions_are_named_in_english_and_french(catalog: Catalog) -> None:
    for entry in catalog.files:
        assert entry.jurisdiction.name and entry.jurisdiction.name_fr, entry.jurisdiction.code


def test_taxonomy_size_and_languages(catalog: Catalog) -> None:
    themes = catalog.taxonomy.themes
    assert 25 <= len(themes) <= 45
    for theme in themes:
        assert theme.label_fr and theme.description_fr and theme.keywords_fr and theme.keywords


def test_seed_sets_have_their_published_sizes(catalog: Catalog) -> None:
    sizes = {
        fid: len(catalog.framework(fid).principles)
        for fid in (
            "uk-defra-2018",
            "au-dss-v1",  # type: ignore[union-attr]
            "ca-digital-standards",
            "au-dss-v2",
            "uk-service-standard-2019",
        )
    }
    assert sizes == {
        "uk-defra-2018": 9,
        "au-dss-v1": 13,
        "ca-digital-standards": 10,
        "au-dss-v2": 10,
        "uk-service-standard-2019": 14,
    }


def test_iso_alias_for_the_united_kingdom(catalog: Catalog) -> None:
    assert catalog.jurisdiction("gb") is catalog.jurisdiction("uk")


def test_egov_ranks_are_sourced(catalog: Catalog) -> None:
    ranked = [e for e in catalog.files if e.jurisdiction.egov_ranks]
    assert ranked
    for entry in ranked:
        years = [r.year for r in entry.jurisdiction.egov_ranks]
        assert len(years) == len(set(years)) and min(years) >= 2018


REFERENCE = yaml.safe_load((Path(__file__).parent / "fixtures" / "reference-titles.yaml").read_text(encoding="utf-8"))


def test_every_builtin_framework_has_its_verified_titles() -> None:
    catalog = load_catalog()
    assert sorted(f.id for f in catalog.frameworks()) == sorted(REFERENCE), (
        "a framework joins the catalog with its reference titles: see scripts/reference_titles.py"
    )


@pytest.mark.parametrize("framework_id", sorted(REFERENCE))
def test_titles_numbers_and_year_equal_the_reference(framework_id: str) -> None:
    framework = load_catalog().framework(framework_id)
    assert framework is not None
    reference = REFERENCE[framework_id]
    omitted = {o.number for o in framework.omitted}
    titles = {p.number: p.title for p in framework.principles}
    assert {n: t for n, t in reference["titles"].items() if n not in omitted} == titles
    assert omitted <= set(reference["titles"]), "an item left out is an item of the published framework"
    if reference["year"] is not None:
        assert framework.adopted == reference["year"]
    assert (framework.numbering == "official") == reference["numbered"], "numbers the source does not give are ours"


def non_english() -> list[str]:
    return [f.id for f in load_catalog().frameworks() if f.language != "en"]


def test_the_catalog_holds_sets_in_their_own_languages() -> None:
    languages = {f.language for f in load_catalog().frameworks()}
    assert languages >= {"en", "de", "it", "es", "pt", "nl", "nb", "da"}


@pytest.mark.parametrize("framework_id", non_english())
def test_a_set_in_another_language_shows_its_official_wording_on_request(framework_id: str) -> None:
    framework = load_catalog().framework(framework_id)
    assert framework is not None
    peer = "uk" if framework.kind != "technology-principles" else "eu-eif-2017"
    first = framework.principles[0]
    runner = CliRunner()
    shown = runner.invoke(app, ["show", framework_id, peer, "--format", "csv"], env={"COLUMNS": "120"})
    original = runner.invoke(app, ["show", framework_id, peer, "--original", "--format", "csv"])
    assert shown.exit_code == original.exit_code == 0
    assert first.title in original.stdout
    if "en" in first.titles:
        assert f"{first.titles['en']} [unofficial]" in shown.stdout
        assert first.titles["en"] not in original.stdout
    for command in (["gaps", framework_id], ["matrix", framework_id, peer], ["show", f"{framework_id}:1"]):
        result = runner.invoke(app, [*command, "--original"], env={"COLUMNS": "120"})
        assert result.exit_code == 0, command
        assert "[unofficial]" not in result.stdout, command
