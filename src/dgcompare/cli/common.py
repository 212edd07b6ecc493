"""What every command shares: the common options, error handling, progress, and running a report.

The common options (``--format``, ``--output``, ``--force``, ``--data-dir``, ``--lang``, ``--csv-delimiter``,
``--debug``) are declared once here. The callback of :mod:`dgcompare.cli` reads them before the command into an
:class:`Options` in ``ctx.obj``; :func:`command` adds them to each command too, so that they work after it as
well, merges both, and hands the command a :class:`Run`: the catalog, the matcher index and the output,
the same for every report.
"""

from __future__ import annotations

import datetime
import functools
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from dgcompare import __version__
from dgcompare.export import OutputFormat

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from dgcompare.catalog import LoadedCatalog
    from dgcompare.export.base import Exportable
    from dgcompare.matcher import MatchConfig, MatcherIndex
    from dgcompare.models import Catalog, Framework, Principle
    from dgcompare.reports.briefing import Briefing

ENV_DATA = "DGCOMPARE_DATA"
NOT_IN_CATALOG = "it is not in the catalog: run `dgcompare list` to see what is, or add your own with --data-dir DIR"
"""The hint for a token close to no name: what to run to see the names, and how to add one."""
E = TypeVar("E", bound="Exportable")


class Language(StrEnum):
    """Languages of catalog text."""

    EN = "en"
    FR = "fr"


DataDirOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data-dir",
        "-d",
        metavar="DIR",
        help=f"Add a directory (or file) of catalog YAML files; repeatable. Also read from {ENV_DATA}.",
    ),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        # Listed here for every command; each command's --help lists only those it writes.
        help="Output format (default: table, or what --output implies); svg: matrix only, xlsx: brief only.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of standard output ('-': standard output); its suffix sets the format.",
        dir_okay=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the --output file if it exists.")]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        case_sensitive=False,
        help=(
            "Write the report in this language; where the catalog has no title in it, the official wording stands "
            "in, marked with its language ([en], [it])."
        ),
    ),
]
OriginalOption = Annotated[
    bool,
    typer.Option(
        "--original",
        help="Show every title in its official wording, in its own language, never in our translation.",
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]
_DELIMITERS = {",": ",", "comma": ",", ";": ";", "semicolon": ";", "\t": "\t", "\\t": "\t", "tab": "\t"}
"""What ``--csv-delimiter`` accepts: the character, or its name (a tab is hard to type in a shell)."""


def csv_delimiter(value: str | None) -> str | None:
    """The delimiter a ``--csv-delimiter`` value names, or None when it was not given.

    Raises:
        typer.BadParameter: not one of ``,``, ``;``, tab (a usage error: exit 2).
    """
    if value is None:
        return None
    found = _DELIMITERS.get(value.lower())
    if found is None:
        raise typer.BadParameter(f"{value!r} is not a delimiter; use ',', ';' or tab")
    return found


CsvDelimiterOption = Annotated[
    str | None,
    typer.Option(
        "--csv-delimiter",
        metavar="CHAR",
        callback=csv_delimiter,
        help="Separate CSV cells with ',' (default), ';' (what French-locale Excel expects; decimal numbers then take "
        "a decimal comma) or tab ('\\t', 'tab').",
    ),
]
InferredOnlyOption = Annotated[
    bool, typer.Option("--inferred-only", help="Ignore curated crosswalks: show what the matcher infers alone.")
]
EquivalentOption = Annotated[
    float | None,
    typer.Option("--equivalent", min=0.0, max=1.0, help="Lowest score of an equivalent alignment (default 0.32)."),
]
RelatedOption = Annotated[
    float | None,
    typer.Option("--related", min=0.0, max=1.0, help="Lowest score of a related alignment (default 0.18)."),
]
TEXT_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.MARKDOWN)
DOCUMENT_FORMATS = (*TEXT_FORMATS, OutputFormat.HTML)
"""What a report writes."""
CHART_FORMATS = (*DOCUMENT_FORMATS, OutputFormat.SVG)
"""What a report with a chart (matrix) writes: its chart as an SVG image too."""
BRIEF_FORMATS = (OutputFormat.HTML, OutputFormat.MARKDOWN, OutputFormat.XLSX, OutputFormat.JSON)
"""What a briefing is written as."""
STDOUT = "-"
"""The --output that means standard output, as for most command-line tools."""


@dataclass(frozen=True)
class Options:
    """The common options of one run, wherever they were given; ``ctx.obj``."""

    data_dirs: tuple[Path, ...] = ()
    """DGCOMPARE_DATA first, then --data-dir before the command, then after it."""
    debug: bool = False
    fmt: OutputFormat | None = None
    output: Path | None = None
    force: bool = False
    lang: Language | None = None
    original: bool = False
    csv_delimiter: str | None = None
    """``,`` when None (not given)."""

    @property
    def output_file(self) -> Path | None:
        """The --output file, or None for standard output (no --output, or ``-o -``)."""
        return None if self.output is None or str(self.output) == STDOUT else self.output

    @classmethod
    def from_environment(cls) -> Options:
        """The options that the environment gives (DGCOMPARE_DATA)."""
        return cls(data_dirs=tuple(Path(p) for p in os.environ.get(ENV_DATA, "").split(os.pathsep) if p))

    def merged(
        self,
        *,
        data_dir: Sequence[Path] | None = None,
        debug: bool = False,
        fmt: OutputFormat | None = None,
        output: Path | None = None,
        force: bool = False,
        lang: Language | None = None,
        original: bool = False,
        csv_delimiter: str | None = None,
    ) -> Options:
        """These options with more given later on the command line: directories add up, the rest override."""
        return Options(
            data_dirs=(*self.data_dirs, *(data_dir or ())),
            debug=self.debug or debug,
            fmt=fmt or self.fmt,
            output=output or self.output,
            force=self.force or force,
            lang=lang or self.lang,
            original=self.original or original,
            csv_delimiter=csv_delimiter or self.csv_delimiter,
        )


_COMMON = {
    "fmt": FormatOption,
    "output": OutputOption,
    "force": ForceOption,
    "data_dir": DataDirOption,
    "lang": LangOption,
    "original": OriginalOption,
    "csv_delimiter": CsvDelimiterOption,
    "debug": DebugOption,
}
_DEFAULTS = {
    "fmt": None,
    "output": None,
    "force": False,
    "data_dir": None,
    "lang": None,
    "original": False,
    "csv_delimiter": None,
    "debug": False,
}


def show_version(value: bool) -> None:
    """Print the version and stop (the eager ``--version`` option)."""
    if value:
        typer.echo(f"dgcompare {__version__}")
        raise typer.Exit()


def command(
    *,
    report: bool = True,
    formats: Sequence[OutputFormat] = DOCUMENT_FORMATS,
    default: OutputFormat = OutputFormat.TABLE,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the common options, and run it with a :class:`Run` as its first argument.

    Every command takes ``--output``, ``--force``, ``--data-dir`` and ``--debug``; a ``report`` also takes
    ``--format`` (offering only ``formats``; ``default`` when neither it nor ``--output`` says), ``--lang`` and,
    where it writes CSV, ``--csv-delimiter``. Errors become a message and an exit code.
    """
    common = ["fmt", "output", "force", "data_dir", "lang", "original"] if report else ["output", "force", "data_dir"]
    # --csv-delimiter only where CSV is written: brief's --help must not offer what it never uses.
    names = [*common, *(["csv_delimiter"] if report and OutputFormat.CSV in formats else []), "debug"]
    annotations = {**_COMMON, "fmt": _format_option(formats, default)}

    def decorate(function: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(function)
        def wrapper(ctx: typer.Context, **kwargs: Any) -> None:
            given = {name: kwargs.pop(name) for name in names}
            if given.get("fmt") is not None:
                given["fmt"] = OutputFormat(given["fmt"])  # a command's own choices are an enum of their own
            options = (ctx.obj or Options.from_environment()).merged(**given)
            run = Run(options, formats, default)
            with run:
                _refuse_unused(ctx.command_path, options, names)
                if report:
                    output_format(options.fmt, options.output_file, formats, default)  # a usage error before any work
                function(run, **kwargs)

        own = list(inspect.signature(function).parameters.values())[1:]
        extra = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=_DEFAULTS[name], annotation=annotations[name]
            )
            for name in names
        ]
        context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
        wrapper.__signature__ = inspect.Signature([context, *own, *extra])  # type: ignore[attr-defined]
        # Typer reads the annotations too: the wrapper's are its signature's.
        wrapper.__annotations__ = {p.name: p.annotation for p in [context, *own, *extra]}
        return wrapper

    return decorate


def _format_option(formats: Sequence[OutputFormat], default: OutputFormat) -> Any:
    """The ``--format`` option offering ``formats``, so that ``--help`` lists only what the command writes."""
    # Typer lists an enum's members as the choices; mypy cannot follow an enum built from a list.
    choices = StrEnum("Format", [(f.name, f.value) for f in formats])  # type: ignore[misc]
    return Annotated[
        choices | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=f"Output format (default: {default.value}, or what --output implies).",
        ),
    ]


def _refuse_unused(command_path: str, options: Options, accepted: Sequence[str]) -> None:
    """An option given before a command that does not take it is an error, not silently ignored."""
    from dgcompare.errors import InputError

    given = {"fmt": "--format", "lang": "--lang", "original": "--original", "csv_delimiter": "--csv-delimiter"}
    unused = [
        flag for name, flag in given.items() if name not in accepted and getattr(options, name) not in (None, False)
    ]
    if unused:
        raise InputError(f"{command_path} takes no {' or '.join(unused)}", hint=f"see {command_path} --help")


@dataclass
class Run:
    """One command's run: its options, the catalog and matcher index it uses, and where its output goes.

    The catalog and the index are built on first use, once; on leaving, the profiles the index made are kept
    for the next run over the same files, and dgcompare's errors become a message and an exit code.
    """

    options: Options
    formats: Sequence[OutputFormat] = DOCUMENT_FORMATS
    default: OutputFormat = OutputFormat.TABLE
    """The format when neither --format nor --output's suffix names one."""
    _loaded: LoadedCatalog | None = field(default=None, init=False)
    _index: MatcherIndex | None = field(default=None, init=False)

    @property
    def lang(self) -> str:
        """The language to show catalog text in."""
        return (self.options.lang or Language.EN).value

    @property
    def catalog(self) -> Catalog:
        """The active catalog: built-in, DGCOMPARE_DATA, and every --data-dir."""
        if self._loaded is None:
            from dgcompare.catalog import open_catalog

            # Through the cache, unless DGCOMPARE_NO_CACHE turns it off.
            with ProgressBar("Reading the catalog") as bar:
                self._loaded = open_catalog(self.options.data_dirs, cache=True, progress=bar)
        return self._loaded.catalog

    def index(self, config: MatchConfig) -> MatcherIndex:
        """The matcher index of the catalog for ``config``'s scoring settings, built once per run."""
        from dgcompare.api import matcher_index

        catalog = self.catalog
        assert self._loaded is not None and self._loaded.catalog is catalog
        # The run's index while the settings stay the same; the first starts with the profiles the cache holds.
        self._index = matcher_index(self._index or self._loaded, config.scoring)
        return self._index

    def theme(self, token: str | None) -> str | None:
        """The id of the theme ``token`` names (None for None)."""
        from dgcompare.models import resolve_theme

        return None if token is None else resolve_theme(self.catalog, token).id

    def frameworks(self, tokens: Sequence[str]) -> list[Framework]:
        """The frameworks ``tokens`` name, each once, in order."""
        from dgcompare.models import resolve_token

        return list(dict.fromkeys(resolve_token(self.catalog, t, not_found=NOT_IN_CATALOG) for t in tokens))

    def several(
        self, tokens: Sequence[str], command: str, example: str, needs: str = "two or more different frameworks"
    ) -> list[Framework]:
        """The frameworks ``tokens`` name, which must be two or more different ones; said plainly when not."""
        from dgcompare.errors import InputError

        frameworks = self.frameworks(tokens)
        if len(frameworks) >= 2:
            return frameworks
        # 'uk gb' names one framework twice: say so, rather than count what the user gave as two.
        named = " and ".join(repr(t) for t in tokens)
        what = f"{named} {'both' if len(tokens) == 2 else 'all'} name {frameworks[0].id}; " if len(tokens) > 1 else ""
        raise InputError(f"{what}{command} needs {needs}", hint=f"e.g. dgcompare {command} {example}")

    def principle(self, token: str) -> tuple[Framework, Principle]:
        """The principle a ``FRAMEWORK:N`` token names, with its framework."""
        from dgcompare.models import resolve_principle

        return resolve_principle(self.catalog, token, not_found=NOT_IN_CATALOG)

    @property
    def format(self) -> OutputFormat:
        """The format the output will have: --format, else what --output's suffix implies, else the default."""
        output = self.options.output
        return self.options.fmt or (OutputFormat.from_suffix(output.suffix) if output else None) or self.default

    def emit(self, result: E, view: Callable[[E], RenderableType]) -> None:
        """Write ``result`` in the chosen format, drawn by ``view`` as a table, to standard output or --output.

        With --original, our translations of titles leave the result first: every format shows official wording.
        """
        if self.options.original:
            from dgcompare.reports.base import official_wording

            result = official_wording(result)
        emit(
            result,
            view(result),
            self.options.fmt,
            self.options.output_file,
            self.options.force,
            formats=self.formats,
            csv_delimiter=self.options.csv_delimiter or ",",
        )

    def emit_document(self, result: Briefing) -> None:
        """Write a briefing as the document --output's suffix or --format names (Markdown by default)."""
        from dgcompare.export import export_briefing

        if self.options.original:
            from dgcompare.reports.base import official_wording

            result = official_wording(result)
        output = self.options.output_file
        fmt = output_format(self.options.fmt, output, self.formats, self.default)
        document = export_briefing(result, fmt)
        if output is None:
            if isinstance(document, bytes):
                from dgcompare.errors import InputError

                raise InputError("a workbook cannot go to standard output", hint="name a file: -o briefing.xlsx")
            write_stdout(document)
            return
        from dgcompare.output import write_atomically

        write_atomically(output, document, force=self.options.force)
        stderr().print(f"wrote {output}", markup=False)

    def __enter__(self) -> Run:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _: object) -> None:
        if not isinstance(error, typer.Abort | KeyboardInterrupt):
            self._keep_profiles()  # profiles are correct whatever the outcome, as far as they went
        if error is None or isinstance(error, typer.Exit | typer.Abort | KeyboardInterrupt):
            return
        from dgcompare.errors import DgcompareError

        if self.options.debug:
            return
        from dgcompare.render.errors import error_view

        if isinstance(error, DgcompareError):
            stderr().print(error_view(error))
            raise typer.Exit(error.exit_code) from None
        internal = DgcompareError(
            f"internal error: {type(error).__name__}: {error}", hint="run again with --debug for the traceback"
        )
        stderr().print(error_view(internal))
        raise typer.Exit(1) from None

    def _keep_profiles(self) -> None:
        if self._loaded is not None and self._index is not None:
            self._loaded.keep(self._index)


KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        help="Compare like with like: frameworks of this kind, one per jurisdiction (service-standard, "
        "design-principles, technology-principles, legislation-principles, strategy-principles, declaration, "
        "recommendation, charter).",
    ),
]


ThemeOption = Annotated[
    str | None,
    typer.Option(
        "--theme",
        metavar="THEME",
        help="Only principles on this theme (its id or label, e.g. security): tagged with it or inferred.",
    ),
]


def listed_tokens(values: Sequence[str]) -> list[str]:
    """The tokens of a repeated, comma-separated option: ``--against uk,au --against ca`` gives uk, au, ca."""
    return [token for value in values for token in value.split(",") if token.strip()]


def framework_kind(value: str | None) -> str | None:
    """A --kind value checked against the closed list of kinds (see :func:`dgcompare.models.resolve_kind`)."""
    from dgcompare.models import resolve_kind

    return resolve_kind(value)


def match_config(inferred_only: bool, equivalent: float | None = None, related: float | None = None) -> MatchConfig:
    """Matcher settings from the command-line options."""
    from dgcompare.errors import InputError
    from dgcompare.matcher import MatchConfig

    default = MatchConfig(curated=not inferred_only)
    equivalent = default.equivalent if equivalent is None else equivalent
    related = default.related if related is None else related
    if related > equivalent:
        raise InputError(
            f"--related ({related}) is above --equivalent ({equivalent})",
            hint="the related threshold must not exceed the equivalent one",
        )
    return replace(default, equivalent=equivalent, related=related)


class ProgressBar:
    """A progress bar on standard error, drawn only on a terminal and only once work has taken a second."""

    def __init__(self, description: str) -> None:
        import time

        self.description = description
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        """Advance the bar to ``done`` of ``total``, starting it once a second has passed."""
        import time

        if self.bar is None:
            if time.monotonic() - self.started < 1.0 or not sys.stderr.isatty():
                return
            from rich.progress import Progress

            self.bar = Progress(console=stderr(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.close()

    def close(self) -> None:
        """Take the bar off the screen."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def console(**kwargs: Any) -> Console:
    """A console with dgcompare's styles."""
    from rich.console import Console

    from dgcompare.render import THEME

    return Console(theme=THEME, **kwargs)


def stderr() -> Console:
    """The console for messages: standard error, lines never wrapped."""
    return console(stderr=True, highlight=False, soft_wrap=True)


def warn(message: str, hint: str = "") -> None:
    """Tell the user, on standard error, that what they asked for is probably not what they meant."""
    from dgcompare.render.errors import warning_view

    stderr().print(warning_view(message, hint))


def emit(
    result: Exportable,
    view: RenderableType,
    fmt: OutputFormat | None,
    output: Path | None,
    force: bool,
    *,
    formats: Sequence[OutputFormat] = DOCUMENT_FORMATS,
    csv_delimiter: str = ",",
) -> None:
    """Write ``result`` in the chosen format to stdout or ``output`` (``-`` is stdout too)."""
    if output is not None and str(output) == STDOUT:
        output = None
    fmt = output_format(fmt, output, formats)
    if fmt is OutputFormat.TABLE and output is None and console().is_terminal:
        console(highlight=False).print(view)
        return
    if fmt is OutputFormat.TABLE:
        text = _render(view)
    else:
        from dgcompare.export import export

        text = export(result, fmt, csv_delimiter=csv_delimiter, generated=document_date())
    if output is None:
        write_stdout(text)
        return
    from dgcompare.output import write_atomically

    # A byte-order mark lets Excel open UTF-8 CSV files with their accents intact.
    write_atomically(output, text, force=force, encoding="utf-8-sig" if fmt is OutputFormat.CSV else "utf-8")
    stderr().print(f"wrote {output}", markup=False)


_INSTEAD = {
    ".xlsx": (OutputFormat.CSV, "which Excel opens"),
    ".xls": (OutputFormat.CSV, "which Excel opens"),
    ".ods": (OutputFormat.CSV, "which spreadsheets open"),
    ".tsv": (OutputFormat.CSV, ""),
    ".pdf": (OutputFormat.HTML, "which a browser prints to PDF"),
    ".docx": (OutputFormat.HTML, "which word processors open"),
    ".doc": (OutputFormat.HTML, "which word processors open"),
    ".odt": (OutputFormat.HTML, "which word processors open"),
    ".rtf": (OutputFormat.HTML, "which word processors open"),
    ".png": (OutputFormat.SVG, "an image browsers show"),
    ".yaml": (OutputFormat.JSON, ""),
    ".yml": (OutputFormat.JSON, ""),
    ".text": (OutputFormat.TABLE, ""),
}
"""Suffixes people try that are no format of dgcompare's: the format to suggest instead, and why."""


def output_format(
    fmt: OutputFormat | None,
    output: Path | None,
    formats: Sequence[OutputFormat],
    default: OutputFormat = OutputFormat.TABLE,
) -> OutputFormat:
    """The format to write: what ``output``'s suffix implies, or ``fmt``, or ``default``.

    A file without a suffix takes ``fmt`` or ``table``; any other suffix must be one of ``formats``'.

    Raises:
        InputError: the suffix is no format dgcompare writes, ``fmt`` contradicts it, or the command does not
            write that format (exit code 2, before anything is written).
    """
    from dgcompare.errors import InputError

    available = "formats: " + ", ".join(f"{f.value} ({f.suffix})" for f in formats)
    suffix = output.suffix if output is not None else ""
    implied = OutputFormat.from_suffix(suffix) if suffix else None
    if output is not None and suffix and (implied is None or implied not in formats):
        nearest, why = _INSTEAD.get(suffix.lower(), (None, ""))
        hint = available
        if nearest is not None and nearest in formats:
            hint += f"; try {output.with_suffix(nearest.suffix)}" + (f", {why}" if why else "")
        if implied is OutputFormat.XLSX:
            hint += "; dgcompare brief writes a workbook"
        writer = "dgcompare" if implied is None else "this command"
        raise InputError(f"cannot write {output}: {writer} does not write {suffix} files", hint=hint)
    if output is not None and fmt is not None and implied is not None and fmt is not implied:
        raise InputError(
            f"--format {fmt.value} contradicts {output}, whose suffix means {implied.value}",
            hint=f"name the file {output.with_suffix(fmt.suffix)}, or leave out --format",
        )
    chosen = fmt or implied or default
    if chosen not in formats:
        raise InputError(f"this command has no {chosen.value} output", hint=available)
    return chosen


def write_stdout(text: str) -> None:
    """Write a whole report to standard output, or nothing and a clear error if its encoding cannot hold it."""
    try:
        text.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict")
    except UnicodeEncodeError as error:
        from dgcompare.errors import OutputError

        raise OutputError(
            f"standard output's encoding ({sys.stdout.encoding}) cannot show {error.object[error.start]!r} "
            "in this report; nothing was written",
            hint="set PYTHONIOENCODING=utf-8, or write to a file with --output",
        ) from None
    sys.stdout.write(text)


def _render(view: RenderableType) -> str:
    """A table as plain text, as wide as the terminal (a pipe or a file: Rich's default, 80 columns)."""
    import io

    recorder = console(
        file=io.StringIO(),
        record=True,
        width=console().width,
        color_system="truecolor",
        force_terminal=False,
        highlight=False,
    )
    recorder.print(view)
    # Tables pad every line to the full width; trailing blanks only get in the way of a pipe.
    return "".join(line.rstrip() + "\n" for line in recorder.export_text(styles=False).splitlines())


def document_date() -> datetime.date:
    """The date a document names in its footer: today, or that of ``SOURCE_DATE_EPOCH`` when it is set.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) is the reproducible-builds convention: the same input then
    gives the same document, byte for byte.

    Raises:
        InputError: ``SOURCE_DATE_EPOCH`` is not a whole number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.date.today()
    try:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    except (ValueError, OverflowError, OSError):
        from dgcompare.errors import InputError

        raise InputError(
            f"SOURCE_DATE_EPOCH={epoch!r} is not a date", hint="set it to a number of seconds since 1970, or unset it"
        ) from None
