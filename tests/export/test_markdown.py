"""Markdown export, from the command line: a briefing can cite it, and catalog text never turns into markup."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app
from dgcompare.i18n import translator
from dgcompare.reports.base import status_word

from ..test_goldens import REPORTS


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def frameworks_in(data: Any) -> dict[str, dict[str, Any]]:
    """Every framework object of a report's JSON, wherever the report puts it, by id."""
    found: dict[str, dict[str, Any]] = {}
    if isinstance(data, dict):
        if {"id", "publisher", "adopted", "url", "licence"} <= data.keys():
            found[data["id"]] = data
        for value in data.values():
            found.update(frameworks_in(value))
    elif isinstance(data, list):
        for value in data:
            found.update(frameworks_in(value))
    return found


def literal(text: str) -> str:
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", re.sub(r"&(?=[A-Za-z][A-Za-z0-9]*;|#)", "&amp;", text))


def section(markdown: str, title: str) -> str:
    """The text under ``## title``, up to the next heading."""
    match = re.search(rf"^## {title}\n(.*?)(?=^#|\Z)", markdown, re.S | re.M)
    assert match, f"no '## {title}' section"
    return match.group(1).strip()


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_has_a_heading_a_legend_and_its_sources(name: str) -> None:
    args = REPORTS[name]
    markdown = run(*args, "--format", "markdown")
    data = json.loads(run(*args, "--format", "json"))
    frameworks = frameworks_in(data)
    # list cites, after the frameworks, the page each EGDI rank comes from: once per page and survey year.
    pages = {(r["year"], r["source"]) for j in data.get("jurisdictions", []) for r in j.get("egov_ranks", [])}
    assert markdown.startswith("# ") and markdown.splitlines()[1] == ""
    _ = translator("fr" if "fr" in args else "en")
    assert section(markdown, _("Legend"))
    if name == "themes":  # the taxonomy is dgcompare's own: it cites no framework
        assert not frameworks and "## " + _("Sources") not in markdown
        return
    sources = section(markdown, _("Sources")).splitlines()
    assert frameworks and len(sources) == len(frameworks) + len(pages), "each framework and rank page cited once"
    for framework_id, f in frameworks.items():
        [line] = [s for s in sources if s.startswith(f"- {framework_id}{_(': ')}")]
        year = _("n.d.") if f["adopted"] is None else f["adopted"]
        # A text no longer (or not yet) in force says so beside its year: cited bare, it would read as current.
        dated = f"({year})" if f["status"] == "current" else f"({year}, "
        assert literal(f["title"]) in line and dated in line and literal(f["url"]) in line
        if f["status"] != "current":
            assert (f["superseded_by"] or status_word(f["status"], "fr" if "fr" in args else "en")) in line
        french = "fr" in args
        assert literal(f.get("publisher_fr") if french and f.get("publisher_fr") else f["publisher"]) in line
        if f["edition"]:
            assert literal(f["edition"].rstrip(".")) in line
        if f["licence"]:
            assert _("Licence: {licence}").format(licence=literal(f["licence"].rstrip("."))) in line


def test_the_heading_names_the_report_and_its_frameworks() -> None:
    assert run("show", "uk", "au", "-f", "markdown").startswith("# Comparison: uk-service-standard-2019, au-dss-v2\n")
    assert run("diff", "au-dss-v1", "au", "-f", "markdown").startswith("# Changes: au-dss-v1 to au-dss-v2\n")


def test_the_legend_is_the_one_the_table_shows() -> None:
    markdown = run("gaps", "ca", "--against", "uk", "-f", "markdown")
    legend = section(markdown, "Legend")
    table = " ".join(run("gaps", "ca", "--against", "uk").split())
    assert legend.startswith("Covered: a target principle is equivalent") and " ".join(legend.split()) in table


MARKUP = """\
jurisdiction:
  code: xm
  name: Markup
frameworks:
  - id: xm-markup
    title: "<b>bold</b> & a | b"
    publisher: "Office <i>of</i> Tests"
    adopted: 2020
    url: https://example.org/standard?a=1&b=2
    licence: "<script>alert(1)</script>"
    principles:
      - number: 1
        title: "Understand <b>users</b> | their needs"
        summary: Research users and what they need before building anything.
"""


def test_html_and_pipes_in_catalog_text_are_escaped(tmp_path: Path) -> None:
    catalog = tmp_path / "xm.yaml"
    catalog.write_text(MARKUP, encoding="utf-8")
    markdown = run("--data-dir", str(catalog), "show", "xm", "uk", "--format", "markdown")
    assert "<b>" not in markdown and "<i>" not in markdown and "<script>" not in markdown
    assert "Understand &lt;b>users&lt;/b> \\| their needs" in markdown
    sources = section(markdown, "Sources")
    # '&' and '>' that start no entity or tag stay as written, readable when the Markdown is pasted raw.
    assert "- xm-markup: &lt;b>bold&lt;/b> & a | b (2020)" in sources
    assert "Office &lt;i>of&lt;/i> Tests" in sources and "?a=1&b=2" in sources
    assert "Licence: &lt;script>alert(1)&lt;/script>" in sources
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    columns = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
    assert len(columns) == 1, "an escaped pipe never splits a cell"


def test_ampersands_and_arrows_read_as_written_and_only_markup_is_escaped() -> None:
    # Reported: "(digital &amp; mobile first)" and "ca -&gt; uk" when the Markdown was pasted raw into a document.
    from dgcompare.export.markdown import cell, text

    assert text("digital & mobile first; ca -> uk; 5 > 3") == "digital & mobile first; ca -> uk; 5 > 3"
    assert text("&copy; &#169; &#xA9; <b>x</b> <!-- c --> <https://x.org>") == (
        "&amp;copy; &amp;#169; &amp;#xA9; &lt;b>x&lt;/b> &lt;!-- c --> &lt;https://x.org>"
    )
    assert text("> quoted") == "\\> quoted" and cell("a | b\nc") == "a \\| b<br>c"


def test_a_french_document_writes_a_decimal_comma_where_the_data_keep_the_point() -> None:
    import csv
    import io

    table = [
        re.split(r"(?<!\\) \| ", line.removeprefix("| ").removesuffix(" |"))
        for line in run("show", "uk", "au", "--lang", "fr", "--format", "markdown").splitlines()
        if line.startswith("| ")
    ]
    rows = list(csv.reader(io.StringIO(run("show", "uk", "au", "--lang", "fr", "--format", "csv"))))
    score = rows[0].index("score")
    assert table[0][score] == "score" and len(table) == len(rows) + 1  # the Markdown's '---' row
    shown = [row[score] for row in table[2:]]
    kept = [row[score] for row in rows[1:]]
    # A principle with no counterpart has an empty score.
    assert all(re.fullmatch(r"(\d,\d\d)?", s) for s in shown) and all(re.fullmatch(r"(\d\.\d\d)?", s) for s in kept)
    assert [s.replace(",", ".") for s in shown] == kept
    english = run("show", "uk", "au", "--format", "markdown")
    assert "| 0.80 |" in english and "0,80" not in english
