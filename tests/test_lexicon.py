from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dgcompare import lexicon
from dgcompare.errors import LexiconError, Problem
from dgcompare.text import words


def problems_of(tmp_path: Path, text: str, *, concepts: bool = True) -> list[Problem]:
    path = tmp_path / "xx.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        lexicon.read(path, concepts=concepts)
    assert all(p.path == str(path) for p in caught.value.problems)
    return list(caught.value.problems)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize("path", [Path(p) for p in lexicon.FILES], ids=lambda p: p.name)
def test_shipped_lexicon_loads_without_a_problem(path: Path) -> None:
    loaded = lexicon.read(path, concepts=path.name == "en.txt")
    assert loaded.stopwords and loaded.terms and loaded.phrases.replacements


@pytest.mark.parametrize("path", [Path(p) for p in lexicon.FILES], ids=lambda p: p.name)
def test_the_fast_path_reads_the_shipped_files_as_the_line_by_line_reader_does(path: Path) -> None:
    text, concepts = path.read_text(encoding="utf-8"), path.name == "en.txt"
    quick, slow = lexicon._quick(text, concepts), lexicon._Reader(str(path), concepts).read(text)
    assert quick is not None, "a shipped file should never need the slow reader"
    assert (quick.stopwords, quick.terms, quick.phrases.replacements, quick.collocations) == (
        slow.stopwords,
        slow.terms,
        slow.phrases.replacements,
        slow.collocations,
    )


def test_shipped_lexicon_keeps_the_resolved_entries() -> None:
    english, french = lexicon.english(), lexicon.french()
    assert english.terms["everyone"] == "inclusion"
    assert "include" in english.stopwords and "include" not in english.terms
    assert french.terms["coeur"] == "centre" and "ur" not in french.terms
    assert french.terms["langues"] == "languages"


def test_a_word_under_two_terms_is_refused_with_both_lines(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, "[terms]\nuser: users, everyone\n\ninclusion: inclusive, everyone\n"))
    assert (problem.line, problem.column, problem.field, problem.code) == (4, 23, "everyone", "two-terms")
    assert "'user' at line 2" in problem.message and problem.fix


@pytest.mark.parametrize(
    "text",
    ["[stopwords]\nthe, include\n[terms]\ninclusion: include\n", "[terms]\ninclusion: include\n[stopwords]\ninclude\n"],
    ids=["stopword-first", "term-first"],
)
def test_a_stopword_that_is_also_a_terms_word_is_refused_as_dead(tmp_path: Path, text: str) -> None:
    problem = only(problems_of(tmp_path, text))
    assert (problem.line, problem.field, problem.code) == (4, "include", "dead-entry")
    assert "line 2" in problem.message and "[stopwords]" in problem.fix


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("[stopwords]\nacross, the,\naround, across\n", 3, 9),
        ("[terms]\nuser: users\nuser: citizens, users\n", 3, 17),
    ],
    ids=["stopword", "term"],
)
def test_a_word_listed_twice_is_refused(tmp_path: Path, text: str, line: int, column: int) -> None:
    problem = only(problems_of(tmp_path, text))
    assert (problem.line, problem.column, problem.code) == (line, column, "duplicate")


def test_a_phrase_rewritten_two_ways_or_twice_is_refused(tmp_path: Path) -> None:
    text = "[phrases]\nno one -> nobody\nno one -> everyone\nred tape -> red-tape\nred tape -> red-tape\n"
    found = {(p.line, p.code) for p in problems_of(tmp_path, text)}
    assert found == {(3, "two-terms"), (5, "duplicate")}


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[terms]\ncentre: cœur\n", "cœur"),
        ("[terms]\nuser: Citizens\n", "Citizens"),
        ("[terms]\nprivacy data: gdpr\n", "privacy data"),
        ("[phrases]\nVie privée -> privacy\n", "Vie privée"),
    ],
)
def test_an_entry_not_in_folded_form_is_refused_because_no_text_can_reach_it(
    tmp_path: Path, text: str, field: str
) -> None:
    problem = only(problems_of(tmp_path, text))
    assert (problem.line, problem.field, problem.code) == (2, field, "not-a-word")
    assert "fold()" in problem.fix


def test_entries_the_tokenizer_never_produces_are_refused(tmp_path: Path) -> None:
    found = {(p.field, p.code) for p in problems_of(tmp_path, "[stopwords]\ne-g\n[terms]\nuser: u\n")}
    assert found == {("e-g", "dead-entry"), ("u", "dead-entry")}


def test_an_english_concept_must_read_as_itself(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, "[terms]\noutcome: results\nsuccess: outcome\n"))
    assert (problem.line, problem.field, problem.code) == (2, "outcome", "concept")
    assert "'success' (line 3)" in problem.message


def test_an_english_concept_must_not_be_a_stopword(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, "[stopwords]\nuse\n[terms]\nuse: utilise\n"))
    assert (problem.line, problem.field, problem.code) == (4, "use", "concept")


def test_a_french_translation_may_be_an_english_stopword_or_another_words_translation(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text("[terms]\nuse: utiliser\nensure: garantir\nmeasure: suivi\nfollow: mesure\n", encoding="utf-8")
    assert lexicon.read(path, concepts=False).terms["utiliser"] == "use"


COLLOCATING = "[terms]\nimprove: improve\ncontinuous: continuously\nfrequent: often\nkaizen: kaizen\n"


def test_a_collocation_makes_one_concept_of_a_head_and_each_modifier(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(COLLOCATING + "[collocations]\nkaizen: improve + continuous, frequent\n", encoding="utf-8")
    for loaded in (lexicon.read(path, concepts=True), lexicon._Reader(str(path), True).read(path.read_text())):
        assert loaded.collocations == {"improve": {"continuous": "kaizen", "frequent": "kaizen"}}


def test_a_collocation_outside_the_english_list_is_refused(tmp_path: Path) -> None:
    text = "[terms]\nimprove: ameliorer\n[collocations]\nkaizen: improve + continuous\n"
    problem = only(problems_of(tmp_path, text, concepts=False))
    assert (problem.line, problem.field, problem.code) == (4, "kaizen", "not-english")
    assert "en.txt" in problem.fix


def test_a_collocation_joins_concepts_only(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, COLLOCATING + "[collocations]\nkaizen: improve + continuously\n"))
    assert (problem.line, problem.column, problem.field, problem.code) == (7, 19, "continuously", "concept")


def test_a_head_and_modifier_joined_twice_are_refused(tmp_path: Path) -> None:
    text = COLLOCATING + "[collocations]\nkaizen: improve + continuous\nfrequent: improve + frequent, continuous\n"
    problem = only(problems_of(tmp_path, text))
    assert (problem.line, problem.column, problem.field, problem.code) == (8, 31, "continuous", "two-terms")
    assert "'kaizen' too (line 7)" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("the, a\n", 1, 1),
        ("[stopword]\nthe\n", 1, 1),
        ("[terms]\n  user users\n", 2, 3),
        ("[phrases]\nno one = nobody\n", 2, 1),
        ("[stopwords]\nthe, , a\n", 2, 6),
        ("[collocations]\n kaizen: improve continuous\n", 2, 2),
    ],
    ids=["before-section", "unknown-section", "no-colon", "no-arrow", "empty-item", "no-plus"],
)
def test_a_malformed_line_is_refused_where_it_is(tmp_path: Path, text: str, line: int, column: int) -> None:
    problem = only(problems_of(tmp_path, text))
    assert (problem.line, problem.column, problem.code) == (line, column, "syntax")


def test_every_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    text = "[terms]\nuser: everyone\ninclusion: everyone\n[stopwords]\nthe, the\n[phrases]\nno one\n"
    problems = problems_of(tmp_path, text)
    assert [p.line for p in problems] == [3, 5, 7]
    path = str(tmp_path / "xx.txt")
    with pytest.raises(LexiconError) as caught:
        lexicon.read(tmp_path / "xx.txt", concepts=True)
    assert f"{path}:3:12: everyone:" in str(caught.value) and f"{path}:7:1:" in str(caught.value)


def test_the_format_allows_comments_continued_lists_and_dropping_phrases(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    text = (
        "# header\n[stopwords]\nthe, a,  # articles\nof\n"
        "[terms]\nuser: users, citizens\nuser: residents\n"
        "[phrases]\nas far as possible ->\nno one -> nobody\n"
    )
    path.write_text(text, encoding="utf-8")
    loaded = lexicon.read(path, concepts=True)
    assert loaded.stopwords == {"the", "a", "of"}
    assert loaded.terms == {"users": "user", "citizens": "user", "residents": "user"}
    assert loaded.phrases.sub("serve no one as far as possible today") == "serve nobody   today"


def test_no_phrases_rewrite_nothing(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("[stopwords]\nthe\n", encoding="utf-8")
    assert lexicon.read(path, concepts=True).phrases.sub("the text") == "the text"


def test_an_unreadable_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError) as caught:
        lexicon.read(tmp_path / "missing.txt", concepts=True)
    assert caught.value.problems[0].code == "unreadable"


def test_importing_text_reads_no_word_list_until_words_are_needed() -> None:
    code = (
        "import dgcompare.text as t, dgcompare.lexicon as x; "
        "print(x.of.cache_info().currsize); t.words('users'); print(x.of.cache_info().currsize)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "1"], "English text needs the English list only"


def test_french_and_english_meet_through_the_lexicon() -> None:
    assert words("Protéger la vie privée des usagers") == words("Protect the privacy of users")
