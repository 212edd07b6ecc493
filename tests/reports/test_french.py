"""``--lang fr`` from the command line: catalog text in French where it exists, and every word around it."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from dgcompare.catalog import load_catalog
from dgcompare.cli import app

from ..test_goldens import REPORTS

ENGLISH_UI = (
    "equivalent",
    "related",
    "covered",
    "Legend",
    "Theme",
    "Themes",
    "Framework",
    "Counterpart",
    "Principle",
    "Comparison",
    "Gaps",
    "peers",
    "none",
    "nearest",
    "Change",
    "kept",
    "reworded",
    "dropped",
    "added",
    "Weight",
    "Value",
    "Verdict: not",
    "Shared",
    "Search",
    "Title",
    "Year",
    "Columns",
    "tagged",
    "inferred",
    "curated",
    "criteria",
    "English shown",
    "not in the catalog",
)
"""Words of the English interface that a French report must not show ('Sources', 'Source', 'Note', 'Score'
and 'Licence' are French too)."""


def run(*args: str, width: int = 2000) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def catalog_english() -> list[str]:
    """Every English text of the catalog that a French report may show marked [en], longest first."""
    catalog = load_catalog([])
    texts: set[str] = set()
    for entry in catalog.files:
        texts.add(entry.jurisdiction.name)
        for f in entry.frameworks:
            texts |= {f.title, f.publisher, f.licence or "", f.edition or "", *(o.reason for o in f.omitted)}
            for p in f.principles:
                texts |= {p.title, p.summary or "", p.note or ""}
    for t in catalog.taxonomy.themes:
        texts.add(t.label)
    texts |= {m.explanation for c in catalog.crosswalks for m in c.mappings}
    return sorted((t for t in texts if t), key=len, reverse=True)


def test_gaps_csv_carries_french_titles_headers_and_levels() -> None:
    rows = list(csv.DictReader(io.StringIO(run("gaps", "ca", "--lang", "fr", "--format", "csv"))))
    assert set(rows[0]) >= {"type", "thème", "pairs", "référentiel", "titre", "couverture dans la cible"}
    # The Canadian standards are bilingual: the target's closest principles are named in French.
    closest = " ".join(r["dans ca-digital-standards"] for r in rows)
    assert "Concevoir avec les utilisateurs" in closest and "Design with users" not in closest
    assert {r["couverture dans la cible"] for r in rows if r["type"] == "lacune"} <= {
        "partiellement couvert",
        "non couvert",
    }


def test_gaps_markdown_is_french_heading_legend_and_citations() -> None:
    markdown = run("gaps", "ca", "--against", "uk", "--lang", "fr", "--format", "markdown")
    assert markdown.startswith("# Lacunes\u00a0: ca-digital-standards face à uk-service-standard-2019")
    assert "## Légende" in markdown and "partiellement couvert" in markdown and "## Legend" not in markdown
    cited = "- ca-digital-standards\u00a0: Normes numériques du gouvernement du Canada / Government of Canada"
    assert cited in markdown
    assert "https://www.canada.ca/fr/gouvernement/" in markdown


def test_show_one_principle_gives_the_french_framework_title_and_address() -> None:
    out = run("show", "ca:1", "--lang", "fr")
    assert "Normes numériques du gouvernement du Canada (2018)" in out
    assert "Source\u00a0: https://www.canada.ca/fr/gouvernement/systeme/gouvernement-numerique/" in out
    assert "Government of Canada Digital Standards" not in out
    assert "Thèmes\u00a0: Recherche sur les utilisateurs" in out


@pytest.mark.parametrize(
    "args",
    [
        ["explain", "uk:9", "ca:5", "--lang", "fr"],
        ["--lang", "fr", "diff", "au-dss-v1", "au-dss-v2"],
        ["search", "open source", "--lang", "fr"],
        ["validate", "--lang", "fr"],
    ],
)
def test_every_report_command_takes_lang(args: list[str]) -> None:
    assert run(*args)


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
@pytest.mark.parametrize("name", sorted(n for n in REPORTS if not n.endswith("-fr")))
def test_no_english_interface_word_in_french(name: str, fmt: str) -> None:
    out = run(*REPORTS[name], "--lang", "fr", "--format", fmt)
    # Catalog text without a French version may show, marked [en]; and URLs are addresses, not words.
    for text in catalog_english():
        out = out.replace(text, "")
    out = re.sub(r"https?://\S+", "", out)
    # The reasons of a link (the why column, explain's curated lines) are the matcher's and the crosswalks' words.
    out = re.sub(r"curated \([^)]*\)[^|\n\"]*", "", out)
    found = [w for w in ENGLISH_UI if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", out)]
    assert not found, f"{name} ({fmt}) --lang fr still says {found}"


def test_counts_of_changes_and_of_items_left_out_agree_in_french() -> None:
    from dgcompare.reports.diff import change_count

    assert change_count("reworded", 7, "fr") == "7 reformulés"
    assert change_count("reworded", 1, "fr") == "1 reformulé"
    assert change_count("reworded", 7, "en") == "7 reworded"


def test_every_reason_the_matcher_gives_reads_in_french() -> None:
    from itertools import combinations

    from dgcompare import load_catalog
    from dgcompare.matcher import MatchConfig, MatcherIndex, align
    from dgcompare.reports.base import reason_in

    catalog = load_catalog()
    labels = {t.label: t.label_fr for t in catalog.taxonomy.themes}
    explanations = {m.explanation for c in catalog.crosswalks for m in c.mappings}
    index = MatcherIndex(catalog)
    kinds = set()
    for config in (MatchConfig(), MatchConfig(curated=False)):
        for a, b in combinations(catalog.defaults()[:12], 2):
            for link in align(index, [a, b], config):
                for reason in link.why:
                    if reason in explanations:
                        continue
                    french = reason_in(reason, "fr")
                    assert french != reason, reason
                    kinds.add(reason.split(":")[0].split(" (")[0])
                    assert not any(label in french for label in labels if label not in labels.values()), french
    wording = "too little shared wording for an equivalent under 0.45"
    assert {"theme", "terms", "linked themes", "compound", "curated", wording} <= kinds


def test_each_count_of_the_gap_totals_agrees_with_its_own_number() -> None:
    # Reported: '16 engagements ... (1 non couverts, 15 partiellement)'.
    data = json.loads(run("gaps", "ca", "--against", "uk,au", "--format", "json"))
    uncovered = sum(c["coverage"] == "not covered" for g in data["gaps"] for c in g["commitments"])
    text = run("--lang", "fr", "gaps", "ca", "--against", "uk,au")
    noun = "non couvert" if uncovered < 2 else "non couverts"
    assert f"({uncovered} {noun}, " in text
    english = run("gaps", "ca", "--against", "uk,au")
    assert f"({uncovered} not covered, " in english and f"under {len(data['gaps'])} themes." in english


def test_a_publisher_with_a_french_name_of_its_own_is_cited_by_it_in_french() -> None:
    # Reported: a French brief on Canada's own standards named the Treasury Board Secretariat only in English.
    french = run("--lang", "fr", "show", "ca", "uk", "--format", "markdown")
    line = next(x for x in french.splitlines() if x.startswith("- ca-digital-standards"))
    assert "Secrétariat du Conseil du Trésor du Canada (SCT), gouvernement du Canada" in line
    assert "Treasury Board" not in line
    english = run("show", "ca", "uk", "--format", "markdown")
    assert "Treasury Board of Canada Secretariat (TBS)" in english and "Secrétariat du Conseil" not in english
    # A publisher with no French name of its own stays as the catalog names it.
    assert "Government Digital Service (GDS), Cabinet Office" in french
