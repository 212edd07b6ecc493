"""What every result shares (reports/base.py): flat typed records, a data frame, provenance, short reprs, displays."""

from __future__ import annotations

import html
import io
import json
import pydoc
import re
import sys
from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin

import pytest
from rich.console import Console
from typer.testing import CliRunner

from dgcompare import __version__, load_catalog
from dgcompare.catalog import validate_paths
from dgcompare.cli import app
from dgcompare.errors import DgcompareError
from dgcompare.matcher import MatchConfig, MatcherIndex
from dgcompare.models import Catalog, resolve_principle, resolve_token
from dgcompare.reports.base import FrameworkSummary, Report
from dgcompare.reports.comparison import compare
from dgcompare.reports.coverage import coverage
from dgcompare.reports.detail import principle_detail
from dgcompare.reports.diff import diff
from dgcompare.reports.explanation import explain
from dgcompare.reports.gaps import gaps
from dgcompare.reports.listing import listing
from dgcompare.reports.matrix import coverage_matrix
from dgcompare.reports.search import search

from ..conftest import VALID

CATALOG = load_catalog()
INDEX = MatcherIndex(CATALOG)


def framework(token: str) -> Any:
    return resolve_token(CATALOG, token)


BUILDERS: dict[str, Callable[[], Report]] = {
    "show": lambda: compare(INDEX, [framework("uk"), framework("au")]),
    "detail": lambda: principle_detail(INDEX, *resolve_principle(CATALOG, "ca:1")),
    "gaps": lambda: gaps(INDEX, framework("ca"), [framework("uk"), framework("au"), framework("us")]),
    "coverage": lambda: coverage(INDEX, [framework("uk"), framework("au"), framework("ca")]),
    "matrix": lambda: coverage_matrix(INDEX, [framework("uk"), framework("au")]),
    "diff": lambda: diff(INDEX, framework("au-dss-v1"), framework("au-dss-v2")),
    "search": lambda: search(CATALOG, "open source", limit=5),
    "explain": lambda: explain(INDEX, resolve_principle(CATALOG, "uk:9"), resolve_principle(CATALOG, "ca:5")),
    "list": lambda: listing(CATALOG),
    "validate": lambda: validate_paths([VALID]),
}
CLI = {
    "show": ["show", "uk", "au"],
    "detail": ["show", "ca:1"],
    "gaps": ["gaps", "ca", "uk", "au", "us"],
    "coverage": ["coverage", "uk", "au", "ca"],
    "matrix": ["matrix", "uk", "au"],
    "diff": ["diff", "au-dss-v1", "au-dss-v2"],
    "search": ["search", "open source", "-n", "5"],
    "explain": ["explain", "uk:9", "ca:5"],
    "list": ["list"],
    "validate": ["validate", str(VALID)],
}
PLAIN = (str, int, float, bool, type(None))


def expected_count(name: str, result: Any) -> int:
    """How many records a result holds: one per link, gap row, cell, pair, change, hit, framework or problem."""
    match name:
        case "show":
            return len(result.alignments)
        case "detail":
            return sum(len(c.alignments) for c in result.counterparts)
        case "gaps":
            return sum(len(g.commitments) for g in result.gaps) + len(result.distinctive)
        case "coverage":
            return len(result.pairs)
        case "matrix":
            return len(result.rows) * len(result.frameworks)
        case "diff":
            return len(result.changes)
        case "search":
            return len(result.hits)
        case "explain":
            return 1
        case "list":
            return sum(len(j.frameworks) for j in result.jurisdictions)
        case _:
            return len(result.problems)


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def built(request: pytest.FixtureRequest) -> tuple[str, Report]:
    return request.param, BUILDERS[request.param]()


def test_records_are_flat_plain_and_one_per_row(built: tuple[str, Report]) -> None:
    name, result = built
    records = result.to_records()
    assert len(records) == expected_count(name, result) and (records or name == "validate")
    fields = list(result.record_type.model_fields)
    for record in records:
        assert list(record) == fields
        for value in record.values():
            assert isinstance(value, PLAIN) or (isinstance(value, list) and all(isinstance(v, PLAIN) for v in value))


def test_record_fields_say_what_they_hold_and_closed_sets_are_literals(built: tuple[str, Report]) -> None:
    _, result = built
    record_type = result.record_type
    help_text = pydoc.render_doc(record_type, renderer=pydoc.plaintext)
    for name, field in record_type.model_fields.items():
        assert field.description, f"{record_type.__name__}.{name} has no description"
        assert f"{name} (" in help_text and field.description in " ".join(help_text.split()), name
        if name in ("relation", "source", "kind", "level", "coverage", "links", "status"):
            closed = [a for a in (field.annotation, *get_args(field.annotation)) if get_origin(a) is Literal]
            assert closed, f"{record_type.__name__}.{name} is not a Literal"


def test_link_records_split_each_side_and_say_which_crosswalk_a_curated_link_comes_from() -> None:
    records = BUILDERS["show"]().to_records()
    curated = [r for r in records if r["source"] == "curated"]
    assert curated and all(
        r["crosswalk"] == "<built-in>/crosswalks/uk-service-standard-2019--au-dss-v2.yaml"
        and r["strength"] == round(r["score"] * 10)
        for r in curated
    )
    first = next(r for r in curated if (r["a_number"], r["b_number"]) == (1, 2))
    assert (first["a_framework"], first["a_title"], first["b_framework"], first["b_title"]) == (
        "uk-service-standard-2019",
        "Understand users and their needs",
        "au-dss-v2",
        "Know your user",
    )
    assert first["relation"] == "equivalent" and isinstance(first["score"], float) and isinstance(first["why"], list)
    inferred = compare(INDEX, [framework("uk"), framework("au")], MatchConfig(curated=False)).to_records()
    assert inferred and all(r["strength"] is None and r["crosswalk"] is None for r in inferred)


def test_gap_records_carry_the_target_principles_behind_a_partial_cover() -> None:
    records = BUILDERS["gaps"]().to_records()
    partly = [r for r in records if r["coverage"] == "partly covered"]
    assert partly and all(r["target_numbers"] and r["target"] == "ca-digital-standards" for r in partly)
    for r in partly:
        lengths = {len(r[k]) for k in ("target_numbers", "target_titles", "target_scores", "target_sources")}
        assert lengths == {len(r["target_numbers"])}, "the lists run in step"
    curated = [(s, c) for r in partly for s, c in zip(r["target_sources"], r["target_crosswalks"], strict=True)]
    assert all((c is not None) == (s == "curated") for s, c in curated) and any(s == "curated" for s, _ in curated)
    assert [r["kind"] for r in records] == ["gap"] * len(records), "ca has no principle no peer is linked to"
    alone = gaps(INDEX, framework("uk"), [framework("de")]).to_records()
    distinctive = [r for r in alone if r["kind"] == "distinctive"]
    assert distinctive and all(
        r["framework"] == "uk-service-standard-2019" and r["coverage"] is None for r in distinctive
    )


def test_explanation_record_lists_shared_themes_and_terms() -> None:
    (record,) = BUILDERS["explain"]().to_records()
    assert (record["a_framework"], record["a_number"], record["b_framework"], record["b_number"]) == (
        "uk-service-standard-2019",
        9,
        "ca-digital-standards",
        5,
    )
    assert isinstance(record["shared_themes"], list) and isinstance(record["shared_terms"], list)
    assert record["shared_terms"], "the pair shares words"


def test_to_frame_has_a_column_per_field_and_the_provenance() -> None:
    pandas = pytest.importorskip("pandas")
    result = BUILDERS["show"]()
    frame = result.to_frame()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(result.record_type.model_fields) and len(frame) == len(result.alignments)
    assert frame["score"].dtype == float
    assert frame.attrs["provenance"]["catalog_fingerprint"] == CATALOG.fingerprint
    empty = search(CATALOG, "zzzzqqqq").to_frame()
    assert len(empty) == 0 and list(empty.columns) == list(empty_fields()), "an empty result keeps its columns"


def empty_fields() -> list[str]:
    from dgcompare.reports.search import HitRecord

    return list(HitRecord.model_fields)


def test_to_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an environment without pandas gives import
    result = BUILDERS["show"]()
    with pytest.raises(DgcompareError) as missing:
        result.to_frame()
    assert "dgcompare[pandas]" in str(missing.value) and "to_records()" in str(missing.value)
    assert result.to_records(), "records need no pandas"


def test_the_result_records_what_it_was_made_from(built: tuple[str, Report]) -> None:
    name, result = built
    if name == "validate":
        assert result.provenance is None, "a validation is of files, not of a catalog"
        return
    assert result.provenance is not None
    assert result.provenance.dgcompare_version == __version__
    assert result.provenance.catalog_fingerprint == CATALOG.fingerprint
    if name in ("list", "search"):
        assert result.provenance.config is None
    else:
        assert result.provenance.config == MatchConfig()


def test_provenance_records_the_settings_given() -> None:
    config = MatchConfig(curated=False, equivalent=0.4, related=0.25)
    result = compare(INDEX, [framework("uk"), framework("ca")], config)
    assert result.provenance is not None and result.provenance.config == config


def test_repr_is_one_short_line(built: tuple[str, Report]) -> None:
    _, result = built
    text = repr(result)
    assert text.startswith(f"<{type(result).__name__} ") and text.endswith(">")
    assert "\n" not in text and len(text) < 160
    assert str(result) == text


def test_repr_of_a_comparison_counts_rows_and_links() -> None:
    result = BUILDERS["show"]()
    assert repr(result) == (
        f"<Comparison uk-service-standard-2019 vs au-dss-v2: {len(result.rows)} rows, {len(result.alignments)} links>"
    )


def render(renderable: Any, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False, highlight=False)
    console.print(renderable)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def test_rich_draws_the_view_the_command_line_prints(built: tuple[str, Report]) -> None:
    name, result = built
    printed = CliRunner().invoke(app, CLI[name], env={"COLUMNS": "100"})
    assert render(result) == printed.stdout


def test_a_notebook_shows_the_view_as_html(built: tuple[str, Report]) -> None:
    _, result = built
    page = result._repr_html_()
    assert page.startswith("<pre") and page.rstrip().endswith("</pre>")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert text.split() == render(result, 120).split(), "the words of the table, at the notebook's width"
    assert "color:" in page, "in colour"


def test_a_catalog_built_in_python_shows_its_origin() -> None:
    catalog = Catalog(CATALOG.files, CATALOG.taxonomy, CATALOG.sources, CATALOG.crosswalks)
    assert set(catalog.crosswalk_sources) == {"<python>"} and len(catalog.crosswalk_sources) == len(catalog.crosswalks)


def test_every_closed_set_in_a_result_says_what_its_values_mean() -> None:
    import dgcompare.reports.base as base
    import dgcompare.reports.validation  # noqa: F401  (every report module, so that every result is listed)

    def subclasses(cls: type) -> set[type]:
        return {cls, *(s for sub in cls.__subclasses__() for s in subclasses(sub))}

    for model in subclasses(base.Result) | subclasses(base.Record):
        for name, field in model.model_fields.items():  # type: ignore[attr-defined]
            closed = [a for a in (field.annotation, *get_args(field.annotation)) if get_origin(a) is Literal]
            if closed:
                assert field.description, f"{model.__name__}.{name} is a closed set with no description"


def test_link_records_give_clean_titles_with_their_language_and_whether_they_are_official() -> None:
    from dgcompare.reports.base import official_wording

    result = compare(INDEX, [framework("de-digitalcheck-2025"), framework("uk")])
    records = result.to_records()
    assert records and all("[" not in r["a_title"] and "[" not in r["b_title"] for r in records)
    # Our English rendering of the German set is marked as ours, not official; the UK title is official English.
    assert {(r["a_title_language"], r["a_title_official"]) for r in records} == {("en", False)}
    assert {(r["b_title_language"], r["b_title_official"]) for r in records} == {("en", True)}
    original = official_wording(result).to_records()
    assert {(r["a_title_language"], r["a_title_official"]) for r in original} == {("de", True)}
    assert [r["a_title"] for r in original] != [r["a_title"] for r in records]


def test_a_citation_gives_a_texts_status_beside_its_year() -> None:
    # Reported: a user's draft was cited '(2026)', as the adopted standards beside it were.
    base = {"id": "vl-x", "jurisdiction": "vl", "title": "Principios", "principles": 3, "adopted": 2026}
    assert "(2026)." in FrameworkSummary(**base).citation()
    assert "(2026, draft)." in FrameworkSummary(**base, status="draft").citation()
    assert "(2026, projet)." in FrameworkSummary(**base, status="draft").citation("fr")
    superseded = FrameworkSummary(**base, status="superseded", superseded_by="vl-y")
    assert "(2026, superseded by vl-y)." in superseded.citation()


def test_a_citation_says_when_a_file_states_no_licence() -> None:
    # Reported: a user's file without a licence was cited with none, as if left off; built-in ones say 'Not stated'.
    base = {"id": "yy-x", "jurisdiction": "yy", "title": "Principles", "principles": 1, "adopted": 2021}
    assert FrameworkSummary(**base).citation().endswith("Licence: not stated in its catalog file.")
    assert FrameworkSummary(**base, licence="CC BY 4.0").citation().endswith("Licence: CC BY 4.0.")


def test_the_theme_list_gives_each_link_under_both_of_its_themes() -> None:
    # Reported: open-source listed common-platforms as linked, but the common-platforms row listed nothing.
    data = json.loads(CliRunner().invoke(app, ["themes", "--format", "json"]).stdout)
    related = {t["id"]: set(t["related"]) for t in data["themes"]}
    assert {"open-source", "open-standards"} <= related["common-platforms"]
    assert all(a in related[b] for a, links in related.items() for b in links)
