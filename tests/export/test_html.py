"""HTML documents: every report's page is accessible, loads nothing, escapes catalog text and cites its sources."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare import __version__
from dgcompare.cli import app
from dgcompare.export import OutputFormat, export
from dgcompare.i18n import translator

from .accessibility import Document
from .test_markdown import MARKUP, frameworks_in

PAGES = {
    "list": ["list"],
    "show": ["show", "uk", "au"],
    "show-three": ["show", "uk", "au", "ca"],
    "show-theme": ["show", "uk", "au", "ca", "--theme", "security"],
    "detail": ["show", "ca:1"],
    "coverage": ["coverage", "uk", "au", "ca"],
    "gaps": ["gaps", "ca", "--against", "uk", "--against", "au", "--against", "us"],
    "gaps-other-kinds": ["gaps", "uk", "--against", "eu-tallinn-2017"],
    "matrix": ["matrix", "uk", "au", "ca", "us"],
    "matrix-all": ["matrix"],
    "diff": ["diff", "au-dss-v1", "au-dss-v2"],
    "search": ["search", "open source", "-n", "5"],
    "explain": ["explain", "uk:9", "ca:5"],
    "brief": ["brief", "uk", "au", "ca"],
    "brief-other-kinds": ["brief", "de", "--against", "uk", "--theme", "security"],
}
"""Every report command, in the shapes that draw differently (a theme, a caution, every framework)."""
EPOCH = "1767225600"
"""2026-01-01, as SOURCE_DATE_EPOCH: a fixed date for the footer."""


def run(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "SOURCE_DATE_EPOCH": EPOCH, **(env or {})})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def page(name: str, lang: str) -> str:
    return run(*PAGES[name], "--format", "html", "--lang", lang)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_report_page_passes_the_offline_accessibility_check(name: str, lang: str) -> None:
    html = page(name, lang)
    assert html.startswith("<!doctype html>\n<html lang=")
    document = Document(html)
    assert document.problems == []
    assert document.lang == lang
    assert document.title == document.headings[0][1], "the title says what the h1 says"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_framework_is_cited_with_a_link_to_its_official_source(name: str) -> None:
    for lang in ("en", "fr"):
        document = Document(page(name, lang))
        data = json.loads(run(*PAGES[name], "--format", "json", "--lang", lang))
        hrefs = {href for href, _ in document.links}
        for framework in frameworks_in(data).values():
            wanted = [framework["url"]] + ([framework["url_fr"]] if lang == "fr" and framework.get("url_fr") else [])
            assert set(wanted) <= hrefs, (framework["id"], wanted)
        heading = translator(lang)("Sources")
        # A briefing cites its sources within its section on sources and method.
        assert (2, heading) in document.headings or (name.startswith("brief") and (3, heading) in document.headings)


def test_a_french_page_is_french_throughout() -> None:
    document = Document(page("show-three", "fr"))
    assert document.lang == "fr"
    assert [text for level, text in document.headings if level == 2] == [
        "Référentiels",
        "Principes alignés",
        "Liens entre les autres référentiels",
        "Légende",
        "Sources",
    ]
    assert "équivalent 0,80" in document.text and "Réalisé avec dgcompare" in document.text


def test_principles_link_to_their_own_pages() -> None:
    data = json.loads(run("show", "uk", "au", "--format", "json"))
    links = dict(Document(page("show", "en")).links)
    first = data["rows"][0]["anchor"]
    assert links[first["url"]] == first["title"]


def test_the_footer_names_the_version_and_the_date() -> None:
    document = Document(page("coverage", "en"))
    assert f"Made with dgcompare {__version__} on 2026-01-01." in document.text


def test_a_bad_source_date_epoch_is_an_input_error() -> None:
    result = CliRunner().invoke(app, ["list", "--format", "html"], env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert "SOURCE_DATE_EPOCH" in result.stderr


def test_catalog_text_is_escaped_never_markup(tmp_path: Path) -> None:
    catalog = tmp_path / "xm.yaml"
    catalog.write_text(MARKUP, encoding="utf-8")
    for args in (["show", "xm", "uk"], ["list"], ["matrix", "xm", "uk"], ["gaps", "xm", "uk"]):
        html = run("--data-dir", str(catalog), *args, "--format", "html")
        assert "<b>" not in html and "<i>" not in html and "<script>" not in html, args
        assert Document(html).problems == [], args
    html = run("--data-dir", str(catalog), "show", "xm", "uk", "--format", "html")
    assert "Understand &lt;b&gt;users&lt;/b&gt; | their needs" in html
    assert 'href="https://example.org/standard?a=1&amp;b=2"' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_column_that_names_its_rows_is_their_header() -> None:
    html = page("list", "en")
    data = json.loads(run("list", "--format", "json"))
    ids = [f["id"] for j in data["jurisdictions"] for f in j["frameworks"]]
    assert re.findall(r'<th scope="row">([^<]+)</th>', html) == ids


def test_the_heatmap_cells_name_their_level_in_words() -> None:
    html = page("matrix", "en")
    data = json.loads(run(*PAGES["matrix"], "--format", "json"))
    cells = re.findall(r'<td class="level level-(\w+)">(.*?)</td>', html)
    assert [level for level, _ in cells] == [c["level"] for r in data["rows"] for c in r["cells"]]
    for level, content in cells:
        words = re.sub(r"<[^>]+>", " ", content).split()
        assert words[0] == ("·" if level == "none" else level) and (level != "none" or words[1] == "none")


def test_the_gaps_page_groups_commitments_by_theme() -> None:
    html = page("gaps", "en")
    data = json.loads(run(*PAGES["gaps"], "--format", "json"))
    themes = re.findall(r'<th scope="rowgroup" rowspan="(\d+)">([^<]+)', html)
    assert [(int(n), label) for n, label in themes] == [(len(g["commitments"]), g["label"]) for g in data["gaps"]]


def test_a_caution_is_the_first_thing_said() -> None:
    document = Document(page("gaps-other-kinds", "en"))
    assert (
        document.text.split("Caution: ", 1)[0]
        .strip()
        .endswith("Gaps: uk-service-standard-2019 against eu-tallinn-2017")
    )


def test_the_library_writes_html_without_the_command_line() -> None:
    from dgcompare import load_catalog
    from dgcompare.matcher import MatcherIndex
    from dgcompare.models import resolve_token
    from dgcompare.reports.coverage import coverage

    catalog = load_catalog()
    result = coverage(MatcherIndex(catalog), [resolve_token(catalog, "uk"), resolve_token(catalog, "au")])
    html = export(result, OutputFormat.HTML, generated=datetime.date(2030, 5, 6))
    assert "on 2030-05-06." in html and Document(html).problems == []


def test_the_templates_ship_inside_the_package() -> None:
    from importlib.resources import files

    templates = files("dgcompare") / "templates"
    names = {entry.name for entry in templates.iterdir()}
    assert {"base.html.j2", "macros.html.j2", "report.html.j2", "style.css.j2", "heatmap.svg.j2"} <= names
