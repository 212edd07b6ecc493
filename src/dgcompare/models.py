"""The catalog's data model: jurisdictions, frameworks, principles and themes.

These Pydantic models *are* the catalog file format: a YAML file validates against
:class:`CatalogFile`, the theme taxonomy against :class:`Taxonomy`. Models are frozen and do no I/O;
`catalog.py` reads files and turns validation failures into located problems.
"""

# No postponed annotations here: Pydantic would evaluate every field's annotation string again on
# every start.
import datetime
import difflib
import functools
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from dgcompare.errors import UnknownTokenError
from dgcompare.i18n import plural

PYTHON_SOURCE = "<python>"
"""Where a crosswalk built in Python, not read from a file, comes from (see :attr:`Catalog.crosswalk_sources`)."""
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EARLIEST_YEAR = 1950
LATEST_YEAR_DEFAULT = 2100
"""Upper bound when no ``latest_year`` validation context is given (``catalog.py`` passes next year)."""


def _check_year(year: int, info: ValidationInfo) -> int:
    latest = (info.context or {}).get("latest_year", LATEST_YEAR_DEFAULT)
    if not EARLIEST_YEAR <= year <= latest:
        raise ValueError(f"{year} is not a plausible year; expected {EARLIEST_YEAR} to {latest}")
    return year


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or any(c.isspace() for c in url):
        raise ValueError(f"{url!r} is not a web address; expected one starting with https://")
    return url


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (tab and newline excepted) and bidirectional overrides."""


def _check_printable(text: str) -> str:
    # Catalog text reaches terminals and spreadsheets; an escape sequence or a bidi override could
    # rewrite what the reader sees, so they are refused rather than silently dropped.
    found = _UNPRINTABLE.search(text)
    if found:
        raise ValueError(f"contains the control character U+{ord(found.group()):04X} at position {found.start() + 1}")
    return text


Slug = Annotated[StrictStr, Field(pattern=SLUG_PATTERN, max_length=64)]
Year = Annotated[StrictInt, AfterValidator(_check_year)]
Url = Annotated[StrictStr, Field(max_length=2000), AfterValidator(_check_url)]
Title = Annotated[StrictStr, Field(min_length=1, max_length=400), AfterValidator(_check_printable)]
Text = Annotated[StrictStr, Field(min_length=1, max_length=3000), AfterValidator(_check_printable)]
Number = Annotated[StrictInt, Field(ge=1, le=9999)]
_TWO_LETTER = {
    # ISO 639-2 codes (bibliographic and terminology forms) of languages that have an ISO 639-1 code: the catalog, the
    # word lists and --lang know a language by the latter, so 'deu' would read as a language nothing reads.
    **dict.fromkeys(("deu", "ger"), "de"),
    **dict.fromkeys(("fra", "fre"), "fr"),
    **dict.fromkeys(("nld", "dut"), "nl"),
    **dict.fromkeys(("ces", "cze"), "cs"),
    **dict.fromkeys(("ell", "gre"), "el"),
    **dict.fromkeys(("ron", "rum"), "ro"),
    **dict.fromkeys(("slk", "slo"), "sk"),
    **dict.fromkeys(("isl", "ice"), "is"),
    **dict.fromkeys(("zho", "chi"), "zh"),
    **dict.fromkeys(("eus", "baq"), "eu"),
    **dict.fromkeys(("cym", "wel"), "cy"),
    **dict.fromkeys(("mri", "mao"), "mi"),
    **dict.fromkeys(("msa", "may"), "ms"),
    **dict.fromkeys(("nob", "nor"), "nb"),
    "eng": "en",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "dan": "da",
    "swe": "sv",
    "fin": "fi",
    "est": "et",
    "pol": "pl",
    "hun": "hu",
    "slv": "sl",
    "lit": "lt",
    "lav": "lv",
    "bul": "bg",
    "hrv": "hr",
    "mlt": "mt",
    "gle": "ga",
    "cat": "ca",
    "glg": "gl",
    "jpn": "ja",
    "kor": "ko",
    "ara": "ar",
    "heb": "he",
    "tur": "tr",
    "rus": "ru",
    "ukr": "uk",
    "hin": "hi",
    "ind": "id",
    "vie": "vi",
    "tha": "th",
    "nno": "nn",
}


def _check_language(code: str) -> str:
    two = _TWO_LETTER.get(code)
    if two is not None:
        raise ValueError(f"{code!r} is a three-letter ISO 639-2 code; write the two-letter ISO 639-1 code {two!r}")
    return code


Language = Annotated[StrictStr, Field(pattern=r"^[a-z]{2,3}$"), AfterValidator(_check_language)]
"""An ISO 639 language code in lower case: ``en``, ``fr``, ``de``, ``nb``; three letters only for a language
that has no two-letter code."""
Status = Literal["current", "superseded", "withdrawn", "draft"]
FrameworkKind = Literal[
    "service-standard",
    "design-principles",
    "technology-principles",
    "legislation-principles",
    "strategy-principles",
    "declaration",
    "recommendation",
    "charter",
]
"""What sort of text a framework is; the README's file-format section gives each one's meaning.

Closed on purpose: reports choose a framework's peers by kind, which an open vocabulary would scatter.
"""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)


def _legacy_french(data: object) -> object:
    """Files written before per-language fields say ``title_fr``/``summary_fr``: read them as ``titles.fr``."""
    if not isinstance(data, dict) or not ({"title_fr", "summary_fr"} & data.keys()):
        return data
    data = dict(data)
    for old, new in (("title_fr", "titles"), ("summary_fr", "summaries")):
        if old in data:
            value = data.pop(old)
            if value is not None:
                data[new] = {"fr": value, **(data.get(new) or {})}
    return data


class Principle(_Model):
    """One numbered principle, criterion, point or play of a framework.

    ``title`` is the official wording, verbatim, in the framework's ``language``; ``titles`` holds it in other
    languages (official or ours, as the framework's ``official_translations`` says). ``summary`` is ours, in
    English; ``summaries`` holds it in other languages.
    """

    number: Number
    title: Title
    titles: dict[Language, Title] = {}
    summary: Text | None = None
    summaries: dict[Language, Text] = {}
    themes: tuple[Slug, ...] = ()
    url: Url | None = None
    note: Text | None = None

    _legacy = model_validator(mode="before")(_legacy_french)

    def __hash__(self) -> int:  # the dict fields are not hashable; equal principles share number and title
        return hash((self.number, self.title))

    def __repr__(self) -> str:
        return f"<Principle {self.number}: {_short(self.title)}>"

    @property
    def english_title(self) -> str:
        """The title in English, ours where the official wording is in another language: what the matcher reads."""
        return self.titles.get("en", self.title)


class Omission(_Model):
    """A numbered item deliberately left out of the catalog, and why."""

    number: Number
    reason: Text


class Framework(_Model):
    """A published principle set: a standard, a set of design principles, a declaration."""

    id: Slug
    language: Language = "en"
    """The language of the official text: ``title`` and every principle's ``title`` are verbatim in it."""
    title: Title
    titles: dict[Language, Title] = {}
    official_translations: tuple[Language, ...] = ()
    """The languages of ``titles`` (here and in the principles) that the publisher issued itself; the others
    are our renderings, which every report marks unofficial."""
    publisher: Title
    publisher_fr: Title | None = None
    """The publisher's own French name, where it has one (a bilingual administration): French reports cite it."""
    adopted: Year | None
    """The year the text was adopted or published; None only with ``undated``."""
    undated: Text | None = None
    """Why there is no year, where ``adopted`` is None (e.g. a living web page that never states one)."""
    first_published: Year | None = None
    edition: Text | None = None
    url: Url
    url_fr: Url | None = None
    licence: Text | None = None
    status: Status = "current"
    kind: FrameworkKind | None = None
    """What sort of text it is; None when its file does not say (every built-in framework says)."""
    superseded_by: Slug | None = None
    default: StrictBool = False
    item_name: Annotated[StrictStr, Field(min_length=1, max_length=40)] = "principle"
    numbering: Literal["official", "source-order"] = "official"
    """``source-order`` where the source does not number its items: the numbers are ours, in its order."""
    notes: tuple[Text, ...] = ()
    omitted: tuple[Omission, ...] = ()
    principles: tuple[Principle, ...] = Field(min_length=1, max_length=500)

    _legacy = model_validator(mode="before")(_legacy_french)

    @model_validator(mode="after")
    def _consistent(self) -> "Framework":
        if self.adopted is None and self.undated is None:
            raise ValueError("has no year: give 'adopted', or say in 'undated' why the text has none")
        if self.adopted is not None and self.undated is not None:
            raise ValueError("has both 'adopted' and 'undated': keep the year and remove 'undated'")
        for code in (*self.titles, *self.official_translations):
            if code == self.language:
                raise ValueError(f"lists its own language '{code}' among its translations: 'title' is already in it")
        for p in self.principles:
            if self.language in p.titles:
                raise ValueError(
                    f"{self.item_name} {p.number} has a '{self.language}' entry in 'titles', but '{self.language}' "
                    "is the framework's language: the official wording goes in 'title'"
                )
        return self

    def __hash__(self) -> int:  # the dict fields are not hashable; equal frameworks share their id
        return hash(self.id)

    def __repr__(self) -> str:
        year = self.adopted or "n.d."
        return f"<Framework {self.id}: {_short(self.title)} ({year}), {_count(len(self.principles), self.item_name)}>"

    def principle(self, number: int) -> Principle | None:
        """The principle with this number, if there is one."""
        return next((p for p in self.principles if p.number == number), None)

    def is_official(self, language: str) -> bool:
        """True when the publisher issued the text in ``language``: its own or an official translation."""
        return language == self.language or language in self.official_translations


class EgovRank(_Model):
    """A jurisdiction's rank in one edition of the UN E-Government Development Index."""

    year: Year
    rank: Number
    source: Url


class Jurisdiction(_Model):
    """The ``jurisdiction:`` block of a catalog file."""

    code: Slug
    name: Title
    name_fr: Title | None = None
    aliases: tuple[Slug, ...] = ()
    parent: Slug | None = None
    un_member_state: StrictBool = True
    """False for an organisation or a region: the UN E-Government Survey ranks only the 193 Member States."""
    egov_ranks: tuple[EgovRank, ...] = ()

    @field_validator("egov_ranks")
    @classmethod
    def _ranks_consistent(cls, ranks: tuple[EgovRank, ...], info: ValidationInfo) -> tuple[EgovRank, ...]:
        # Declared after un_member_state, so that the error points at the ranks.
        if ranks and info.data.get("un_member_state") is False:
            raise ValueError(
                "the UN E-Government Survey ranks only Member States, and this jurisdiction says un_member_state: "
                "false: remove the ranks or that line"
            )
        years = [r.year for r in ranks]
        twice = sorted({y for y in years if years.count(y) > 1})
        if twice:
            raise ValueError(f"gives two ranks for the {twice[0]} survey: keep the one its source states")
        return ranks

    def name_in(self, lang: str) -> str | None:
        """The name in ``lang``, or None where that language is missing."""
        return self.name_fr if lang == "fr" else self.name

    def __repr__(self) -> str:
        return f"<Jurisdiction {self.code}: {self.name}>"


class CatalogFile(_Model):
    """One catalog file: a jurisdiction and its frameworks."""

    jurisdiction: Jurisdiction
    frameworks: tuple[Framework, ...] = Field(min_length=1, max_length=200)

    @property
    def default_framework(self) -> Framework:
        """The framework marked ``default: true``, else the first one listed."""
        return next((f for f in self.frameworks if f.default), self.frameworks[0])

    def __repr__(self) -> str:
        j = self.jurisdiction
        return f"<Jurisdiction {j.code}: {j.name}, {_count(len(self.frameworks), 'framework')}>"


class Theme(_Model):
    """A theme of digital government, with the words that signal it in English and French."""

    id: Slug
    label: Title
    label_fr: Title
    description: Text
    description_fr: Text
    keywords: tuple[Annotated[StrictStr, Field(min_length=1, max_length=80)], ...] = Field(min_length=1)
    keywords_fr: tuple[Annotated[StrictStr, Field(min_length=1, max_length=80)], ...] = Field(min_length=1)
    related: tuple[Slug, ...] = ()
    """Themes whose commitments go with this one's (code is opened so that others can reuse it); both ways."""

    def label_in(self, lang: str) -> str:
        """The label in ``lang``."""
        return self.label_fr if lang == "fr" else self.label


class Taxonomy(_Model):
    """The theme taxonomy file (``data/themes.yaml``)."""

    themes: tuple[Theme, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _links_resolve(self) -> "Taxonomy":
        ids = {t.id for t in self.themes}
        for theme in self.themes:
            for other in theme.related:
                if other not in ids or other == theme.id:
                    raise ValueError(f"theme {theme.id} is related to {other!r}, which is not another theme")
        return self


@dataclass(frozen=True)
class Catalog:
    """The active catalog: validated files, where each came from, and the theme taxonomy.

    Built by :func:`dgcompare.catalog.load_catalog`, which guarantees that jurisdiction codes, aliases
    and framework ids are unique and every reference between them resolves.
    """

    files: tuple[CatalogFile, ...]
    taxonomy: Taxonomy
    sources: Mapping[str, str] = field(default_factory=dict)
    """Jurisdiction code -> the file it was loaded from."""
    crosswalks: tuple["CrosswalkFile", ...] = ()
    """Curated crosswalks between frameworks of this catalog."""
    crosswalk_sources: tuple[str, ...] = ()
    """Where each of :attr:`crosswalks` was loaded from, in the same order: the file as the catalog names it
    (``<built-in>/crosswalks/uk--au.yaml``, or the path given), ``<python>`` for one built in Python."""
    themes: dict[str, Theme] = field(init=False, compare=False, repr=False)
    """Themes by id, in taxonomy order."""
    _jurisdictions: dict[str, CatalogFile] = field(init=False, compare=False, repr=False)
    _frameworks: dict[str, tuple[CatalogFile, Framework]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.crosswalk_sources) > len(self.crosswalks):
            raise ValueError("more crosswalk sources than crosswalks")
        # A catalog assembled in Python may leave its crosswalks' origins out: they were built in Python.
        missing = len(self.crosswalks) - len(self.crosswalk_sources)
        object.__setattr__(self, "crosswalk_sources", (*self.crosswalk_sources, *[PYTHON_SOURCE] * missing))
        by_code: dict[str, CatalogFile] = {}
        for entry in self.files:
            by_code[entry.jurisdiction.code] = entry
            for alias in entry.jurisdiction.aliases:
                by_code.setdefault(alias, entry)
        # Lookup tables of the catalog's own content, built with it; the catalog stays frozen.
        object.__setattr__(self, "_jurisdictions", by_code)
        object.__setattr__(self, "_frameworks", {f.id: (e, f) for e in self.files for f in e.frameworks})
        object.__setattr__(self, "themes", {t.id: t for t in self.taxonomy.themes})

    def jurisdiction(self, code: str) -> CatalogFile | None:
        """The jurisdiction with this code or alias."""
        return self._jurisdictions.get(code)

    def framework(self, framework_id: str) -> Framework | None:
        """The framework with this id."""
        found = self._frameworks.get(framework_id)
        return found[1] if found else None

    def jurisdiction_of(self, framework_id: str) -> CatalogFile:
        """The jurisdiction a (known) framework belongs to."""
        return self._frameworks[framework_id][0]

    def frameworks(self) -> Iterator[Framework]:
        """Every framework, jurisdiction by jurisdiction."""
        for entry in self.files:
            yield from entry.frameworks

    def defaults(self) -> list[Framework]:
        """Each jurisdiction's default framework, in catalog order."""
        return [entry.default_framework for entry in self.files]

    def of_kind(self, kind: str | None, *, besides: str | None = None) -> list[Framework]:
        """One framework of ``kind`` per jurisdiction (other than ``besides``), in catalog order: like for like.

        A jurisdiction's default when it is of that kind, else its first current framework of that kind;
        jurisdictions without one are left out. With no kind, every jurisdiction's default.
        """
        found = []
        for entry in self.files:
            if entry.jurisdiction.code == besides:
                continue
            default = entry.default_framework
            if kind is None or default.kind == kind:
                found.append(default)
                continue
            same = [f for f in entry.frameworks if f.kind == kind]
            current = [f for f in same if f.status == "current"]
            if current or same:
                found.append((current or same)[0])
        return found

    def names(self) -> list[str]:
        """Every jurisdiction code, alias and framework id: what a command-line token may be."""
        return [*self._jurisdictions, *self._frameworks]

    def curated(self) -> Iterator[tuple["CrosswalkFile", str]]:
        """Every crosswalk with the file it came from (see :attr:`crosswalk_sources`), in catalog order."""
        yield from zip(self.crosswalks, self.crosswalk_sources, strict=True)

    @functools.cached_property
    def fingerprint(self) -> str:
        """A stable hash of the catalog's content: its jurisdictions and frameworks, themes and crosswalks.

        The same data gives the same fingerprint, wherever its files are and however they were read (through
        the cache or not); any edit to a title, a number, a theme or a mapping gives another. A result records
        it, so that a table in a paper can be traced to the data it was made from. SHA-256, in hexadecimal.
        """
        content = {
            "files": [entry.model_dump(mode="json") for entry in self.files],
            "taxonomy": self.taxonomy.model_dump(mode="json"),
            "crosswalks": [crosswalk.model_dump(mode="json") for crosswalk in self.crosswalks],
        }
        text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def with_frameworks(self, *frameworks: Framework, jurisdiction: "str | Jurisdiction") -> "Catalog":
        """A new catalog with ``frameworks`` added to ``jurisdiction``, checked as if they came from a file.

        Args:
            frameworks: frameworks built in Python (see :func:`dgcompare.catalog.framework_from`).
            jurisdiction: the code of a jurisdiction of this catalog, or a new :class:`Jurisdiction`.

        Raises:
            CatalogError: the frameworks clash with the catalog (a framework id already used, an unknown theme,
                an unknown successor...), or ``jurisdiction`` is unknown; every problem at once.
        """
        from dgcompare.catalog import extended

        return extended(self, frameworks=frameworks, jurisdiction=jurisdiction)

    def with_crosswalks(self, *crosswalks: "CrosswalkFile") -> "Catalog":
        """A new catalog with ``crosswalks`` added after its own, checked as if they came from files.

        Like a user's file, a crosswalk added here may remap a pair a built-in crosswalk maps, and counts over it.

        Raises:
            CatalogError: a crosswalk names an unknown framework or number, or maps a pair another maps.
        """
        from dgcompare.catalog import extended

        return extended(self, crosswalks=crosswalks)

    def __repr__(self) -> str:
        principles = sum(len(f.principles) for f in self.frameworks())
        counts = (
            _count(len(self.files), "jurisdiction"),
            _count(len(self._frameworks), "framework"),
            _count(principles, "principle"),
            _count(len(self.crosswalks), "crosswalk"),
        )
        return f"<Catalog: {', '.join(counts)}>"


NOT_IN_CATALOG = "it is not in the catalog: catalog.names() lists what is; load_catalog(DIR) adds your own"
"""The hint for a token close to no name, for a library caller (the command line gives its own)."""


def resolve_token(catalog: Catalog, token: str, *, not_found: str = NOT_IN_CATALOG) -> Framework:
    """The framework a token names: a jurisdiction code or alias (its default), an id, or a name.

    A jurisdiction's name in English or French (``canada``, ``Royaume-Uni``, ``new zealand``) selects it too,
    whatever its case, accents, spaces or hyphens. ``not_found`` is the hint when no name is close.

    Raises:
        UnknownTokenError: the token names nothing; the message suggests the closest names.
    """
    key = token.strip().lower()
    entry = catalog.jurisdiction(key)
    if entry is not None:
        return entry.default_framework
    framework = catalog.framework(key)
    if framework is not None:
        return framework
    named = _by_name(catalog).get(_name_key(key))
    if named is not None:
        return named.default_framework
    name, colon, number = key.rpartition(":")
    if colon and number.isdigit() and (catalog.jurisdiction(name) or catalog.framework(name)):
        raise UnknownTokenError(f"'{token}' names a principle, but a framework is expected here", hint=f"write {name}")
    raise UnknownTokenError(f"'{token}' is not a jurisdiction or framework", hint=_suggestion(key, catalog, not_found))


def resolve_kind(value: str | None) -> FrameworkKind | None:
    """A kind of framework checked against the closed list (None stays None: no kind asked for).

    Raises:
        InputError: not a kind; the hint suggests the closest, or lists them.
    """
    from typing import get_args

    from dgcompare.errors import InputError

    kinds: tuple[FrameworkKind, ...] = get_args(FrameworkKind)
    if value is None:
        return None
    found = next((kind for kind in kinds if kind == value), None)
    if found is not None:
        return found
    close = difflib.get_close_matches(value, kinds, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "the kinds are " + ", ".join(kinds)
    raise InputError(f"'{value}' is not a kind of framework", hint=hint)


def resolve_theme(catalog: Catalog, token: str) -> Theme:
    """The theme a token names: its id, its English or French label, or words of only one label ('vie privée').

    Case and accents aside; words are whole ('interopérabilité' names 'Interopérabilité (technique, ...)').

    Raises:
        UnknownTokenError: the token names no theme, or words of several; the message suggests the closest.
    """
    key = _name_key(token)
    themes = catalog.taxonomy.themes
    for theme in themes:
        if key in (theme.id, _name_key(theme.label), _name_key(theme.label_fr)):
            return theme

    def names(theme: Theme) -> tuple[str, ...]:
        return theme.id, _name_key(theme.label), _name_key(theme.label_fr)

    # Long labels are typed in part: a run of whole words of one label is enough.
    holding = [t for t in themes if key and any(f"-{key}-" in f"-{name}-" for name in names(t))]
    if len(holding) == 1:
        return holding[0]
    if holding:
        raise UnknownTokenError(
            f"'{token}' names words of several themes",
            hint="did you mean " + " or ".join(f"'{t.id}' ({t.label})" for t in holding[:4]) + "?",
        )
    # The closest by any of its names, in either language, suggested by id.
    by_name = {name: t.id for t in themes for name in names(t)}
    close = dict.fromkeys(by_name[c] for c in difflib.get_close_matches(key, by_name, n=6, cutoff=0.6))
    hint = (
        ("did you mean " + " or ".join(f"'{c}'" for c in list(close)[:3]) + "?")
        if close
        else "the themes are " + ", ".join(t.id for t in themes)
    )
    raise UnknownTokenError(f"'{token}' is not a theme", hint=hint)


def resolve_principle(catalog: Catalog, token: str, *, not_found: str = NOT_IN_CATALOG) -> tuple[Framework, Principle]:
    """The principle a ``FRAMEWORK:N`` token names (e.g. ``ca:1``, ``au-dss-v1:8``).

    ``not_found`` is the hint when the framework is close to no name.

    Raises:
        UnknownTokenError: the token is not of that form, or the framework or the number does not exist.
    """
    name, colon, number = token.rpartition(":") if ":" in token else (token, "", "")
    if not name.strip():
        missing = "a framework before the colon" if colon else "a framework and a number"
        raise UnknownTokenError(f"'{token}' lacks {missing}: expected the form A:N", hint=f"e.g. uk:{number or 1}")
    framework = resolve_token(catalog, name, not_found=not_found)
    numbers = ", ".join(str(p.number) for p in framework.principles)
    if not colon:
        raise UnknownTokenError(
            f"'{token}' lacks a {framework.item_name} number: expected the form A:N, e.g. "
            f"{token}:{framework.principles[0].number}",
            hint=f"{framework.id}'s numbers are {numbers}",
        )
    principle = framework.principle(int(number)) if number.isdigit() else None
    left_out = next((o for o in framework.omitted if number.isdigit() and o.number == int(number)), None)
    if left_out is not None:
        # Not absent from the framework, only from the catalog: the reader must not conclude otherwise.
        raise UnknownTokenError(
            f"'{token}': {framework.item_name} {number} of {framework.id} exists but is not in the catalog: "
            f"{left_out.reason}",
            hint=f"the numbers in the catalog are {numbers}",
        )
    if principle is None:
        raise UnknownTokenError(
            f"'{token}': {framework.id} has no {framework.item_name} {number!r}",
            hint=f"its numbers are {numbers}",
        )
    return framework, principle


def _name_key(name: str) -> str:
    """A name as typed or as written: ``États-Unis``, ``etats unis`` and ``ETATS_UNIS`` are one key."""
    import unicodedata  # here rather than at the top: only a name lookup needs it

    bare = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", bare))


def _by_name(catalog: Catalog) -> dict[str, CatalogFile]:
    """Each jurisdiction by its English and French names; a code or id never gives way to a name."""
    found: dict[str, CatalogFile] = {}
    for entry in catalog.files:
        for name in (entry.jurisdiction.name, entry.jurisdiction.name_fr):
            if name:
                found.setdefault(_name_key(name), entry)
    return found


def _suggestion(key: str, catalog: Catalog, not_found: str) -> str:
    # Every code, alias, id and name is a candidate; each is shown once for what it selects.
    candidates: dict[str, tuple[str, str]] = {}
    for name in catalog.names():
        entry = catalog.jurisdiction(name)
        candidates[name] = (f"'{name}'", entry.jurisdiction.code if entry else name)
    for name, entry in _by_name(catalog).items():
        code = entry.jurisdiction.code
        candidates.setdefault(name, (f"'{code}' ({entry.jurisdiction.name})", code))
    wanted = _name_key(key) or key
    close = difflib.get_close_matches(wanted, candidates, n=3, cutoff=0.6)
    # Short codes a letter apart are mostly other countries ('ua' is not 'usa'): suggest one only for a letter
    # too many or too few at the end, the typo it is likely to be ('ukk').
    close = [c for c in close if len(wanted) > 3 or len(c) > 3 or c.startswith(wanted) or wanted.startswith(c)]
    shown: dict[str, str] = {}
    for c in close:
        shown.setdefault(candidates[c][1], candidates[c][0])  # the closest stands for what it selects
    if shown:
        return "did you mean " + " or ".join(shown.values()) + "?"
    return not_found


def _short(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut: a repr stays on one line."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _count(count: int, noun: str) -> str:
    return f"{count} {plural(noun, count)}"


Relationship = Literal["equal", "subset", "superset", "intersects", "not_related"]


class CrosswalkHeader(_Model):
    """Which two frameworks a crosswalk maps, and who made it how."""

    source: Slug
    target: Slug
    title: Title | None = None
    author: Title | None = None
    date: datetime.date | None = None
    method: Text | None = None
    reference: Url | None = None
    exhaustive: StrictBool = False
    """True when every pair worth recording is recorded, so that unlisted pairs are not related."""


class CrosswalkMapping(_Model):
    """One curated relationship between a source principle and a target principle (NIST IR 8477 style)."""

    source: Number
    source_title: Title | None = None
    """The source principle's title, in its framework's official wording: for a reader, and checked by ``validate``
    (a title that is not that of the principle numbered catches a slip in the number or in the header)."""
    target: Number
    target_title: Title | None = None
    """The target principle's title, as ``source_title``."""
    relationship: Relationship
    rationale: Literal["syntactic", "semantic", "functional"]
    strength: Annotated[StrictInt, Field(ge=0, le=10)]
    explanation: Text
    status: Literal["confirmed", "suggested"] = "confirmed"
    """``confirmed`` when not given: a mapping a person wrote is taken as reviewed; drafts say ``suggested``."""
    reference: Url | None = None

    @model_validator(mode="after")
    def _strength_fits(self) -> "CrosswalkMapping":
        if self.relationship == "not_related" and self.strength != 0:
            raise ValueError(
                f"is not_related with strength {self.strength}: a pair with no relationship has strength 0"
            )
        return self


class CrosswalkFile(_Model):
    """A crosswalk file (``data/crosswalks/*.yaml``)."""

    crosswalk: CrosswalkHeader
    mappings: tuple[CrosswalkMapping, ...] = ()

    def __repr__(self) -> str:
        header, suggested = self.crosswalk, sum(m.status == "suggested" for m in self.mappings)
        counts = _count(len(self.mappings), "mapping") + (f", {suggested} suggested" if suggested else "")
        return f"<Crosswalk {header.source} -> {header.target}: {counts}>"
