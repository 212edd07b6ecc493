"""A drafted crosswalk, reviewed by hand and put in a data dir, is what `show` then reports."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from dgcompare.cli import app

from .conftest import FIXTURES

SOURCE, TARGET = "xn-service-charter", "uk-service-standard-2019"


def invoke(data_dir: Path | None, *args: str) -> str:
    """Run dgcompare with ``data_dir`` as its data directory, or with the built-in catalog alone (None)."""
    result = CliRunner().invoke(app, [*(["--data-dir", str(data_dir)] if data_dir else []), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def alignments(data_dir: Path) -> dict[tuple[int, int], dict[str, Any]]:
    """`show SOURCE TARGET` alignments by (source number, target number)."""
    data = json.loads(invoke(data_dir, "show", SOURCE, TARGET, "--format", "json"))
    found = {}
    for alignment in data["alignments"]:
        assert (alignment["a"]["framework"], alignment["b"]["framework"]) == (SOURCE, TARGET)
        found[(alignment["a"]["number"], alignment["b"]["number"])] = alignment
    return found


def crosswalk_count(data_dir: Path) -> int:
    out = invoke(data_dir, "validate")
    assert out.startswith("OK:"), out
    counted = re.search(r"(\d+)\s+crosswalks", out)
    assert counted, out
    return int(counted[1])


def test_a_reviewed_draft_becomes_the_curated_alignment(tmp_path: Path) -> None:
    data_dir = tmp_path / "catalog"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "heldout" / "northland.yaml", data_dir / "northland.yaml")
    draft = tmp_path / "draft.yaml"
    invoke(data_dir, "crosswalk", "draft", SOURCE, TARGET, "-o", str(draft))
    drafted = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert (drafted["crosswalk"]["source"], drafted["crosswalk"]["target"]) == (SOURCE, TARGET)
    mappings = drafted["mappings"]
    assert mappings and all(m["status"] == "suggested" for m in mappings)

    before = alignments(data_dir)
    # Three inferred equivalents, so that each edit below changes what `show` reports.
    strong = [m for m in mappings if m["relationship"] == "equal" and (m["source"], m["target"]) in before]
    assert len(strong) >= 3, "the draft offers enough equivalents to review"
    confirmed, deleted, unrelated = ((m["source"], m["target"]) for m in strong[:3])
    assert all(before[pair]["source"] == "inferred" for pair in (confirmed, deleted, unrelated))

    # The review: correct one mapping and confirm it, delete one, reject one, leave the rest suggested.
    reviewed = []
    for mapping in mappings:
        pair = (mapping["source"], mapping["target"])
        if pair == confirmed:
            mapping |= {"relationship": "subset", "strength": 6, "status": "confirmed"}
        elif pair == unrelated:
            mapping |= {"relationship": "not_related", "strength": 0, "status": "confirmed"}
        elif pair == deleted:
            continue
        reviewed.append(mapping)
    drafted["mappings"] = reviewed
    count = crosswalk_count(data_dir)
    (data_dir / "crosswalks").mkdir()
    text = yaml.safe_dump(drafted, allow_unicode=True, sort_keys=False)
    (data_dir / "crosswalks" / "xn--uk.yaml").write_text(text, encoding="utf-8")
    assert crosswalk_count(data_dir) == count + 1, "validate reads the reviewed file and finds nothing wrong"

    after = alignments(data_dir)
    mine = after[confirmed]
    assert (mine["source"], mine["relation"], mine["score"]) == ("curated", "related", 0.6)
    assert any("subset" in reason and "strength 6/10" in reason for reason in mine["why"])
    assert unrelated not in after, "a confirmed not_related suppresses the pair"
    curated = {pair for pair, alignment in after.items() if alignment["source"] == "curated"}
    assert curated == {confirmed}, "deleted and still-suggested mappings are not curated"
    assert after[deleted]["source"] == "inferred", "a deleted mapping leaves the matcher's own alignment"


def write_crosswalk(path: Path, ends: tuple[str, str], pair: tuple[int, int], relationship: str, strength: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mapping = {
        "source": pair[0],
        "target": pair[1],
        "relationship": relationship,
        "rationale": "semantic",
        "strength": strength,
        "explanation": "Test mapping.",
    }
    header = {"source": ends[0], "target": ends[1]}
    path.write_text(yaml.safe_dump({"crosswalk": header, "mappings": [mapping]}), encoding="utf-8")


def test_a_pair_mapped_in_two_of_a_user_s_files_is_an_error_naming_both(tmp_path: Path) -> None:
    data_dir = tmp_path / "catalog"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "heldout" / "northland.yaml", data_dir / "northland.yaml")
    write_crosswalk(data_dir / "crosswalks" / "a-one.yaml", (SOURCE, TARGET), (1, 1), "equal", 10)
    write_crosswalk(data_dir / "crosswalks" / "z-two.yaml", (TARGET, SOURCE), (1, 1), "not_related", 0)
    result = CliRunner().invoke(app, ["--data-dir", str(data_dir), "validate"], env={"COLUMNS": "400"})
    assert result.exit_code != 0
    out = result.stdout + result.stderr
    assert "z-two.yaml:" in out and "a-one.yaml:" in out and "which counts would depend on the files' names" in out


def test_a_user_s_file_may_remap_a_pair_a_built_in_crosswalk_maps(tmp_path: Path) -> None:
    data_dir = tmp_path / "catalog"
    mine = data_dir / "crosswalks" / "mine.yaml"
    write_crosswalk(mine, ("uk-service-standard-2019", "au-dss-v2"), (1, 1), "not_related", 0)
    assert invoke(data_dir, "validate").startswith("OK:")
    data = json.loads(invoke(data_dir, "show", "uk", "au", "--format", "json"))
    assert not any((x["a"]["number"], x["b"]["number"]) == (1, 1) for x in data["alignments"]), "the user's says"


@pytest.mark.parametrize(
    ("slip", "fix"),
    [
        (("source: uk-service-standard-2019", "source: uk"), "its default 'uk-service-standard-2019'"),
        (("    target: 3", "    target: au-dss-v2:3"), "a mapping names principles of the frameworks in its header"),
        (("relationship: intersects", "relationship: overlaps"), "did you mean 'intersects'?"),
    ],
)
def test_a_crosswalk_slip_gets_the_fix_it_needs(tmp_path: Path, slip: tuple[str, str], fix: str) -> None:
    text = (
        "crosswalk:\n  source: uk-service-standard-2019\n  target: au-dss-v2\nmappings:\n  - source: 2\n"
        "    target: 3\n    relationship: intersects\n    rationale: semantic\n    strength: 5\n    explanation: x\n"
    )
    assert slip[0] in text
    (tmp_path / "crosswalks").mkdir()
    (tmp_path / "crosswalks" / "slip.yaml").write_text(text.replace(*slip), encoding="utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), "validate"], env={"COLUMNS": "400"})
    assert result.exit_code != 0
    assert fix in result.stdout + result.stderr


def test_a_pair_a_curated_crosswalk_rejects_is_never_offered_and_explain_says_why() -> None:
    runner = CliRunner()
    # ca-digital-standards:8 ~ uk-service-standard-2019:10 is curated not_related in the built-in catalog.
    out = runner.invoke(app, ["explain", "ca:8", "uk:10"], env={"COLUMNS": "300"}).stdout
    assert "Verdict: not related (a curated crosswalk says so)." in out and "shared word data" in out
    inferred = runner.invoke(app, ["explain", "ca:8", "uk:10", "--inferred-only"], env={"COLUMNS": "300"}).stdout
    assert "curated crosswalk says so" not in inferred
    detail = json.loads(runner.invoke(app, ["show", "uk:10", "--format", "json"]).stdout)
    ca = next(c for c in detail["counterparts"] if c["framework"]["id"] == "ca-digital-standards")
    assert all(x["a"]["number"] != 8 and x["b"]["number"] != 8 for x in ca["alignments"])
    assert ca["nearest"] is None or ca["nearest"]["number"] != 8


def closest_to_playbook_5(*data_dir: str) -> list[int]:
    args = [*data_dir, "gaps", "ca", "--against", "us", "--format", "json"]
    found = json.loads(CliRunner().invoke(app, args).stdout)
    (commitment,) = (c for g in found["gaps"] for c in g["commitments"] if c["principle"]["number"] == 5)
    return [c["number"] for c in commitment["by"]]


def test_gaps_never_offer_a_rejected_pair_as_the_closest(tmp_path: Path) -> None:
    assert closest_to_playbook_5() == [2]  # us-playbook:5 is not covered; ca:2 is the closest below related
    write_crosswalk(
        tmp_path / "crosswalks" / "mine.yaml", ("ca-digital-standards", "us-playbook"), (2, 5), "not_related", 0
    )
    assert closest_to_playbook_5("--data-dir", str(tmp_path)) == []


def test_a_rejection_with_a_strength_is_refused(tmp_path: Path) -> None:
    write_crosswalk(
        tmp_path / "crosswalks" / "x.yaml", ("uk-service-standard-2019", "au-dss-v2"), (2, 3), "not_related", 8
    )
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), "validate"], env={"COLUMNS": "400"})
    assert result.exit_code != 0
    assert "not_related with strength 8" in result.stdout + result.stderr
    assert "write strength: 0" in result.stdout + result.stderr


def test_a_draft_claims_no_more_than_the_score_shows() -> None:
    import datetime

    from dgcompare import load_catalog
    from dgcompare.crosswalks import EQUAL_FROM, draft_crosswalk, drafted_strength
    from dgcompare.matcher import MatchConfig, MatcherIndex, align_pair
    from dgcompare.matcher.alignment import EQUIVALENT_STRENGTH

    catalog = load_catalog()
    uk, au = catalog.framework("uk-service-standard-2019"), catalog.framework("au-dss-v2")
    assert uk is not None and au is not None
    index, config = MatcherIndex(catalog), MatchConfig(curated=False)
    scores = {(x.a.number, x.b.number): (x.score, x.relation) for x in align_pair(index, uk, au, config)}
    draft = draft_crosswalk(index, uk, au, config, datetime.date(2026, 11, 29))
    assert any(relation == "equivalent" and score < EQUAL_FROM for score, relation in scores.values())
    for m in draft.mappings:
        score, relation = scores[(m.source, m.target)]
        assert m.relationship == ("equal" if relation == "equivalent" and score >= EQUAL_FROM else "intersects")
        assert m.strength == drafted_strength(score, relation) and m.status == "suggested"
        # Confirmed unchanged, the mapping makes the link the matcher showed (7 or more is an equivalent).
        assert (m.strength >= EQUIVALENT_STRENGTH) == (relation == "equivalent")
    assert [drafted_strength(s, "equivalent") for s in (0.1, 0.4, 0.6, 0.7, 0.9)] == [7, 7, 8, 9, 10]
    # Reported: a related pair at 0.43 was drafted at 7 and became an equivalent once confirmed.
    assert [drafted_strength(s, "related") for s in (0.1, 0.2, 0.3, 0.43, 0.9)] == [4, 5, 6, 6, 6]


def test_a_draft_never_suggests_a_pair_a_curated_crosswalk_rejects(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    invoke(None, "crosswalk", "draft", "ca-digital-standards", "us-playbook", "-o", str(draft))
    before = {(m["source"], m["target"]) for m in yaml.safe_load(draft.read_text(encoding="utf-8"))["mappings"]}
    assert (2, 4) in before
    data_dir = tmp_path / "catalog"
    write_crosswalk(
        data_dir / "crosswalks" / "no.yaml", ("us-playbook", "ca-digital-standards"), (4, 2), "not_related", 0
    )
    invoke(data_dir, "crosswalk", "draft", "ca-digital-standards", "us-playbook", "-o", str(draft), "--force")
    after = {(m["source"], m["target"]) for m in yaml.safe_load(draft.read_text(encoding="utf-8"))["mappings"]}
    assert after == before - {(2, 4)}


def test_an_exhaustive_crosswalk_with_suggestions_left_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "crosswalks" / "x.yaml"
    write_crosswalk(path, ("uk-service-standard-2019", "au-dss-v2"), (2, 3), "intersects", 5)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["crosswalk"]["exhaustive"] = True
    data["mappings"][0]["status"] = "suggested"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), "validate"], env={"COLUMNS": "400"})
    assert result.exit_code != 0
    assert "suggested mappings count for nothing" in result.stdout + result.stderr


def test_crosswalk_status_counts_what_a_file_confirms_and_suggests_and_what_it_hides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    write_crosswalk(path, ("uk-service-standard-2019", "au-dss-v2"), (2, 3), "intersects", 5)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["mappings"].append({**data["mappings"][0], "target": 4, "status": "suggested"})
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    out = CliRunner().invoke(app, ["crosswalk", "status", str(path)]).stdout
    assert out.startswith("uk-service-standard-2019 -> au-dss-v2: 1 confirmed (0 of them not_related), 1 suggested")
    assert "  suggested: 2 -> 4 intersects, strength 5" in out
    assert "not exhaustive:" in out
    builtin = Path(__file__).parents[1] / "data" / "crosswalks" / "us-playbook--uk-service-standard-2019.yaml"
    out = CliRunner().invoke(app, ["crosswalk", "status", str(builtin)]).stdout
    assert "exhaustive: " in out and "hidden by this file" in out


def titled_crosswalk(path: Path, ends: tuple[str, str], titles: list[tuple[int, str, int, str]]) -> None:
    mappings = [
        {
            "source": source,
            "source_title": source_title,
            "target": target,
            "target_title": target_title,
            "relationship": "intersects",
            "rationale": "semantic",
            "strength": 5,
            "explanation": "Test mapping.",
        }
        for source, source_title, target, target_title in titles
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    header = {"source": ends[0], "target": ends[1]}
    path.write_text(yaml.safe_dump({"crosswalk": header, "mappings": mappings}, allow_unicode=True), encoding="utf-8")


def validate_output(data_dir: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--data-dir", str(data_dir), "validate"], env={"COLUMNS": "400"})
    return result.exit_code, result.stdout + result.stderr


def test_a_draft_writes_each_principle_s_official_title_beside_its_number(tmp_path: Path) -> None:
    from dgcompare import load_catalog

    draft = tmp_path / "draft.yaml"
    invoke(None, "crosswalk", "draft", "de-digitalcheck-2025", "uk", "-o", str(draft))
    mappings = yaml.safe_load(draft.read_text(encoding="utf-8"))["mappings"]
    catalog = load_catalog()
    de, uk = catalog.framework("de-digitalcheck-2025"), catalog.framework("uk-service-standard-2019")
    assert de is not None and uk is not None and mappings
    for m in mappings:
        assert m["source_title"] == de.principle(m["source"]).title  # type: ignore[union-attr]
        assert m["target_title"] == uk.principle(m["target"]).title  # type: ignore[union-attr]
    assert any(m["source_title"] != de.principle(m["source"]).english_title for m in mappings), "German, verbatim"
    (tmp_path / "crosswalks").mkdir()
    draft.rename(tmp_path / "crosswalks" / "de--uk.yaml")
    code, out = validate_output(tmp_path)
    assert code == 0 and out.startswith("OK:"), out


def test_a_title_may_differ_in_case_spaces_and_quotes_but_not_in_words(tmp_path: Path) -> None:
    path = tmp_path / "crosswalks" / "mine.yaml"
    ends = ("uk-service-standard-2019", "au-dss-v2")
    # uk:1 'Understand users and their needs', au:2 'Know your user'
    titled_crosswalk(path, ends, [(1, "  understand USERS and\ntheir needs ", 2, "Know your user")])
    code, out = validate_output(tmp_path)
    assert code == 0, out
    titled_crosswalk(path, ends, [(1, "Understand users and their needs", 2, "Know your users")])
    code, out = validate_output(tmp_path)
    assert code == 2
    assert "mapping 1 (1 -> 2), target_title: 'Know your users' is not the title of au-dss-v2:2" in out
    assert "write 'Know your user', the official wording of au-dss-v2:2" in out


def test_a_title_of_another_principle_is_named_and_a_wrong_header_framework_caught(tmp_path: Path) -> None:
    path = tmp_path / "crosswalks" / "mine.yaml"
    titled_crosswalk(
        path,
        ("uk-service-standard-2019", "au-dss-v2"),
        [(2, "Understand users and their needs", 2, "Know your user")],
    )
    code, out = validate_output(tmp_path)
    assert code == 2 and "it is the title of uk-service-standard-2019:1" in out
    # The titles are right for their numbers, but of the Canadian standards: the header names the wrong framework.
    titled_crosswalk(
        path,
        ("uk-service-standard-2019", "au-dss-v2"),
        [
            (1, "Understand users and their needs", 1, "Design with users"),
            (5, "Make sure everyone can use the service", 2, "Iterate and improve frequently"),
        ],
    )
    code, out = validate_output(tmp_path)
    assert code == 2
    assert "crosswalk, target: no target_title of the mappings is that of a principle of au-dss-v2" in out
    assert "did you mean 'ca-digital-standards'?" in out
    assert "crosswalk.source:" not in out


def mapping(pair: tuple[int, int], relationship: str = "intersects", strength: int = 6, **more: Any) -> Any:
    from dgcompare.models import CrosswalkMapping

    fields = {"rationale": "semantic", "explanation": "Test mapping.", **more}
    return CrosswalkMapping(source=pair[0], target=pair[1], relationship=relationship, strength=strength, **fields)


def crosswalk(*mappings: Any, exhaustive: bool = False, ends: tuple[str, str] = ("a-one", "b-two")) -> Any:
    from dgcompare.models import CrosswalkFile, CrosswalkHeader

    header = CrosswalkHeader(source=ends[0], target=ends[1], author="A reviewer", exhaustive=exhaustive)
    return CrosswalkFile(crosswalk=header, mappings=mappings)


def test_an_update_keeps_the_file_and_adds_only_the_pairs_it_does_not_map() -> None:
    from dgcompare.crosswalks import merge_draft

    reviewed = (
        mapping((1, 1), "subset", 7),  # confirmed by default: a person wrote it
        mapping((2, 2), "not_related", 0, status="confirmed"),
        mapping((3, 3), status="suggested", explanation="Edited, not yet confirmed."),
        mapping((9, 9), "equal", 10, explanation="Added by hand."),
    )
    existing = crosswalk(*reviewed)
    draft = crosswalk(
        *(mapping(pair, status="suggested", explanation="drafted") for pair in [(1, 1), (2, 2), (3, 3), (4, 5), (6, 1)])
    )
    update = merge_draft(existing, draft)
    assert update.crosswalk.crosswalk == existing.crosswalk
    assert update.crosswalk.mappings[: len(reviewed)] == reviewed == update.kept
    assert [(m.source, m.target) for m in update.added] == [(4, 5), (6, 1)]
    assert update.crosswalk.mappings[len(reviewed) :] == update.added and not update.withheld


def test_an_update_reports_what_a_fresh_draft_would_have_changed_and_changes_none_of_it() -> None:
    from dgcompare.crosswalks import merge_draft, update_report

    existing = crosswalk(
        mapping((1, 1), "intersects", 6),  # the draft agrees within a step: nothing to say
        mapping((2, 2), "intersects", 5),  # the draft says equal
        mapping((3, 3), "subset", 8),  # the draft says intersects 5: three steps weaker
        mapping((4, 4), "not_related", 0),  # the draft would suggest the rejected pair
        mapping((5, 5), "intersects", 6, status="suggested"),  # no longer drafted
        mapping((6, 6), "intersects", 6, status="suggested"),  # drafted stronger
        mapping((7, 7), "equal", 10),  # not drafted: a reviewer's own mapping, nothing to say
    )
    draft = crosswalk(
        mapping((1, 1), "intersects", 7, status="suggested"),
        mapping((2, 2), "equal", 9, status="suggested"),
        mapping((3, 3), "intersects", 5, status="suggested"),
        mapping((4, 4), "intersects", 4, status="suggested"),
        mapping((6, 6), "intersects", 7, status="suggested"),
    )
    update = merge_draft(existing, draft)
    assert update.crosswalk == existing, "nothing new, nothing changed"
    found = {(d.mapping.source, d.drafted.strength if d.drafted else None) for d in update.disagreements}
    assert found == {(2, 9), (3, 5), (4, 4), (5, None), (6, 7)}
    report = "\n".join(update_report(update))
    assert report.startswith(
        "0 suggested mappings added; 7 kept as they were (5 confirmed, 1 of them not_related; 2 still suggested)"
    )
    assert "  2 -> 2 confirmed intersects, strength 5: a fresh draft says equal, strength 9" in report
    assert "  4 -> 4 confirmed not_related, strength 0: a fresh draft says intersects, strength 4" in report
    assert "  5 -> 5 suggested intersects, strength 6: a fresh draft no longer suggests it" in report
    assert "1 -> 1" not in report and "7 -> 7" not in report
    french = update_report(update, "fr")
    assert french[0].startswith("0 correspondance suggérée ajoutée\u00a0; 7 conservées telles quelles")
    assert "  2 -> 2 confirmed intersects, force 5\u00a0: un nouveau brouillon dit equal, force 9" in french


def test_an_exhaustive_file_gets_no_suggestion_and_says_which_it_was_not_given() -> None:
    from dgcompare.crosswalks import merge_draft, update_report

    existing = crosswalk(mapping((1, 1)), exhaustive=True)
    update = merge_draft(existing, crosswalk(mapping((2, 3), status="suggested")))
    assert update.crosswalk == existing and not update.added
    assert [(m.source, m.target) for m in update.withheld] == [(2, 3)]
    assert "1 suggestion not added: the file is exhaustive" in "\n".join(update_report(update))


def test_an_update_refuses_a_draft_of_other_frameworks() -> None:
    from dgcompare.crosswalks import merge_draft
    from dgcompare.errors import InputError

    with pytest.raises(InputError, match="maps a-one -> b-two, the draft b-two -> a-one"):
        merge_draft(crosswalk(), crosswalk(ends=("b-two", "a-one")))


def pairs_of(data: dict[str, Any]) -> dict[tuple[int, int], dict[str, Any]]:
    return {(m["source"], m["target"]): m for m in data.get("mappings") or []}


def update_round(data_dir: Path, path: Path, *options: str) -> tuple[str, dict[str, Any]]:
    """``crosswalk draft --update`` of the file in ``data_dir``: its stderr report, and what it would add.

    What it would add is computed apart, from a plain draft of the same catalog: its pairs that the file lacks.
    """
    fresh = yaml.safe_load(invoke(data_dir, "crosswalk", "draft", SOURCE, "uk", *options))
    before = pairs_of(yaml.safe_load(path.read_text(encoding="utf-8")))
    expected = {pair: m for pair, m in pairs_of(fresh).items() if pair not in before}
    result = CliRunner().invoke(
        app, ["--data-dir", str(data_dir), "crosswalk", "draft", "uk", SOURCE, *options, "--update", str(path)]
    )
    assert result.exit_code == 0, result.stderr
    return result.stderr, expected


def review(path: Path, decide: Any) -> dict[str, Any]:
    """A reviewer's pass over the file: ``decide`` edits the data; a comment of theirs goes on top."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    decide(data)
    text = "# Reviewed by the standards team; see minutes.\n" + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True
    )
    path.write_text(text, encoding="utf-8")
    return data


def checked_update(
    data_dir: Path, path: Path, reviewed: dict[str, Any], rejected: set[tuple[int, int]], *options: str
) -> tuple[dict[str, Any], set[tuple[int, int]]]:
    """Update the file, check that nothing in it changed and only unseen pairs came; the file and those pairs."""
    before_text = path.read_text(encoding="utf-8")
    report, expected = update_round(data_dir, path, *options)
    after_text = path.read_text(encoding="utf-8")
    after = yaml.safe_load(after_text)
    # Nothing the file held changes, its comment and layout included: the new mappings are appended.
    assert after_text.startswith(before_text)
    assert after["crosswalk"] == reviewed["crosswalk"]
    assert after["mappings"][: len(reviewed["mappings"])] == reviewed["mappings"]
    added = set(pairs_of(after)) - set(pairs_of(reviewed))
    assert added and added == set(expected), "an update suggests the pairs not yet in the file, and only those"
    assert not added & rejected, "a rejected pair never comes back"
    assert all(pairs_of(after)[pair]["status"] == "suggested" for pair in added)
    assert report.startswith(f"updated {path}\n{len(added)} suggested mapping")
    assert invoke(data_dir, "validate").startswith("OK:")
    return after, added


def test_a_crosswalk_survives_three_rounds_of_draft_review_and_update(tmp_path: Path) -> None:
    data_dir = tmp_path / "catalog"
    (data_dir / "crosswalks").mkdir(parents=True)
    own = data_dir / "northland.yaml"
    shutil.copy(FIXTURES / "heldout" / "northland.yaml", own)
    path = data_dir / "crosswalks" / "xn--uk.yaml"
    builtin = crosswalk_count(data_dir)

    # Round 1: the first draft, then a review.
    invoke(data_dir, "crosswalk", "draft", SOURCE, "uk", "-o", str(path))
    assert crosswalk_count(data_dir) == builtin + 1
    drafted = pairs_of(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert len(drafted) >= 8 and all(m["status"] == "suggested" for m in drafted.values())
    order = sorted(drafted)
    confirmed, rejected, edited = order[0:3], order[3:5], order[5]
    uk_title = {m["target"]: m["target_title"] for m in drafted.values()}
    unmapped = next((s, t) for s in range(1, 15) for t in sorted(uk_title) if (s, t) not in drafted)

    def first_review(data: dict[str, Any]) -> None:
        data["crosswalk"] |= {"author": "Northland standards team", "method": "Read against both texts, twice."}
        for m in data["mappings"]:
            pair = (m["source"], m["target"])
            if pair in confirmed:
                m["status"] = "confirmed"
            elif pair in rejected:
                m |= {"relationship": "not_related", "strength": 0, "status": "confirmed", "explanation": "No."}
            elif pair == edited:
                m |= {"relationship": "subset", "strength": 5, "status": "confirmed"}
        data["mappings"].append(
            {
                "source": unmapped[0],
                "target": unmapped[1],
                "target_title": uk_title[unmapped[1]],
                "relationship": "intersects",
                "rationale": "functional",
                "strength": 4,
                "explanation": "Added by hand: the matcher missed it.",
            }
        )

    reviewed = review(path, first_review)
    assert crosswalk_count(data_dir) == builtin + 1, "validate passes after the review"
    rejected_pairs = set(rejected)

    # Round 2: the team's own standard gains a principle; the update suggests only its pairs.
    with own.open("a", encoding="utf-8") as handle:
        handle.write(
            "      - number: 15\n        title: Share the code we write\n        summary: >-\n"
            "          Source code written for our services is published openly under an open licence, so that\n"
            "          others can reuse it and see how decisions are made.\n"
        )
    _, added = checked_update(data_dir, path, reviewed, rejected_pairs)
    assert {s for s, _ in added} == {15}, "the new principle's pairs, and only those"

    def second_review(data: dict[str, Any]) -> None:
        new = [m for m in data["mappings"] if (m["source"], m["target"]) in added]
        new[0]["status"] = "confirmed"
        new[1] |= {"relationship": "not_related", "strength": 0, "status": "confirmed"}
        rejected_pairs.add((new[1]["source"], new[1]["target"]))

    reviewed = review(path, second_review)
    assert crosswalk_count(data_dir) == builtin + 1

    # Round 3: a lower related threshold brings weaker pairs, for those who want them.
    checked_update(data_dir, path, reviewed, rejected_pairs, "--related", "0.15")

    # What the reviewers decided is what the reports say.
    shown = alignments(data_dir)
    assert not rejected_pairs & shown.keys()
    assert shown[edited]["source"] == "curated" and any("subset" in why for why in shown[edited]["why"])
    assert shown[unmapped]["source"] == "curated"


def run_update(path: Path, *args: str) -> Any:
    return CliRunner().invoke(app, ["crosswalk", "draft", *args, "--update", str(path)], env={"COLUMNS": "400"})


def test_an_update_refuses_a_file_of_other_frameworks_and_takes_its_own_in_either_order(tmp_path: Path) -> None:
    path = tmp_path / "uk--au.yaml"
    write_crosswalk(path, ("uk-service-standard-2019", "au-dss-v2"), (1, 2), "equal", 9)
    before = path.read_text(encoding="utf-8")
    refused = run_update(path, "uk", "ca")
    assert refused.exit_code == 2 and path.read_text(encoding="utf-8") == before
    assert f"{path} maps uk-service-standard-2019 -> au-dss-v2, not ca-digital-standards and uk-service" in (
        refused.stderr
    )
    assert f"dgcompare crosswalk draft uk-service-standard-2019 au-dss-v2 --update {path}" in refused.stderr
    done = run_update(path, "au", "uk")
    assert done.exit_code == 0, done.stderr
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert after["crosswalk"] == {"source": "uk-service-standard-2019", "target": "au-dss-v2"}, "the file's order"
    assert after["mappings"][0] == yaml.safe_load(before)["mappings"][0]


def test_an_update_checks_the_file_first_and_leaves_it_alone_when_it_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "uk--au.yaml"
    titled_crosswalk(path, ("uk-service-standard-2019", "au-dss-v2"), [(1, "Know your user", 2, "Know your user")])
    before = path.read_text(encoding="utf-8")
    result = run_update(path, "uk", "au")
    assert result.exit_code == 2 and path.read_text(encoding="utf-8") == before
    assert "'Know your user' is not the title of uk-service-standard-2019:1" in result.stdout + result.stderr


def test_an_update_may_go_to_another_file_and_replaces_one_only_with_force(tmp_path: Path) -> None:
    path, other = tmp_path / "uk--au.yaml", tmp_path / "next.yaml"
    write_crosswalk(path, ("uk-service-standard-2019", "au-dss-v2"), (1, 2), "equal", 9)
    before = path.read_text(encoding="utf-8")
    result = run_update(path, "uk", "au", "-o", str(other))
    assert result.exit_code == 0 and path.read_text(encoding="utf-8") == before
    assert result.stderr.startswith(f"wrote {other}: {path} brought up to date\n")
    assert other.read_text(encoding="utf-8").startswith(before)
    again = run_update(path, "uk", "au", "-o", str(other))
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert run_update(path, "uk", "au", "-o", str(other), "--force").exit_code == 0
    to_stdout = run_update(path, "uk", "au", "-o", "-")
    assert to_stdout.stdout == other.read_text(encoding="utf-8")


def test_a_file_whose_mappings_are_a_flow_list_is_written_afresh_and_says_its_comments_are_lost(
    tmp_path: Path,
) -> None:
    path = tmp_path / "uk--au.yaml"
    path.write_text(
        "\ufeff# mine\ncrosswalk: {source: uk-service-standard-2019, target: au-dss-v2}\nmappings: [{source: 1, "
        "target: 2, relationship: equal, rationale: semantic, strength: 9, explanation: Mine.}]\n",
        encoding="utf-8",
    )
    result = run_update(path, "uk", "au")
    assert result.exit_code == 0, result.stderr
    assert "its comments are lost (PyYAML keeps none)" in result.stderr
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark stays"
    after = yaml.safe_load(raw.decode("utf-8-sig"))
    assert after["mappings"][0] == {
        "source": 1,
        "target": 2,
        "relationship": "equal",
        "rationale": "semantic",
        "strength": 9,
        "explanation": "Mine.",
    }, "written afresh, with no key it did not have"
    assert len(after["mappings"]) > 1


def test_a_draft_over_an_existing_file_points_to_update(tmp_path: Path) -> None:
    path = tmp_path / "uk--au.yaml"
    write_crosswalk(path, ("uk-service-standard-2019", "au-dss-v2"), (1, 2), "equal", 9)
    result = CliRunner().invoke(app, ["crosswalk", "draft", "uk", "au", "-o", str(path)], env={"COLUMNS": "400"})
    assert result.exit_code == 1 and f"to add what is new and keep its review: --update {path}" in result.stderr


def test_every_crosswalk_written_back_reads_as_the_same_crosswalk(tmp_path: Path) -> None:
    from dgcompare import load_catalog
    from dgcompare.crosswalks import dump_crosswalk, write_crosswalk
    from dgcompare.models import CrosswalkFile
    from dgcompare.yamlfile import read_yaml, validate_document

    catalog = load_catalog()
    assert catalog.crosswalks
    for number, crosswalk in enumerate(catalog.crosswalks):
        path = tmp_path / f"{number}.yaml"
        write_crosswalk(crosswalk, path)
        assert path.read_text(encoding="utf-8") == dump_crosswalk(crosswalk)
        assert validate_document(read_yaml(path), CrosswalkFile) == crosswalk, path


def test_a_crosswalk_made_in_python_and_written_joins_the_catalog_from_its_file(tmp_path: Path) -> None:
    import datetime

    from dgcompare import load_catalog
    from dgcompare.catalog import crosswalk_from
    from dgcompare.crosswalks import write_crosswalk
    from dgcompare.errors import OutputError
    from dgcompare.matcher import MatcherIndex, align
    from dgcompare.models import resolve_token

    data_dir = tmp_path / "catalog"
    (data_dir / "crosswalks").mkdir(parents=True)
    shutil.copy(FIXTURES / "principles" / "valid" / "on.yaml", data_dir / "on.yaml")
    crosswalk = crosswalk_from(
        {
            "crosswalk": {
                "source": "on-dss",
                "target": "ca-digital-standards",
                "author": "A reviewer",
                "date": datetime.date(2026, 11, 29),
                "exhaustive": True,
            },
            "mappings": [
                {
                    "source": 1,
                    "target": 1,
                    "relationship": "subset",
                    "rationale": "functional",
                    "strength": 8,
                    "explanation": "Both: research with users: a colon, 'quotes' and # are kept as written.",
                }
            ],
        }
    )
    path = data_dir / "crosswalks" / "on--ca.yaml"
    write_crosswalk(crosswalk, path)
    catalog = load_catalog(data_dir)
    assert catalog.crosswalks[-1] == crosswalk and catalog.crosswalk_sources[-1] == str(path)
    (link,) = align(MatcherIndex(catalog), [resolve_token(catalog, "on"), resolve_token(catalog, "ca")])
    assert (link.source, link.score, link.crosswalk) == ("curated", 0.8, str(path))
    before = path.read_text(encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        write_crosswalk(crosswalk.model_copy(update={"mappings": ()}), path)
    assert path.read_text(encoding="utf-8") == before, "left untouched"
    write_crosswalk(crosswalk.model_copy(update={"mappings": ()}), path, force=True)
    assert "mappings: []" in path.read_text(encoding="utf-8")


def test_validate_reports_a_crosswalks_wrong_numbers_and_titles_beside_its_schema_problems(tmp_path: Path) -> None:
    # Reported: a strength of 11, an unknown number and a wrong title took three runs, each saying '1 problem'.
    draft = tmp_path / "draft.yaml"
    invoke(None, "crosswalk", "draft", "nz", "uk", "-o", str(draft))
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data["mappings"][0]["strength"] = 11
    data["mappings"][1]["source"] = 15
    data["mappings"][2]["target_title"] = "Understand users"
    data["crosswalk"]["target"] = "uk-service-standard-2091"
    data_dir = tmp_path / "catalog"
    data_dir.mkdir()
    (data_dir / "nz--uk.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(data_dir), "validate"], env={"COLUMNS": "400"})
    assert result.exit_code == 2
    out = result.stdout + result.stderr
    # Each mapping named by its place from 1 and its pair, as the file has it.
    assert re.search(r"mapping 1 \(\d+ -> \d+\), strength: 11 is out of range", out)
    assert re.search(r"mapping 2 \(15 -> \d+\), source: nz-dsds has no principle 15", out)
    assert "crosswalk, target: unknown framework 'uk-service-standard-2091'" in out
    assert "3 problems in 1 of" in out  # the target's numbers and titles cannot be checked without it
