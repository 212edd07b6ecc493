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


def invoke(data_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--data-dir", str(data_dir), *args])
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
        assert m.strength == drafted_strength(score) and m.status == "suggested"
    assert [drafted_strength(s) for s in (0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.9)] == [4, 5, 6, 7, 8, 9, 10]


def test_a_draft_never_suggests_a_pair_a_curated_crosswalk_rejects(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    invoke(tmp_path, "crosswalk", "draft", "ca-digital-standards", "us-playbook", "-o", str(draft))
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
