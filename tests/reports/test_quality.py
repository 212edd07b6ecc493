"""The shipped quality figures, and the cautions they back: equivalents across kinds of framework, or languages."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from typer.testing import CliRunner

from dgcompare.catalog import load_catalog
from dgcompare.cli import app
from dgcompare.matcher import MatchConfig, MatcherIndex, align_pair
from dgcompare.reports.base import FrameworkSummary
from dgcompare.reports.quality import (
    LanguageCaution,
    LanguageGroup,
    kinds_caution,
    language_caution,
    lead,
    load_quality,
)

from ..conftest import FIXTURES


@dataclass(frozen=True)
class Link:
    relation: str
    source: str


def framework(id_: str, kind: str | None) -> FrameworkSummary:
    return FrameworkSummary.model_construct(id=id_, kind=kind)


STRATEGY, STANDARD = framework("s", "strategy-principles"), framework("t", "service-standard")


def test_the_sets_measured_across_kinds_are_the_strategy_and_law_sets() -> None:
    across = {q.id: q.measured_between for q in load_quality()[1] if q.measured_between}
    assert across == {
        "second-blind-it": ("strategy-principles", "service-standard"),
        "second-blind-pt": ("legislation-principles", "service-standard"),
        "fourth-blind-it": ("strategy-principles", "service-standard"),
    }
    assert all(q.equivalents for q in load_quality()[1] if q.measured_between)


def test_only_inferred_equivalents_between_declared_kinds_call_for_a_caution() -> None:
    inferred, curated, related = (
        Link("equivalent", "inferred"),
        Link("equivalent", "curated"),
        Link("related", "inferred"),
    )
    assert kinds_caution([STRATEGY, STANDARD], [("s", "t", curated), ("s", "t", related)]) is None
    assert kinds_caution([STRATEGY, framework("u", None)], [("s", "u", inferred)]) is None
    assert kinds_caution([STANDARD, framework("v", "service-standard")], [("t", "v", inferred)]) is None
    caution = kinds_caution([STRATEGY, STANDARD], [("s", "t", inferred), ("s", "t", inferred)])
    assert caution is not None and caution.equivalents == 2
    # A law against a service standard speaks for a strategy too: the matcher holds every programme to one bar.
    assert [q.id for q in caution.measured] == ["second-blind-it", "second-blind-pt", "fourth-blind-it"]
    design = framework("d", "design-principles")
    across_practices = kinds_caution([STANDARD, design], [("t", "d", inferred)])
    assert across_practices is not None and not across_practices.measured, "no set measures two practices"
    # Reported: a service standard's equivalent with design principles was quoted the strategy sets' figures.
    both = kinds_caution([STRATEGY, STANDARD, design], [("s", "t", inferred), ("t", "d", inferred)])
    assert both is not None and both.measured and both.unmeasured == (("t", "d"),)
    assert (
        "None measures those between two programmes, or two practices, of different kinds: t and d."
        in both.sentence("en")
    )


def test_the_caution_counts_what_was_measured_in_either_language() -> None:
    caution = kinds_caution([STRATEGY, STANDARD], [("s", "t", Link("equivalent", "inferred"))])
    assert caution is not None
    figure = caution.measured[0]
    assert figure.equivalents is not None
    right = round(figure.precision * figure.equivalents)
    english = caution.sentence("en")
    assert english.startswith("1 equivalent inferred by the matcher") and "(strategy principles: s; service" in english
    assert f"{right} of the {figure.equivalents} equivalents" in english
    french = caution.sentence("fr")
    assert "(principes stratégiques\u00a0: s\u00a0; norme de service\u00a0: t)" in french
    assert f"{right} des {figure.equivalents} équivalences" in french


def test_a_user_file_read_in_another_language_is_cautioned_with_its_language_measured_sets() -> None:
    catalog = load_catalog([FIXTURES / "heldout-languages", FIXTURES / "heldout"])
    index = MatcherIndex(catalog, MatchConfig().scoring)
    links = align_pair(
        index, catalog.framework("xi-carta-servizi-digitali"), catalog.framework("uk-service-standard-2019")
    )
    pairs = [("xi-carta-servizi-digitali", "uk-service-standard-2019", x) for x in links]
    caution = language_caution(index, pairs)
    assert caution is not None
    assert caution.equivalents == sum(x.relation == "equivalent" and x.source == "inferred" for x in links) > 0
    assert [(g.language, g.frameworks) for g in caution.languages] == [("it", ("xi-carta-servizi-digitali",))]
    italian = [q for q in load_quality()[1] if q.language == "it" and q.measured_between is None]
    assert caution.measured == tuple(italian) and len(italian) >= 6, "the Italian sets of one kind, not the strategies"
    right, count = sum(q.right for q in italian), sum(q.equivalents or 0 for q in italian)
    low, high = (round(f(q.precision for q in italian) * 100) for f in (min, max))
    spread = f"in Italian, {right} of the {count} equivalents on {len(italian)} sets ({low}% to {high}% by set)"
    assert spread in caution.sentence("en")
    french = caution.sentence("fr")
    assert f"en italien, {right} des {count} équivalences sur {len(italian)} jeux (de {low} % à {high} %" in french
    # Related and curated links, and equivalents between frameworks read in English or French, call for none.
    kept = [(a, b, x) for a, b, x in pairs if x.relation == "related"]
    assert language_caution(index, kept) is None
    uk, au = catalog.framework("uk-service-standard-2019"), catalog.framework("au-dss-v2")
    english = [(uk.id, au.id, x) for x in align_pair(index, uk, au)]
    assert any(x.relation == "equivalent" for _, _, x in english) and language_caution(index, english) is None
    french = catalog.framework("xb-normes-numeriques")
    assert french is not None and index.read_language(french) == "fr"
    from_french = [(french.id, uk.id, x) for x in align_pair(index, french, uk)]
    assert any(x.relation == "equivalent" for _, _, x in from_french) and language_caution(index, from_french) is None


def test_a_language_no_set_measures_is_said_to_be_unread() -> None:
    caution = LanguageCaution(
        languages=(LanguageGroup(language="nl", frameworks=("nl-user",)),), equivalents=2, pairs=(("nl-user", "uk"),)
    )
    sentence = lead((caution,), "en") or ""
    assert sentence.startswith("Caution: 2 equivalents inferred by the matcher") and "(Dutch: nl-user)" in sentence
    assert "No hand-labelled set measures equivalents read in Dutch; the matcher has no word list for it." in sentence
    assert sentence.endswith("Read such an equivalent as a candidate and check it against the sources.")
    assert "(néerlandais\u00a0: nl-user)" in (lead((caution,), "fr") or "")


def test_two_cautions_give_their_advice_once() -> None:
    kinds = kinds_caution([STRATEGY, STANDARD], [("s", "t", Link("equivalent", "inferred"))])
    languages = LanguageCaution(
        languages=(LanguageGroup(language="it", frameworks=("s",)),), equivalents=1, pairs=(("s", "t"),)
    )
    text = lead((kinds, languages), "en") or ""
    assert text.count("Caution:") == 1 and text.count("Read such an equivalent as a candidate") == 1
    assert text.index("different kinds") < text.index("a language other than English or French")
    # The same equivalent counted by both is said to be the same, not counted again.
    assert "That equivalent also joins a framework the matcher read in" in text and text.count("1 equivalent") == 1
    wider = kinds_caution([STRATEGY, STANDARD], [("s", "t", Link("equivalent", "inferred"))] * 3)
    assert "1 of them also joins a framework the matcher read in" in (lead((wider, languages), "en") or "")
    # More of them than the caution before counted, its own among them: said so, or the two read as a sum.
    wider_languages = languages.model_copy(update={"pairs": (("s", "t"), ("s", "x")), "equivalents": 3})
    among = "3 equivalents inferred by the matcher, not taken from a curated crosswalk, the 1 above among them, join"
    assert among in (lead((kinds, wider_languages), "en") or "")
    elsewhere = languages.model_copy(update={"pairs": (("s", "x"),)})
    assert "1 equivalent inferred by the matcher, not taken" in lead((kinds, elsewhere), "en").split("kinds")[-1]


def test_every_format_of_show_carries_the_language_caution() -> None:
    def run(*extra: str) -> str:
        args = ["show", "xi-carta-servizi-digitali", "uk", "-d", str(FIXTURES / "heldout-languages"), *extra]
        result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.stderr
        return result.stdout

    data = json.loads(run("--format", "json"))
    inferred = [x for x in data["alignments"] if x["relation"] == "equivalent" and x["source"] == "inferred"]
    assert data["language_caution"]["equivalents"] == len(inferred) > 0
    assert run().startswith(f"Caution: {len(inferred)} equivalents inferred by the matcher")
    assert run("--format", "markdown").split("\n")[2].startswith(f"> Caution: {len(inferred)} equivalents")
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv"))))
    noted = [r for r in rows if "read in a language other than English or French" in r["why"]]
    assert len(noted) == len(inferred) and all(r["relation"] == "equivalent" for r in noted)


def test_gaps_rows_say_the_doubt_is_about_the_commitments_counted_covered() -> None:
    # Reported: every gap row said 'a commitment counted covered may not be', on rows that are not covered.
    args = ["gaps", "uk", "xi-carta-servizi-digitali", "-d", str(FIXTURES / "heldout-languages"), "--format", "csv"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["framework"] == "xi-carta-servizi-digitali"]
    said = "this peer's commitments counted covered, and so not listed"
    assert rows and all(r["caution"].startswith(said) for r in rows)
