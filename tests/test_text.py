from __future__ import annotations

import pytest

from dgcompare.text import fold, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sécurité’s", "securite's"),
        ("Cœur", "coeur"),
        ("ŒUVRE", "oeuvre"),
        ("Æsthetic", "aesthetic"),
        ("Straße", "strasse"),
        ("Ørsted", "orsted"),
        ("Łódź", "lodz"),
    ],
)
def test_fold_spells_out_letters_that_have_no_accent_to_strip(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_ligature_does_not_split_a_french_word() -> None:
    assert words("placer l'usager au cœur du service") == words("placer l'usager au coeur du service")
    assert words("mise en œuvre", language="fr") == words("mise en oeuvre", language="fr")
    assert words("sœur", language="fr") == ("soeur",)


def test_german_and_english_meet_through_the_lexicon() -> None:
    assert words("Datenschutzrisiken und Barrierefreiheit digitaler Dienste", "de") == words(
        "Privacy risks and accessibility of digital services"
    )
    assert words("Offene Standards nutzen", "de") == words("Use open standards")


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Nutzerbedürfnisse", "user needs"),  # two listed words
        ("Entscheidungssysteme", "decision systems"),  # a linking 's'
        ("Informationssicherheitsrisiken", "security risks"),  # a listed compound, then a word
        ("ressortübergreifend", "departments cross"),
    ],
)
def test_a_german_compound_the_lexicon_does_not_list_is_read_through_its_parts(german: str, english: str) -> None:
    assert words(german, "de") == words(english)


def test_a_word_is_split_only_into_listed_parts_and_only_in_german() -> None:
    assert words("insgesamt", "de") == ("insgesamt",), "'ins' is no listed word: not a compound"
    assert words("Nutzerbedürfnisse", "en") == ("nutzerbedurfniss",)
    assert words("Nutzerbedürfnisse", "fr") == words("Nutzerbedürfnisse", "en")
