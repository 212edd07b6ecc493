from __future__ import annotations

import pytest

from dgcompare.text import detect, fold, words


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


def test_spanish_and_english_meet_through_the_lexicon() -> None:
    assert words("Proteger la privacidad de los usuarios") == words("Protect the privacy of users")
    assert words("Reutilizar los datos abiertos") == words("Reuse open data")


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Colaborar ampliamente", "es"),
        ("Diseñar servicios éticos", "es"),
        ("Integrar la accesibilidad desde el inicio", "es"),  # 'la' (French) and 'el' (Spanish) tie
        ("Hacerlo sencillo e intuitivo", "es"),  # 'hacerlo': a stopword with a pronoun on it
        ("Mantener la atención personal", "es"),  # 'la' is Spanish as well as French
        ("No pedir dos veces lo mismo", "es"),  # 'dos' is a Portuguese marker
        ("Collaborate widely", "en"),
        ("Make new source code open", "en"),
        ("Design ethical services", "en"),
    ],
)
def test_a_title_without_telling_function_words_reads_in_the_language_whose_lexicon_knows_it(
    title: str, language: str
) -> None:
    assert detect(title) == language


def test_pronouns_written_onto_a_spanish_verb_are_taken_off_to_find_it() -> None:
    assert words("reutilizarlos y adaptarlas", language="es") == words("reuse and adapt", language="en")
    assert words("hacerlo", language="es") == ()  # 'hacer' is a stopword
    assert words("perla", language="es") == ("perla",)  # not a verb of the lexicon: left whole
