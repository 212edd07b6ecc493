"""``dgcompare diff OLD NEW``: a warning when the two are probably not the editions meant."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare import load_catalog, resolve_token
from dgcompare.cli import app
from dgcompare.reports.diff import edition_mismatch

from ..conftest import FIXTURES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "warning"),
    [
        (
            ["diff", "uk", "uk-dss-2015"],
            "Warning: uk-dss-2015 (2015), given second as the new edition, is older than uk-service-standard-2019 "
            "(2019); diff takes the old edition first (did you mean dgcompare diff uk-dss-2015 uk?)",
        ),
        (
            ["diff", "uk", "au"],
            "Warning: uk-service-standard-2019 (United Kingdom) and au-dss-v2 (Australia) are frameworks of two "
            "jurisdictions, not two editions of one (to align them: dgcompare show uk au)",
        ),
        (
            ["diff", "new zealand", "ca"],
            "(to align them: dgcompare show 'new zealand' ca)",
        ),
    ],
)
def test_a_diff_that_is_probably_not_what_was_meant_warns_on_stderr_and_still_runs(
    args: list[str], warning: str
) -> None:
    code, out, err = run(*args)
    assert code == 0
    assert warning in err and err.count("\n") == 1
    assert out.splitlines()[0].startswith("Change")


@pytest.mark.parametrize("args", [["diff", "uk-dss-2015", "uk"], ["diff", "au-dss-v1", "au"]])
def test_editions_in_order_give_no_warning(args: list[str]) -> None:
    code, _, err = run(*args)
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("uk-dss-2015", "uk", None),
        ("uk", "uk-dss-2015", "reversed"),
        ("uk-design-principles-2025", "uk-design-principles-2012", "reversed"),
        ("uk-tcop", "uk-dss-2015", "reversed"),  # no superseded_by link: the years decide
        ("uk-dss-2015", "uk-tcop", None),
        ("us-playbook", "us-uswds-principles", None),  # an undated text has no place by year either way
        ("us-uswds-principles", "us-playbook", None),
        ("au", "ca", "other-jurisdiction"),
    ],
)
def test_edition_mismatch_follows_superseded_by_then_the_year(old: str, new: str, expected: str | None) -> None:
    catalog = load_catalog()
    assert edition_mismatch(catalog, resolve_token(catalog, old), resolve_token(catalog, new)) == expected


def test_an_undated_framework_is_shown_without_a_date_and_not_called_older() -> None:
    code, out, err = run("diff", "us-playbook", "us-uswds-principles")
    assert (code, err) == (0, "")
    assert "us-playbook (2014)" in out and "us-uswds-principles (n.d.)" in out and "None" not in out


def test_one_framework_given_as_both_editions_is_refused() -> None:
    # Reported: 'diff uk gb' printed '14 kept'; the library refuses the same call.
    code, out, err = run("diff", "uk", "gb")
    assert code == 2 and out == ""
    assert "'uk' and 'gb' both name uk-service-standard-2019; diff needs two different editions" in err


def test_a_change_resting_on_a_curated_crosswalk_is_marked() -> None:
    # Reported: the curated and the --inferred-only diffs of au-dss-v1 and au-dss-v2 looked alike.
    code, out, _ = run("diff", "au-dss-v1", "au-dss-v2")
    assert code == 0 and "reworded*" in out and "* a change that rests" in " ".join(out.split())
    code, inferred, _ = run("diff", "au-dss-v1", "au-dss-v2", "--inferred-only")
    assert code == 0 and "reworded" in inferred and "reworded*" not in inferred


def test_a_diff_of_editions_read_in_spanish_leads_with_the_language_caution(tmp_path: Path) -> None:
    # Reported: diff of two Spanish editions called items reworded and split through inferred equivalents, with none
    # of the caution show, gaps and brief give for such equivalents.
    earlier = FIXTURES / "dev-native" / "nes1.yaml"
    later = earlier.read_text(encoding="utf-8").replace("code: nes1", "code: nes2").replace("nes1-", "nes2-")
    (tmp_path / "nes2.yaml").write_text(later, encoding="utf-8")
    code, out, err = run("-d", str(earlier), "-d", str(tmp_path), "diff", "nes1", "nes2")
    assert code == 0, err
    assert out.startswith("Caution: ") and "(Spanish: " in " ".join(out.split())
    code, english, _ = run("diff", "au-dss-v1", "au-dss-v2")
    assert code == 0 and "Caution" not in english
