"""Shared parts of every report: how results name frameworks and principles, flat tables, records and provenance.

Every report's result is a :class:`Report`: frozen, JSON as its ``model_dump``, a flat table for CSV and
Markdown, typed flat records for a data frame (:meth:`Report.to_records`, :meth:`Report.to_frame`), the
:class:`Provenance` it was made from, a one-line ``repr`` and the view the command line prints (``__rich__``,
``_repr_html_`` in a notebook).
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
import dataclasses
import functools
import importlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, computed_field

from dgcompare import __version__
from dgcompare.errors import InputError
from dgcompare.i18n import decimal, decimal_text, plural, plural_translator, translator
from dgcompare.matcher import Link, MatchConfig, MatcherIndex, PrincipleRef, Relation, Source
from dgcompare.models import Catalog, Framework, FrameworkKind, Principle, Status

if TYPE_CHECKING:
    from rich.console import RenderableType

R = TypeVar("R")


class Translation(BaseModel):
    """A title in a language other than the official text's: the publisher's own, or ours."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    official: bool


class Titled(Protocol):
    """Anything a report names with a title: a framework, a principle, a candidate."""

    @property
    def title(self) -> str:
        """The official wording, verbatim."""

    @property
    def title_language(self) -> str:
        """The language of :attr:`title`."""

    @property
    def title_translations(self) -> Mapping[str, Translation]:
        """The title in other languages."""


def title_translations(framework: Framework, titles: Mapping[str, str]) -> dict[str, Translation]:
    """``titles`` (language -> text) of ``framework`` or one of its principles, each marked official or ours."""
    return {code: Translation(text=text, official=framework.is_official(code)) for code, text in titles.items()}


def fallback_mark(language: str) -> str:
    """The mark after official wording shown in a language other than the reader's: ``[en]``, ``[de]``."""
    return f"[{language}]"


def unofficial_mark(lang: str) -> str:
    """The mark after a title we translated: a reader must never quote it as the official wording."""
    _ = translator(lang)
    return _("[unofficial]")


def shown(item: Titled, lang: str) -> tuple[str, str]:
    """The title a reader of ``lang`` sees, and its mark ('' when it is the official wording in ``lang``).

    The official wording in ``lang``, else a translation into ``lang`` (marked unofficial when it is ours), else
    the official wording in its own language, marked with that language's code.
    """
    if item.title_language == lang:
        return item.title, ""
    translation = item.title_translations.get(lang)
    if translation is not None:
        return translation.text, "" if translation.official else unofficial_mark(lang)
    return item.title, fallback_mark(item.title_language)


def shown_language(item: Titled, lang: str) -> str:
    """The language of the title a reader of ``lang`` sees (:func:`shown`): ``lang`` itself unless it stands in."""
    if item.title_language == lang or lang in item.title_translations:
        return lang
    return item.title_language


def title_fields(item: Titled, lang: str) -> dict[str, Any]:
    """A record's ``title``, ``title_language`` and ``title_official`` for ``item`` in ``lang``.

    The title a reader of ``lang`` sees, without its mark; its language; whether it is the official wording.
    """
    text, mark = shown(item, lang)
    return {
        "title": text,
        "title_language": shown_language(item, lang),
        "title_official": mark != unofficial_mark(lang),
    }


def marked(item: Titled, lang: str) -> str:
    """The title a reader of ``lang`` sees, followed by its mark where it has one."""
    text, mark = shown(item, lang)
    return f"{text} {mark}" if mark else text


def label_in(english: str, french: str | None, lang: str) -> str:
    """A name or label the catalog gives in English and French, in ``lang``; ``[en]`` where French is missing."""
    if lang != "fr":
        return english
    return french or f"{english} {fallback_mark('en')}"


def summary_in(summary: str | None, summaries: Mapping[str, str], lang: str, language: str = "en") -> tuple[str, str]:
    """The summary in ``lang`` and its mark: the language it is in (``[en]``) where it is not ``lang``.

    ``summary`` is in ``language`` (English, ours, in the built-in catalog); ``summaries`` in other languages.
    """
    if lang != language and lang in summaries:
        return summaries[lang], ""
    return summary or "", "" if lang == language or not summary else fallback_mark(language)


def wording_notes(result: object, lang: str) -> tuple[str, ...]:
    """What the marks after the titles of ``result`` mean in ``lang``, one note per kind of mark it shows.

    A framework that states no year adds what "n.d." means.
    """
    titled = list(_titled(result))
    notes = mark_notes({mark for item in titled if (mark := shown(item, lang)[1])}, lang)
    frameworks = [item for item in titled if isinstance(item, FrameworkSummary)]
    ours = sorted({f.id for f in frameworks if f.numbering == "source-order"})
    if ours:
        n_ = plural_translator(lang)
        notes += (
            n_(
                "The numbers of {ids} are ours, in the order of its source, which does not number its items.",
                "The numbers of {ids} are ours, in the order of their sources, which do not number their items.",
                len(ours),
            ).format(ids=", ".join(ours)),
        )
    undated = sorted({f.id for f in frameworks if f.adopted is None})
    if undated:
        _, n_ = translator(lang), plural_translator(lang)
        notes += (
            n_(
                "{nd}: no date; {ids} states no year of adoption (the JSON's undated says why).",
                "{nd}: no date; {ids} state no year of adoption (the JSON's undated says why).",
                len(undated),
            ).format(nd=_("n.d."), ids=", ".join(undated)),
        )
    return notes


def mark_notes(marks: Iterable[str], lang: str) -> tuple[str, ...]:
    """What ``marks`` (shown after titles) mean in ``lang``: one note per kind of mark."""
    marks = set(marks)
    _ = translator(lang)
    notes = []
    if marks - {unofficial_mark(lang)}:
        notes.append(
            _(
                "{marks}: the official wording, in the language of that code; the catalog holds no official "
                "version of this title in the report's language."
            ).format(marks=", ".join(sorted(marks - {unofficial_mark(lang)})))
        )
    if unofficial_mark(lang) in marks:
        notes.append(
            _(
                "{mark}: our translation of a title whose official wording is in another language; do not quote "
                "it as official. --original shows the official wording."
            ).format(mark=unofficial_mark(lang))
        )
    return tuple(notes)


def _titled(value: object) -> Iterator[Titled]:
    """Every titled item within a result (in no particular order)."""
    nested = (BaseModel, tuple, list, dict)
    stack = [value]
    while stack:
        found = stack.pop()
        if isinstance(found, BaseModel):
            if hasattr(found, "title_translations"):
                yield cast(Titled, found)
            stack.extend(v for v in found.__dict__.values() if isinstance(v, nested))
        elif isinstance(found, dict):
            stack.extend(v for v in found.values() if isinstance(v, nested))
        elif isinstance(found, tuple | list):
            stack.extend(v for v in found if isinstance(v, nested))


def official_wording(result: R) -> R:
    """``result`` with our translations of titles left out, so that every title shows its official wording."""
    return cast(R, _official(result))


def _official(value: object) -> object:
    if isinstance(value, BaseModel):
        if isinstance(value, Translation):
            return value
        update = {name: _official(getattr(value, name)) for name in type(value).model_fields}
        if "title_translations" in update:
            translations = cast(Titled, value).title_translations
            update["title_translations"] = {code: t for code, t in translations.items() if t.official}
        return value.model_copy(update=update)
    if isinstance(value, tuple | list):
        return type(value)(_official(v) for v in value)
    if isinstance(value, dict):
        return {key: _official(v) for key, v in value.items()}
    return value


def relation_word(relation: str, lang: str) -> str:
    """A link's relation (``equivalent``, ``related``) as a reader of ``lang`` calls it."""
    _ = translator(lang)
    return {"equivalent": _("equivalent"), "related": _("related")}.get(relation, relation)


def source_word(source: str, lang: str) -> str:
    """Where a link comes from (``curated``, ``inferred``) as a reader of ``lang`` calls it."""
    _ = translator(lang)
    return {"curated": _("curated"), "inferred": _("inferred")}.get(source, source)


def kind_label(kind: str, count: int, lang: str) -> str:
    """A framework kind (``service-standard``) in words, agreeing with ``count``: ``service standards``."""
    n_ = plural_translator(lang)
    words = {
        "service-standard": n_("service standard", "service standards", count),
        "design-principles": n_("design principles", "design principles", count),
        "technology-principles": n_("technology principles", "technology principles", count),
        "legislation-principles": n_("legislation principles", "legislation principles", count),
        "strategy-principles": n_("strategy principles", "strategy principles", count),
        "declaration": n_("declaration", "declarations", count),
        "recommendation": n_("recommendation", "recommendations", count),
        "charter": n_("charter", "charters", count),
    }
    return words.get(kind) or plural(kind.replace("-", " "), count)


def item_word(noun: str, count: int, lang: str) -> str:
    """A framework's name for its items (``criterion``) in ``lang``, agreeing with ``count``: ``critères``.

    An item name the catalogs do not use yet stays in English.
    """
    n_ = plural_translator(lang)
    words = {
        "principle": n_("principle", "principles", count),
        "underlying principle": n_("underlying principle", "underlying principles", count),
        "basic principle": n_("basic principle", "basic principles", count),
        "action area": n_("action area", "action areas", count),
        "criterion": n_("criterion", "criteria", count),
        "point": n_("point", "points", count),
        "play": n_("play", "plays", count),
        "standard": n_("standard", "standards", count),
        "recommendation": n_("recommendation", "recommendations", count),
    }
    return words.get(noun) or plural(noun, count)


def status_word(status: str, lang: str) -> str:
    """A framework's status (``current``, ``superseded``...) in ``lang``."""
    _ = translator(lang)
    words = {"current": _("current"), "superseded": _("superseded"), "withdrawn": _("withdrawn"), "draft": _("draft")}
    return words.get(status, status)


def counted_items(count: int, noun: str, lang: str) -> str:
    """``13 criteria``, ``13 critères``: a count of a framework's items, named as the framework names them."""
    return f"{count} {item_word(noun, count, lang)}"


@dataclass(frozen=True)
class Tabular:
    """A flat table: one header row and rows of plain strings."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numbers: tuple[int, ...] = ()
    """The columns whose cells are numbers written out: a workbook stores them as numbers, not text."""
    row_header: int | None = None
    """The column whose cell names its row (an HTML row header), if one does."""
    languages: tuple[tuple[str, ...], ...] = ()
    """Where given, the language of each cell, row by row ('' for the report's): a document marks text quoted
    in another language so that a screen reader reads it in that language."""
    links: tuple[tuple[int, int], ...] = ()
    """Pairs (text column, address column): a document makes the text a link and leaves the address column out;
    a spreadsheet keeps both."""

    @property
    def wide(self) -> bool:
        """Too many columns for an upright page (address columns fold into links, numbers are narrow)."""
        shown = len(self.header) - len(self.addresses)
        return shown - len(self.numbers) // 2 > 8 or shown > 10

    @property
    def addresses(self) -> frozenset[int]:
        """The address columns a document folds into the links of their text columns."""
        return frozenset(url for _, url in self.links)

    def address_of(self, column: int) -> int | None:
        """The column holding the address of ``column``'s text, if it is a link."""
        return next((url for text, url in self.links if text == column), None)


class Result(BaseModel):
    """Base of every result: frozen, and built only when first used."""

    model_config = ConfigDict(frozen=True, defer_build=True)


RELATION = "how the two principles align: equivalent (the same commitment) or related (an overlapping one)"
SOURCE = "whose word the link is on: curated (a crosswalk written by people) or inferred (the matcher's)"
CROSSWALK = "the crosswalk file a curated link comes from, as the catalog names it; None for an inferred link"
STATUS = "current, superseded (by a later edition), withdrawn or draft"
KIND = (
    "what sort of text the framework is: service-standard, design-principles, technology-principles, "
    "legislation-principles, strategy-principles, declaration, recommendation or charter; None where unsaid"
)


class WordingRule(Result):
    """What an equivalent scoring under ``below`` needs besides themes (:attr:`MatchConfig.wording_below`).

    A terms value of ``terms``, or the share ``title`` of one title's words found in the other principle.
    """

    below: float
    terms: float
    title: float

    @classmethod
    def of(cls, config: MatchConfig) -> Self:
        """The rule as ``config`` sets it."""
        return cls(below=config.wording_below, terms=config.wording_terms, title=config.wording_title)

    def phrase(self, lang: str) -> str:
        """The rule as a legend states it, in ``lang``."""
        _ = translator(lang)
        return _(
            "under {below}, only with enough shared wording: terms {terms} or {title}% of one title's words"
        ).format(
            below=decimal(self.below, 2, lang), terms=decimal(self.terms, 2, lang), title=f"{self.title * 100:.0f}"
        )


class Provenance(Result):
    """What a result was made from: enough to make it again, and to tell two results apart."""

    dgcompare_version: str = Field(description="the version of dgcompare that made the result")
    catalog_fingerprint: str = Field(
        description="Catalog.fingerprint: a hash of the catalog's content; the same data gives the same one"
    )
    config: MatchConfig | None = Field(
        description="the matcher settings the result was made with (its scoring settings those of the matcher "
        "index used); None for a result no setting shapes (list, a search without a theme)"
    )
    code_fingerprint: str = Field(
        default="",
        description="a hash of dgcompare's code and word lists: the version string alone does not tell a modified "
        "checkout from the release",
    )

    @classmethod
    def of(cls, catalog: Catalog, config: MatchConfig | None, index: MatcherIndex | None = None) -> Self:
        """The provenance of a result made from ``catalog`` with ``config``, scored by ``index`` where one was used.

        A report that reads only scores (``matrix``) gives ``config=None`` with its index: its record is the
        default thresholds with the index's scoring settings.
        """
        if index is not None:
            config = dataclasses.replace(config or MatchConfig(), scoring=index.settings)
        from dgcompare.cache import code_fingerprint

        return cls(
            dgcompare_version=__version__,
            catalog_fingerprint=catalog.fingerprint,
            config=config,
            code_fingerprint=code_fingerprint(),
        )


class Record(BaseModel):
    """One flat row of a result, for a data frame: plain values and lists, no nesting.

    Each kind of record lists its fields, with what each holds, under Attributes (``help()`` shows them).
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Write each field's description into the class's docstring, where ``help()`` and the reference read it."""
        super().__pydantic_init_subclass__(**kwargs)
        fields = [
            f"    {name} ({_type_name(field.annotation)}): {field.description}"
            for name, field in cls.model_fields.items()
            if field.description
        ]
        if fields:
            cls.__doc__ = "\n".join([(cls.__doc__ or "").rstrip(), "", "Attributes:", *fields])


def _type_name(annotation: Any) -> str:
    """``str``, ``list[int]``, ``Literal['equivalent', 'related'] | None``: a field's type as it is written."""
    return annotation.__name__ if isinstance(annotation, type) else str(annotation).replace("typing.", "")


class OmittedItem(Result):
    """An item of a framework deliberately left out of the catalog, and why: not absent, only not here."""

    number: int
    reason: str


class FrameworkSummary(Result):
    """A framework as results refer to it."""

    id: str
    jurisdiction: str
    title: str
    """The official title, verbatim, in ``title_language``."""
    title_language: str = "en"
    title_translations: dict[str, Translation] = {}
    principles: int
    adopted: int | None
    undated: str | None = None
    default: bool = False
    status: Status = Field(default="current", description=STATUS)
    superseded_by: str | None = None
    item_name: str = "principle"
    numbering: str = "official"
    """``source-order`` where the source does not number its items and the numbers are ours."""
    kind: FrameworkKind | None = Field(default=None, description=KIND)
    publisher: str = ""
    publisher_fr: str | None = None
    url: str = ""
    url_fr: str | None = None
    licence: str | None = None
    edition: str | None = None
    omitted: tuple[OmittedItem, ...] = ()
    """Items of the published framework that the catalog leaves out: a report must not read them as absent."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def framework(self) -> str:
        """The id again, under the name the gaps contract uses (``{"framework": ..., "jurisdiction": ...}``)."""
        return self.id

    def citation(self, lang: str = "en") -> str:
        """How to cite the framework: title (and the reader's version), year, status, edition, publisher, URL, licence.

        The title in the reader's language comes first, marked where it is ours, then the official wording; in
        French the French address stands beside the English one.
        """
        _ = translator(lang)
        title, mark = shown(self, lang)
        if title != self.title:
            title = f"{title} {mark} / {self.title}" if mark else f"{title} / {self.title}"
        url = f"{self.url_fr} / {self.url}" if lang == "fr" and self.url_fr else self.url
        # The status stands beside the year: a draft or superseded text cited bare would read as in force.
        parts = [f"{self.id}{_(': ')}{title} ({self.dated(lang)})", self.edition, self.publisher_in(lang), url]
        # Said when missing, so that a reader tells a licence not recorded from one left off the citation.
        licence = self.licence or _("not stated in its catalog file")
        parts.append(_("Licence: {licence}").format(licence=licence))
        return ". ".join(part.rstrip(".") for part in parts if part) + "."

    def publisher_in(self, lang: str) -> str:
        """Who published the framework, by its own French name in French where it has one."""
        return self.publisher_fr if lang == "fr" and self.publisher_fr else self.publisher

    def url_in(self, lang: str) -> str:
        """The framework's address for a reader of ``lang``: its French page in French, where the catalog has one."""
        return self.url_fr if lang == "fr" and self.url_fr else self.url

    def year(self, lang: str) -> str:
        """The year adopted, or ``n.d.`` (no date) for a text that states none."""
        _ = translator(lang)
        return _("n.d.") if self.adopted is None else str(self.adopted)

    def dated(self, lang: str) -> str:
        """The year, and the status where the text is no longer current: ``2009, superseded by no-2020``."""
        _ = translator(lang)
        if self.status == "current":
            return self.year(lang)
        if self.superseded_by:
            return _("{year}, superseded by {successor}").format(year=self.year(lang), successor=self.superseded_by)
        return f"{self.year(lang)}, {status_word(self.status, lang)}"

    @classmethod
    def of(cls, catalog: Catalog, framework: Framework) -> Self:
        """Summarise ``framework``."""
        entry = catalog.jurisdiction_of(framework.id)
        return cls(
            id=framework.id,
            jurisdiction=entry.jurisdiction.code,
            title=framework.title,
            title_language=framework.language,
            title_translations=title_translations(framework, framework.titles),
            principles=len(framework.principles),
            adopted=framework.adopted,
            undated=framework.undated,
            default=framework is entry.default_framework,
            status=framework.status,
            superseded_by=framework.superseded_by,
            item_name=framework.item_name,
            numbering=framework.numbering,
            kind=framework.kind,
            publisher=framework.publisher,
            publisher_fr=framework.publisher_fr,
            url=framework.url,
            url_fr=framework.url_fr,
            licence=framework.licence,
            edition=framework.edition,
            omitted=tuple(OmittedItem(number=o.number, reason=o.reason) for o in framework.omitted),
        )


@dataclass(frozen=True)
class Reference:
    """A source a report cites besides its frameworks (the page a rank comes from): what it supports, and where."""

    text: str
    """The citation as a reader reads it, the address at its end."""
    url: str


class Report(Result):
    """A result a command writes: its data, and what an export needs to stand on its own in a briefing.

    The exporters compute nothing: the heading, the flat table, the legend of its marks and the frameworks it
    cites all come from here, and the report's view draws the same legend.
    """

    def heading(self) -> str:
        """What the report is, in one line (``Comparison: uk-service-standard-2019, au-dss-v2``)."""
        raise NotImplementedError

    def table(self) -> Tabular:
        """The report as one flat table; every row naming a principle carries its URL."""
        raise NotImplementedError

    def legend(self) -> tuple[str, ...]:
        """What the report's marks, relations and levels mean, one sentence or paragraph each."""
        return ()

    def conclusions(self) -> tuple[str, ...]:
        """What the report says beyond its table (a verdict and its reasons), one sentence each; mostly none."""
        return ()

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks the report draws on, each once, in the order it shows them."""
        return ()

    def references(self) -> tuple[Reference, ...]:
        """The other sources the report cites (the pages its figures come from), listed after the frameworks."""
        return ()

    provenance: Provenance | None = None
    """What the result was made from: dgcompare's version, the catalog's fingerprint and the matcher settings."""
    record_type: ClassVar[type[Record]]
    """The kind of record :meth:`records` gives."""

    def records(self) -> Sequence[Record]:
        """The result as typed flat records, one per link, gap, cell, change or hit: what a data frame holds."""
        raise NotImplementedError

    def to_records(self) -> list[dict[str, Any]]:
        """The result as plain dicts (:meth:`records` dumped): numbers as numbers, lists as lists, no nesting.

        The fields are those of :attr:`record_type`; ``help(type(result).record_type)`` says what each holds.
        """
        return [record.model_dump() for record in self.records()]

    def to_frame(self) -> Any:
        """The result as a ``pandas.DataFrame``: one row per record, a column per field, even when there is none.

        The frame's ``attrs["provenance"]`` holds :attr:`provenance` as plain data.

        Raises:
            InputError: pandas is not installed (it is the optional extra ``dgcompare[pandas]``).
        """
        try:
            pandas = importlib.import_module("pandas")
        except ImportError:
            raise InputError(
                "to_frame() needs pandas, which is not installed",
                hint="pip install 'dgcompare[pandas]', or use to_records() for plain dicts",
            ) from None
        frame = pandas.DataFrame(self.to_records(), columns=list(self.record_type.model_fields))
        frame.attrs["provenance"] = self.provenance.model_dump(mode="json") if self.provenance else None
        return frame

    def brief(self) -> str:
        """What the result holds, in a few words: the end of its one-line ``repr``."""
        return self.heading()

    def view(self) -> "RenderableType":
        """The Rich renderable the command line prints for this result."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.brief()}>"

    def __str__(self) -> str:
        return repr(self)

    def __rich__(self) -> "RenderableType":
        """The view the command line prints: ``rich.print(result)`` draws the same table."""
        from dgcompare.render import Themed

        return Themed(self.view())

    def _repr_html_(self) -> str:
        from dgcompare.render import notebook_html

        return notebook_html(self)


def distinct(frameworks: Iterable[FrameworkSummary]) -> tuple[FrameworkSummary, ...]:
    """``frameworks`` with repeats left out, in order: each framework is cited once."""
    return tuple({f.id: f for f in frameworks}.values())


def link_legend(lang: str, provenance: Provenance | None) -> str:
    """What the marks of a link mean, wherever links are shown, with the threshold the links were made with."""
    _ = translator(lang)
    config = (provenance.config if provenance is not None else None) or MatchConfig()
    equivalent = _(
        "= equivalent: the same commitment; ~ related: an overlapping one; each with the score of its link (0 to 1): "
        "the matcher's score, or for * a link from a curated crosswalk, its strength out of 10 (0.60 = 6/10); a "
        "pair is equivalent from {equivalent} ({across} between a strategy, law, declaration, charter or "
        "recommendation and a service, design or technology standard) when it is also the best pairing of the two "
        "frameworks (or a compound principle's counterpart, or a second counterpart within {split}% of both "
        "principles' best scores), and {wording}; or curated equal or strength 7 or more."
    ).format(
        equivalent=decimal(config.equivalent, 2, lang),
        split=f"{(1 - config.margin) * 100:.0f}",
        across=decimal(config.equivalent_across, 2, lang),
        wording=WordingRule.of(config).phrase(lang),
    )
    related = _(
        "A pair is related from {related} ({linked} where their themes are linked, as open source and reuse are), "
        "when it also reaches {share}% of either principle's best score. A curated crosswalk that lists every pair "
        "of two frameworks replaces the matcher's links between them."
    ).format(
        related=decimal(config.related, 2, lang),
        linked=decimal(config.related_linked, 2, lang),
        share=f"{config.related_share * 100:.0f}",
    )
    return f"{equivalent} {related}"


class PrincipleSummary(Result):
    """A principle as results refer to it: framework id, number, title and where to read it."""

    framework: str
    number: int
    title: str
    """The official wording, verbatim, in ``title_language``."""
    title_language: str = "en"
    title_translations: dict[str, Translation] = {}
    url: str | None = None
    """The principle's own page where it has one, else its framework's: what a citation links to."""

    @classmethod
    def of(cls, framework: Framework, principle: Principle) -> Self:
        """Summarise ``principle`` of ``framework``."""
        return cls(
            framework=framework.id,
            number=principle.number,
            title=principle.title,
            title_language=framework.language,
            title_translations=title_translations(framework, principle.titles),
            url=principle.url or framework.url,
        )


class Alignment(Result):
    """Two principles from different frameworks that express the same or an overlapping commitment."""

    a: PrincipleSummary
    b: PrincipleSummary
    score: float
    relation: Relation = Field(description=RELATION)
    source: Source = Field(description=SOURCE)
    why: tuple[str, ...] = ()
    a_covers_b: bool = False
    """``a`` makes the whole of ``b``'s commitment: an equivalent, or a curated ``equal`` or ``superset``."""
    b_covers_a: bool = False
    """``b`` makes the whole of ``a``'s commitment."""
    crosswalk: str | None = Field(default=None, description=CROSSWALK)


class Candidate(Result):
    """A principle and its score against something it was compared with."""

    framework: str
    number: int
    title: str
    title_language: str = "en"
    title_translations: dict[str, Translation] = {}
    score: float
    source: Source | None = Field(default=None, description=SOURCE + "; None for a bare score, not a link's")
    relation: Relation | None = Field(default=None, description=RELATION + "; None for a bare score, not a link's")
    url: str | None = None
    """The principle's own page where it has one, else its framework's."""
    crosswalk: str | None = Field(default=None, description=CROSSWALK)


class PairRecord(Record):
    """The two principles a record is about: framework, number and title of each (links, explanations)."""

    a_framework: str = Field(description="the id of the first principle's framework")
    a_number: int = Field(description="the first principle's number in its framework")
    a_title: str = Field(description="its title as a reader of the report's language sees it, without a mark")
    a_title_language: str = Field(description="the language of a_title (ISO 639-1)")
    a_title_official: bool = Field(description="a_title is the official wording; False where the text is ours")
    b_framework: str = Field(description="the id of the second principle's framework")
    b_number: int = Field(description="the second principle's number")
    b_title: str = Field(description="its title as a reader of the report's language sees it, without a mark")
    b_title_language: str = Field(description="the language of b_title")
    b_title_official: bool = Field(description="b_title is the official wording; False where the text is ours")

    @staticmethod
    def pair_fields(a: "PrincipleSummary", b: "PrincipleSummary", lang: str) -> dict[str, Any]:
        """The fields of a pair record for ``a`` and ``b``, titles as a reader of ``lang`` sees them."""
        return {
            "a_framework": a.framework,
            "a_number": a.number,
            **{f"a_{name}": value for name, value in title_fields(a, lang).items()},
            "b_framework": b.framework,
            "b_number": b.number,
            **{f"b_{name}": value for name, value in title_fields(b, lang).items()},
        }


class LinkRecord(PairRecord):
    """One link between two principles of different frameworks."""

    relation: Relation = Field(description=RELATION)
    score: float = Field(description="the link's score, 0 to 1: the matcher's, or a curated mapping's strength / 10")
    source: Source = Field(description=SOURCE)
    strength: int | None = Field(description="a curated link's strength out of 10; None for an inferred link")
    crosswalk: str | None = Field(description=CROSSWALK)
    a_covers_b: bool = Field(description="the first principle makes the whole of the second's commitment")
    b_covers_a: bool = Field(description="the second principle makes the whole of the first's commitment")
    why: list[str] = Field(description="the reasons of the link: the themes and words shared, or the crosswalk's")
    a_url: str | None = Field(description="where to read the first principle")
    b_url: str | None = Field(description="where to read the second principle")

    @classmethod
    def of(cls, x: Alignment, lang: str) -> Self:
        """The record of ``x``, titles as a reader of ``lang`` sees them."""
        return cls(
            **cls.pair_fields(x.a, x.b, lang),
            relation=x.relation,
            score=x.score,
            source=x.source,
            strength=round(x.score * 10) if x.source == "curated" else None,
            crosswalk=x.crosswalk,
            a_covers_b=x.a_covers_b,
            b_covers_a=x.b_covers_a,
            why=list(x.why),
            a_url=x.a.url,
            b_url=x.b.url,
        )


_REASONS = (
    ("theme", re.compile(r"theme: (?P<a>.+)")),
    ("terms", re.compile(r"terms: (?P<terms>.+)")),
    ("linked", re.compile(r"linked themes: (?P<a>.+) ~ (?P<b>.+)")),
    ("compound", re.compile(r"compound: (?P<ref>\S+) bundles several commitments, one per part of its title")),
    (
        "wording",
        re.compile(
            r"(?P<enough>too little|enough) shared wording for an equivalent under (?P<below>[0-9.]+) \(terms "
            r"(?P<terms>[0-9.]+), needs "
            r"(?P<needs_terms>[0-9.]+); title words (?P<title>[0-9.]+), needs (?P<needs_title>[0-9.]+)\)"
        ),
    ),
    (
        "split",
        re.compile(
            r"split: within (?P<margin>\d+%) of both principles' best scores, a commitment one framework splits in two"
        ),
    ),
    (
        "near",
        re.compile(
            r"near best: within (?P<margin>\d+%) of both principles' best scores, where their best pairing is not an "
            r"equivalent"
        ),
    ),
    (
        "second",
        re.compile(
            r"second best: (?P<held>\S+) pairs best with (?P<partner>\S+) \((?P<best>[0-9.]+)\); a second equivalent "
            r"needs (?P<share>\d+%) of that \((?P<needs>[0-9.]+)\), this pair scores (?P<score>[0-9.]+)"
        ),
    ),
    (
        "overall",
        re.compile(r"second best: another pairing of these principles scores higher overall"),
    ),
    (
        "curated",
        re.compile(
            r"curated \((?P<source>\S+) -> (?P<target>\S+)\): (?P<relationship>\w+), (?P<rationale>\w+), "
            r"strength (?P<strength>\d+)/10"
        ),
    ),
)
"""The reasons the matcher gives (:mod:`dgcompare.matcher.alignment`), in English, and their parts."""
_NUMBER = re.compile(r"[0-9]+\.[0-9]+")


@functools.cache
def theme_labels(lang: str) -> dict[str, str]:
    """The taxonomy's English theme labels, each with its label in ``lang``."""
    from dgcompare.catalog import load_taxonomy

    return {t.label: t.label_in(lang) for t in load_taxonomy().themes}


def reason_in(reason: str, lang: str) -> str:
    """One of a link's reasons (``Alignment.why``, in English as the JSON keeps it) as a reader of ``lang`` reads it.

    A reason the matcher does not write (a curated mapping's explanation, in its author's words) stays as it is.
    """
    if lang == "en":
        return reason
    _, labels = translator(lang), theme_labels(lang)
    for kind, pattern in _REASONS:
        found = pattern.fullmatch(reason)
        if found is None:
            continue
        parts = found.groupdict()
        for key in ("a", "b"):
            if key in parts:
                parts[key] = labels.get(parts[key], parts[key])
        for key, value in parts.items():
            if value and _NUMBER.fullmatch(value):
                parts[key] = decimal_text(value, lang)
        for key in ("margin", "share"):
            if key in parts:
                parts[key] = _("{percent}%").format(percent=parts[key].removesuffix("%"))
        if kind == "theme":
            return _("theme: {label}").format(label=parts["a"])
        if kind == "terms":
            return _("terms: {terms}").format(terms=parts["terms"])
        if kind == "linked":
            return _("linked themes: {a} ~ {b}").format(a=parts["a"], b=parts["b"])
        if kind == "wording":
            said = (
                _(
                    "enough shared wording for an equivalent under {score} (terms {terms}, needs {needs_terms}; title "
                    "words {title}, needs {needs_title})"
                )
                if parts["enough"] == "enough"
                else _(
                    "too little shared wording for an equivalent under {score} (terms {terms}, needs {needs_terms}; "
                    "title words {title}, needs {needs_title})"
                )
            )
            return said.format(
                score=parts["below"], **{k: parts[k] for k in ("terms", "needs_terms", "title", "needs_title")}
            )
        if kind == "split":
            return _(
                "split: within {margin} of both principles' best scores, a commitment one framework splits in two"
            ).format(margin=parts["margin"])
        if kind == "near":
            return _(
                "near best: within {margin} of both principles' best scores, where their best pairing is not an "
                "equivalent"
            ).format(margin=parts["margin"])
        if kind == "second":
            return _(
                "second best: {held} pairs best with {partner} ({best}); a second equivalent needs {share} of that "
                "({needs}), this pair scores {score}"
            ).format(**parts)
        if kind == "overall":
            return _("second best: another pairing of these principles scores higher overall")
        if kind == "compound":
            return _("compound: {reference} bundles several commitments, one per part of its title").format(
                reference=parts["ref"]
            )
        words = {
            "equal": _("equal"),
            "subset": _("subset"),
            "superset": _("superset"),
            "intersects": _("intersects"),
            "syntactic": _("syntactic"),
            "semantic": _("semantic"),
            "functional": _("functional"),
        }
        return _("curated ({source} -> {target}): {relationship}, {rationale}, strength {strength}/10").format(
            source=parts["source"],
            target=parts["target"],
            relationship=words.get(parts["relationship"], parts["relationship"]),
            rationale=words.get(parts["rationale"], parts["rationale"]),
            strength=parts["strength"],
        )
    return reason


def alignments_of(catalog: Catalog, links: Iterable[Link]) -> list[Alignment]:
    """The matcher's links as result objects, each principle summarised once."""
    summaries: dict[PrincipleRef, PrincipleSummary] = {}

    def summary(ref: PrincipleRef) -> PrincipleSummary:
        found = summaries.get(ref)
        if found is None:
            framework = catalog.framework(ref.framework)
            principle = framework.principle(ref.number) if framework else None
            if framework is None or principle is None:
                raise ValueError(f"{ref.framework}:{ref.number} is not a principle of this catalog")
            found = summaries[ref] = PrincipleSummary.of(framework, principle)
        return found

    return [
        Alignment(
            a=summary(x.a),
            b=summary(x.b),
            score=x.score,
            relation=x.relation,
            source=x.source,
            why=x.why,
            a_covers_b=x.a_covers_b,
            b_covers_a=x.b_covers_a,
            crosswalk=x.crosswalk,
        )
        for x in links
    ]


def counted(count: int, noun: str) -> str:
    """``1 gap``, ``2 gaps``, ``0 gaps``: a count and its noun, which agrees with it."""
    return f"{count} {plural(noun, count)}"


CLOSE = 0.15
"""A principle below the related threshold is shown as the closest to another (a gap's, one with no counterpart in
a framework) only from this score on; lower scores say nothing about the pair and are left out ("nothing close")."""
COVERS = 0.35
"""A principle is on a theme when it names the theme among its curated themes or its wording gives the theme at
least this weight; a framework covers a theme when one of its principles is on it."""


class ThemeSummary(Result):
    """A theme as results refer to it."""

    id: str
    label: str
    label_fr: str

    @classmethod
    def of(cls, catalog: Catalog, theme: str | None) -> "ThemeSummary | None":
        """The catalog's theme ``theme`` (None for None)."""
        if theme is None:
            return None
        found = catalog.themes[theme]
        return cls(id=found.id, label=found.label, label_fr=found.label_fr)

    def note(self, lang: str) -> str:
        """The sentence a report prints when it is narrowed to this theme."""
        _ = translator(lang)
        return _(
            "Only principles on the theme {theme}: tagged with it, or giving it a weight of at least {weight} by "
            "their wording."
        ).format(theme=self.label_fr if lang == "fr" else self.label, weight=decimal(COVERS, 2, lang))


def on_theme(index: MatcherIndex, framework: Framework, principle: Principle, theme: str) -> bool:
    """True when ``principle`` is on ``theme``: tagged with it, or giving it at least :data:`COVERS`."""
    return theme in principle.themes or index.profile(framework, principle).own_themes.get(theme, 0.0) >= COVERS


def items_left_out(f: FrameworkSummary, lang: str) -> str:
    """``5 of 8 items not in the catalog``, or '' for a framework the catalog holds whole."""
    if not f.omitted:
        return ""
    n_ = plural_translator(lang)
    return n_(
        "{missing} of {total} items not in the catalog", "{missing} of {total} items not in the catalog", len(f.omitted)
    ).format(missing=len(f.omitted), total=f.principles + len(f.omitted))


def left_out(frameworks: Iterable[FrameworkSummary], lang: str = "en") -> str:
    """The items of ``frameworks`` the catalog leaves out, as one sentence for a report's notes ('' when none).

    A report must never let them read as absent: they exist in the published framework.
    """
    _ = translator(lang)
    parts = [
        f"{f.id} {item_word(f.item_name, len(f.omitted), lang)} {', '.join(str(o.number) for o in f.omitted)}"
        for f in frameworks
        if f.omitted
    ]
    if not parts:
        return ""
    return _(
        "Not in the catalog: {items}. They exist but are left out of the data, so what looks absent may be among "
        "them; `dgcompare show FRAMEWORK:N` says why each is left out."
    ).format(items=_("; ").join(parts))


def touches(alignment: Alignment | Link, framework: str, number: int) -> bool:
    """True when one side of ``alignment`` is principle ``number`` of ``framework``."""
    return (alignment.a.framework, alignment.a.number) == (framework, number) or (
        alignment.b.framework,
        alignment.b.number,
    ) == (framework, number)


def candidate_of(framework: Framework, principle: Principle | None, score: float) -> Candidate:
    """``principle`` of ``framework`` as a candidate with its score."""
    assert principle is not None
    return Candidate(
        framework=framework.id,
        number=principle.number,
        title=principle.title,
        title_language=framework.language,
        title_translations=title_translations(framework, principle.titles),
        score=round(score, 4),
        url=principle.url or framework.url,
    )
