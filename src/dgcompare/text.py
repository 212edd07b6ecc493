"""Turn principle text into comparable terms: normalise, split, translate, fold synonyms, stem.

Governments say the same thing in different words ("users", "citizens", "the public"; "secure",
"safeguard"; "utilisateurs", "usagers"). Every text, in any language read, is reduced to the same English
concept terms so that the matcher compares meanings rather than spellings. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from dgcompare import lexicon

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ELISION = re.compile(
    r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu"  # French
    r"|dell|all|dall|nell|sull|coll|un|quest|quell|tutt)'"  # Italian
)
_MARKERS = {
    code: frozenset(markers.split())
    for code, markers in {
        "en": "the and for with to of that is your are by it",
        "fr": "le la les des du et pour avec une aux dans sur est",
        "es": "el la lo los las del y para con una por que se al su sus es sin muy cuando donde mediante tambien",
        "pt": "os dos das para com uma em na ao aos pelo pela pelos pelas nao sao que por sem seu seus suas",
        "it": "il i gli della delle dei degli del di per una con nel nella nei negli nelle che sono alla al agli dal"
        " dalla dai sul sulla sui anche ogni piu questo questa questi queste essere tutti tutte cui loro tra senza"
        " gia sia siano devono possono vengono viene hanno affinche perche ed presso tramite",
        "de": "der die das und fur mit ein eine zu von den dem ist nicht auf werden",
    }.items()
}
"""Function words that tell one language from the others; most shared ones ('de', 'e') are left out."""
_LETTERS = {"fr": "éèêàâçôûùîïœ", "es": "ñáíóú¿¡", "pt": "ãõçáâêô", "it": "àèìòù", "de": "äöüß"}
"""Letters that lean towards a language when its function words leave a tie."""
_COMPOUNDING = frozenset({"de"})
"""Languages that write a compound as one word ('Datenschutzrisiken'): a word their lexicon does not list is
read through its parts."""
_LINKS = ("", "s", "es", "n", "en")
"""The linking letters a compound's first part may end with ('Informations|sicherheit'), tried in this order."""
_PART = 3
"""The shortest part of a compound that is looked up."""
_PRONOUNS = {
    "es": re.compile(r"(?<=\w[aei]r|ndo)(?:se)?(?:l[aeo]s?|nos|se)$"),
    "it": re.compile(r"(?<=\w\w[aei]r|\wndo)(?:glie|me|te|se|ce|ve)?(?:lo|la|li|le|ne|gli|si|ci|vi|mi|ti)$"),
}
"""Pronouns written onto an infinitive or a gerund: Spanish 'reutilizarlos', Italian 'riutilizzarli',
'utilizzandoli'. The verb is looked up without them when the word list lacks the whole word."""


_COMBINING = re.compile("[\u0300-\u036f]+")
"""The combining diacritical marks, which NFKD splits off accented letters (a pattern: a third of the time of
``str.translate`` on a whole catalog file)."""

_LIGATURES = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)
"""Lowercase letters that NFKD leaves whole, so that ``cœur`` reads as ``coeur`` rather than ``c`` and ``ur``."""
_LIGATURE = re.compile("[œæßøđðłþı]")


def fold(text: str) -> str:
    """Lowercase, straight apostrophes, no accents, ligatures spelled out: ``Sécurité’s`` -> ``securite's``."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    if text.isascii():
        return text
    if _LIGATURE.search(text):
        text = text.translate(_LIGATURES)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def tokens(text: str) -> tuple[str, ...]:
    """The words of ``text`` as :func:`fold` leaves them, elided French articles dropped.

    ``"L’État, c’est nous"`` -> ``("etat", "est", "nous")``: the spellings that :func:`words` starts from, before
    any word is dropped or translated.
    """
    return tuple(_WORD.findall(_ELISION.sub(" ", fold(text))))


def is_stopword(word: str) -> bool:
    """True when ``word`` (folded) is a stopword in any language dgcompare reads."""
    return any(word in lexicon.of(code).stopwords for code in lexicon.LANGUAGES)


@lru_cache(maxsize=65536)
def detect(text: str) -> str:
    """The language ``text`` is written in, of :data:`dgcompare.lexicon.LANGUAGES`: English when unsure.

    Counts each language's function words. A language more than one word ahead has it; otherwise the
    languages within one word of the best (English only when it is the best) are told apart by the words
    their lists read (:func:`_known_most`: a title such as ``Colaborar amplamente`` has no function word),
    then by their letters (``ñ``, ``ã``, ``ß``...), and otherwise English wins.
    """
    found = tokens(text)
    seen = Counter(found)
    counts = {code: sum(seen[w] for w in markers if w in seen) for code, markers in _MARKERS.items()}
    best = max(counts.values())
    leaders = [code for code, count in counts.items() if count == best]
    if best == 0:
        close = list(counts)
    else:
        # one function word ahead is no proof ('la', 'le' are French and Italian); English only as the best
        close = [code for code, n in counts.items() if n == best or (n == best - 1 and code != "en")]
    if len(close) == 1:
        return close[0]
    if len(leaders) == 1 and leaders[0] == "en":
        return "en"
    lower = text.lower()
    return _known_most(found, close) or _lettered(lower, close) or close[0]


def _lettered(lower: str, tied: list[str]) -> str | None:
    """The one language of ``tied`` whose letters ``lower`` uses most, if one does."""
    uses = {code: sum(lower.count(c) for c in _LETTERS[code]) for code in tied if code != "en"}
    most = max(uses.values(), default=0)
    found = [code for code, n in uses.items() if n == most]
    return found[0] if most and len(found) == 1 else None


def _known_most(found: tuple[str, ...], close: list[str]) -> str | None:
    """Of the ``close`` languages, the one whose word list reads most of the text's words, if one does.

    A word counts for a language when its list drops it or translates it into another word, and only when
    English's list knows it not ('design', 'privacy' prove nothing). To take a text from English a language
    must read two such words, or more than half the text ('Administrative simplification' stays English).
    """
    en = lexicon.english()
    foreign = [w for w in found if w not in en.terms and w not in en.stopwords]
    hits = {code: sum(_reads(w, lexicon.of(code)) for w in foreign) for code in close if code != "en"}
    most = max(hits.values(), default=0)
    leaders = [code for code, count in hits.items() if count == most]
    if not most or len(leaders) > 1 or ("en" in close and most < 2 and 2 * most <= len(found)):
        return None
    return leaders[0]


def _reads(word: str, own: lexicon.Lexicon) -> bool:
    """Whether ``own`` drops ``word`` or translates it into another word."""
    return word in own.stopwords or own.terms.get(word, word) != word


@lru_cache(maxsize=65536)
def words(text: str, language: str | None = None) -> tuple[str, ...]:
    """The content words of ``text`` as English concept terms, in order (stopwords dropped).

    ``language`` is that of ``text`` (detected when None); words of another language are translated into
    English concepts through its lexicon. In German, a compound the lexicon does not list is read through its
    listed parts (:func:`_compound`). Last, two concepts that make a third together are read as it, whatever
    the language (:func:`_collocated`: 'Regelmäßig iterieren und verbessern' -> iterate, continuous-improvement).
    """
    en = lexicon.english()
    language = language or detect(text)
    # A language without a word list (Dutch, Danish...) is read as English: its loanwords still meet.
    own = lexicon.of(language) if language in lexicon.LANGUAGES[1:] else None
    folded = fold(text)
    if own is not None:
        folded = _ELISION.sub(" ", own.phrases.sub(folded))
    folded = en.phrases.sub(folded)
    out: list[str] = []
    for token in _WORD.findall(folded):
        # A hyphenated word is one concept when the lexicon knows it ("re-use"), else its parts.
        known = "-" not in token or any(token in lexicon.of(code).terms for code in lexicon.LANGUAGES)
        for word in [token] if known else token.split("-"):
            if own is not None:
                if word not in own.terms and language in _PRONOUNS:
                    word = _without_pronouns(word, language, own)
                if word in own.stopwords:
                    continue
                translated = own.terms.get(word)
                parts = _compound(word, language) if translated is None and language in _COMPOUNDING else ()
                if parts:
                    out += [term for term in map(term_of, parts) if term]
                    continue
                word = translated or word
            term = term_of(word)
            if term:
                out.append(term)
    return _collocated(out, en.collocations) if en.collocations else tuple(out)


def _collocated(terms: list[str], collocations: dict[str, dict[str, str]]) -> tuple[str, ...]:
    """``terms`` with each collocation read as its concept: a head with a modifier at most one term away.

    ``[iterate, improve, frequent]`` -> ``[iterate, continuous-improvement]``: the head takes the concept's
    place and the modifier is consumed, the nearer one first, the one before it on a tie.
    """
    out: list[str | None] = list(terms)
    for i, term in enumerate(terms):
        modifiers = collocations.get(term) if out[i] is not None else None
        if not modifiers:
            continue
        for j in (i - 1, i + 1, i - 2, i + 2):
            if 0 <= j < len(out) and (modifier := out[j]) is not None and modifier in modifiers:
                out[i], out[j] = modifiers[modifier], None
                break
    return tuple(t for t in out if t is not None)


_LETTERS_RUN = re.compile(r"[^\W_]+")
"""A run of letters and digits as written, accents and capitals kept: the pieces :func:`spelled` joins."""
_LONGEST_PHRASE = 8
"""Words in the longest phrase of any word list ('avaliacao de impacto sobre a protecao de dados')."""


def spelled(term: str, text: str, language: str) -> str | None:
    """How ``text`` writes the concept ``term``: the shortest run of its words that :func:`words` reads as it.

    The first such run, as written (accents and capitals kept): ``spelled("end2end", "Joined-up services", "en")``
    is ``"Joined-up"``, ``spelled("privacy", "Datenschutz achten", "de")`` is ``"Datenschutz"``. None when no
    run of up to :data:`_LONGEST_PHRASE` words reads as ``term``. ``language`` is the one ``text`` was read in.
    """
    single = _single_words(text, language)
    if term in single:
        return single[term]
    # A phrase ('whole problem', 'open source'): runs of two words and more.
    spans = [found.span() for found in _LETTERS_RUN.finditer(text)]
    for size in range(2, _LONGEST_PHRASE + 1):
        for first in range(len(spans) - size + 1):
            piece = text[spans[first][0] : spans[first + size - 1][1]]
            if term in words(piece, language):
                return piece
    return None


@lru_cache(maxsize=4096)
def _single_words(text: str, language: str) -> Mapping[str, str]:
    """Each concept term that one word of ``text`` reads as, with the first such word as written."""
    found: dict[str, str] = {}
    for run in _LETTERS_RUN.findall(text):
        for term in words(run, language):
            found.setdefault(term, run)
    return MappingProxyType(found)


def _without_pronouns(word: str, language: str, own: lexicon.Lexicon) -> str:
    """``word`` as ``own`` lists it once the pronouns written onto a verb are taken off, else ``word``.

    Spanish 'reutilizarlos' -> 'reutilizar'; Italian 'riutilizzarli' -> 'riutilizzare' (an infinitive gets back
    its final vowel), 'utilizzandoli' -> 'utilizzando'.
    """
    bare, found = _PRONOUNS[language].subn("", word)
    if not found:
        return word
    if language == "it" and bare.endswith("r"):
        bare += "e"
    return bare if bare in own.terms or bare in own.stopwords else word


@lru_cache(maxsize=65536)
def _compound(word: str, language: str) -> tuple[str, ...]:
    """The translations of the parts of a compound that ``language``'s lexicon does not list; () if none reads.

    The last part is the longest listed ending; the part before it is listed, once a linking letter is taken
    off, or is a compound in turn: ``datenschutzrisiken`` -> ``("privacy", "risk")``, ``entscheidungssysteme``
    -> ``("decision", "technology")``. Parts shorter than :data:`_PART` letters are not looked up.
    """
    terms = lexicon.of(language).terms
    for cut in range(_PART, len(word) - _PART + 1):
        last = terms.get(word[cut:])
        if last is None:
            continue
        head = word[:cut]
        for link in _LINKS:
            first = terms.get(head[: len(head) - len(link)]) if head.endswith(link) else None
            if first is not None and cut - len(link) >= _PART:
                return first, last
        before = _compound(head, language)
        if before:
            return (*before, last)
    return ()


@lru_cache(maxsize=65536)
def term_of(word: str) -> str:
    """The concept term for one English word: a synonym's concept, else its stem ('' for a stopword)."""
    en = lexicon.english()
    if word in en.stopwords or len(word) < 2:
        return ""
    concept = en.terms.get(word)
    if concept is not None:
        return concept
    stemmed = stem(word)
    return en.terms.get(stemmed, stemmed)


_SUFFIXES = (
    ("ational", "ate"),
    ("isation", "ize"),
    ("ization", "ize"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ities", ""),
    ("ity", ""),
    ("ingly", ""),
    ("edly", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ness", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: enough to meet 'secure'/'security', 'iterate'/'iterating'."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    return word
