"""Official wording and our translations: every report shows which is which, and --original shows the official."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare import load_catalog
from dgcompare.cli import app
from dgcompare.errors import CatalogError
from dgcompare.matcher.profiles import text_terms
from dgcompare.models import Principle
from dgcompare.reports.base import FrameworkSummary, PrincipleSummary, marked, official_wording, shown
from dgcompare.text import words

from ..conftest import FIXTURES

LANGUAGES = FIXTURES / "languages"
GERMAN = str(LANGUAGES / "zz.yaml")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-d", GERMAN, *args], env={"COLUMNS": "160"})
    return result.exit_code, result.stdout, result.stderr


def test_a_framework_in_another_language_keeps_its_official_wording_and_our_rendering_apart() -> None:
    catalog = load_catalog([LANGUAGES / "zz.yaml"])
    framework = catalog.framework("zz-prinzipien")
    assert framework is not None and framework.language == "de"
    assert framework.principles[0].title == "Barrierefreiheit sicherstellen"
    assert framework.principles[0].english_title == "Ensure accessibility"
    assert not framework.is_official("en")
    summary = PrincipleSummary.of(framework, framework.principles[0])
    assert shown(summary, "en") == ("Ensure accessibility", "[unofficial]")
    assert shown(summary, "fr") == ("Barrierefreiheit sicherstellen", "[de]")
    assert marked(official_wording(summary), "en") == "Barrierefreiheit sicherstellen [de]"
    untranslated = PrincipleSummary.of(framework, framework.principles[1])
    assert shown(untranslated, "en") == ("Daten nur einmal erheben", "[de]")


def test_an_official_translation_carries_no_mark_and_survives_original() -> None:
    catalog = load_catalog()
    framework = catalog.framework("ca-digital-standards")
    assert framework is not None
    summary = FrameworkSummary.of(catalog, framework)
    assert shown(summary, "fr") == ("Normes numériques du gouvernement du Canada", "")
    assert official_wording(summary) == summary


def test_files_in_the_earlier_form_still_load() -> None:
    framework = load_catalog([LANGUAGES / "yy.yaml"]).framework("yy-standard")
    assert framework is not None
    assert framework.titles == {"fr": "Ancienne norme"}
    assert framework.principles[0].titles == {"fr": "Comprendre les usagers"}
    assert framework.principles[0].summaries == {"fr": "Étudier les besoins des usagers."}


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("    adopted: null\n    undated: The page states no date.\n", "    adopted: null\n", "has no year"),
        ("    adopted: null\n", "    adopted: 2020\n", "has both 'adopted' and 'undated'"),
        ("        titles:\n          en: Ensure", "        titles:\n          de: Ensure", "the framework's language"),
        ("    titles:\n      en: Principles", "    titles:\n      de: Principles", "its own language 'de'"),
        ("    language: de\n", "    language: German\n", "'German' is not a language code"),
        ("      en: Principles", "      English: Principles", "'English' is not a language code"),
    ],
)
def test_language_slips_are_refused_with_their_place(tmp_path: Path, old: str, new: str, words: str) -> None:
    path = tmp_path / "zz.yaml"
    text = (LANGUAGES / "zz.yaml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog([path])
    message = str(caught.value.problems[0])
    assert words in message and "zz.yaml" in message


def test_every_table_marks_our_translation_and_explains_the_mark() -> None:
    matrix = ["matrix", "zz", "uk", "--principles"]  # the heatmap names no principle without it
    for command in (["show", "zz", "uk"], ["gaps", "zz", "uk"], matrix, ["show", "zz:1"]):
        code, out, err = run(*command)
        assert (code, err) == (0, ""), command
        assert "[unofficial]" in out, command
        assert "our translation of a title whose official wording is in another language" in out, command


def test_the_detail_of_a_translated_principle_also_gives_the_official_wording() -> None:
    code, out, _ = run("show", "zz:1")
    assert code == 0
    assert "Ensure accessibility [unofficial]" in out
    assert "Official wording (de): Barrierefreiheit sicherstellen" in out


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown", "json", "html"])
def test_original_shows_official_wording_in_every_format(fmt: str) -> None:
    code, out, err = run("show", "zz", "uk", "--original", "--format", fmt)
    assert (code, err) == (0, "")
    assert "Barrierefreiheit sicherstellen" in out
    assert "Ensure accessibility" not in out and "[unofficial]" not in out


def test_markdown_explains_the_mark_in_its_legend() -> None:
    _, out, _ = run("gaps", "zz", "uk", "--format", "markdown")
    table, legend = out.split("## Legend", 1)
    assert "Daten nur einmal erheben [de]" in table
    assert "in the language of that code" in legend
    assert "Principles for good digital services [unofficial] / Prinzipien für gute digitale Dienste" in legend
    assert "our translation of a title whose official wording is in another language" in legend


def test_csv_and_json_say_which_title_is_ours() -> None:
    _, out, _ = run("show", "zz", "uk", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert "Ensure accessibility [unofficial]" in {value for row in rows for value in row.values()}
    _, out, _ = run("show", "zz", "uk", "--format", "json")
    zz = json.loads(out)["frameworks"][0]
    assert zz["title"] == "Prinzipien für gute digitale Dienste" and zz["title_language"] == "de"
    assert zz["title_translations"] == {"en": {"text": "Principles for good digital services", "official": False}}


def test_a_framework_without_a_year_says_so() -> None:
    code, out, _ = run("list")
    assert code == 0
    assert "zz-prinzipien" in out and "n.d." in out
    _, out, _ = run("list", "--lang", "fr")
    assert "s.d." in out


def test_the_matcher_reads_our_english_rendering() -> None:
    framework = load_catalog([LANGUAGES / "zz.yaml"]).framework("zz-prinzipien")
    assert framework is not None
    title, _ = text_terms(framework.principles[0])
    assert title == words("Ensure accessibility")


def test_a_file_that_does_not_say_its_language_gets_the_one_it_is_written_in() -> None:
    catalog = load_catalog([FIXTURES / "heldout"])
    assert catalog.framework("xb-normes-numeriques").language == "fr"  # type: ignore[union-attr]
    assert catalog.framework("xn-service-charter").language == "en"  # type: ignore[union-attr]
    result = runner.invoke(app, ["-d", str(FIXTURES / "heldout"), "show", "xb:1", "--lang", "fr"])
    assert result.exit_code == 0
    first, summary = result.stdout.splitlines()[0], result.stdout.split("\n", 3)[3]
    assert first == "xb-normes-numeriques:1  Partir des besoins réels de la population"
    assert "tout au long du projet." in summary and "projet. [en]" not in summary


def test_a_title_without_english_is_read_in_its_frameworks_language() -> None:
    # No function word tells this title from English: the framework's language does.
    principle = Principle(number=9, title="Ethische Dienste gestalten")
    title, _ = text_terms(principle, "de")
    assert sorted(title) == sorted(words("Design ethical services"))
    english = Principle(number=9, title="Ethische Dienste gestalten", titles={"en": "Design ethical services"})
    assert text_terms(english, "de")[0] == words("Design ethical services")


@pytest.mark.parametrize("width", ["60", "200"])
def test_list_explains_its_marks_and_counts_at_every_width(width: str) -> None:
    out = runner.invoke(app, ["list"], env={"COLUMNS": width}).stdout
    assert "18 jurisdictions" in out.replace("\n", " ")
    assert "--original shows the official wording" in out.replace("\n", " ")
    assert "n.d.: no date; dk-architecture-principles, li-egovernment-principles," in out.replace("\n", " ")


def test_a_superseded_set_says_so_where_it_is_shown() -> None:
    out = runner.invoke(app, ["show", "no", "eu-eif-2017"], env={"COLUMNS": "200"}).stdout
    assert "(2009, superseded)" in out
    out = runner.invoke(app, ["show", "uk-dss-2015:1"], env={"COLUMNS": "200"}).stdout
    assert "(2015, superseded by uk-service-standard-2019)" in out


def test_numbers_the_source_does_not_give_are_said_to_be_ours() -> None:
    out = runner.invoke(app, ["show", "us-uswds-principles", "uk-design-principles-2025"], env={"COLUMNS": "200"})
    assert "The numbers of us-uswds-principles are ours, in the order of its source" in out.stdout
    out = runner.invoke(app, ["show", "uk", "au"], env={"COLUMNS": "200"})
    assert "are ours" not in out.stdout


def test_gap_records_give_the_target_titles_without_marks_with_their_language() -> None:
    from dgcompare import gaps

    catalog = load_catalog()
    records = gaps(catalog, "de", ["uk"]).to_records()  # Germany's principles are official in German
    behind = [
        (title, language, official)
        for r in records
        for title, language, official in zip(
            r["target_titles"], r["target_title_languages"], r["target_titles_official"], strict=True
        )
    ]
    assert behind, "some uk commitment is partly covered by, or close to, a German principle"
    assert all("[" not in title for title, _, _ in behind)
    # An English reader is shown our English rendering of the German titles: English, not official.
    assert all((language, official) == ("en", False) for _, language, official in behind)
