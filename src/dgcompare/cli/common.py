"""What every command shares: options, settings, error handling, progress and output.

The commands in :mod:`dgcompare.cli` declare their options with these aliases and hand their results to
:func:`emit`, so that ``--format``, ``--output`` and errors behave the same everywhere.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from dgcompare import __version__
from dgcompare.export import OutputFormat

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from dgcompare.catalog import CachedCatalog
    from dgcompare.export.base import Exportable
    from dgcompare.matcher import MatchConfig
    from dgcompare.models import Catalog

P = ParamSpec("P")
R = TypeVar("R")

ENV_DATA = "DGCOMPARE_DATA"


@dataclass
class Settings:
    """Options given before the command, shared by every command."""

    data_dirs: list[Path] = field(default_factory=list)
    debug: bool = False


def show_version(value: bool) -> None:
    """Print the version and stop (the eager ``--version`` option)."""
    if value:
        typer.echo(f"dgcompare {__version__}")
        raise typer.Exit()


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
        help="Output format (default: table, or what --output's suffix implies).",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output.", dir_okay=False),
]


class Language(StrEnum):
    """Languages of catalog text."""

    EN = "en"
    FR = "fr"


LangOption = Annotated[
    Language,
    typer.Option("--lang", case_sensitive=False, help="Show titles in this language; English stands in, marked [en]."),
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
    typer.Option("--related", min=0.0, max=1.0, help="Lowest score of a related alignment (default 0.2)."),
]
TEXT_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.MARKDOWN)
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the --output file if it exists.")]


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn dgcompare's errors into a message on stderr and an exit code; one line for anything else."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from dgcompare.errors import DgcompareError

        debug = settings().debug
        interrupted = False
        try:
            return command(*args, **kwargs)
        except DgcompareError as error:
            if debug:
                raise
            from dgcompare.render.errors import error_view

            stderr().print(error_view(error))
            raise typer.Exit(error.exit_code) from None
        except typer.Exit:
            raise
        except (typer.Abort, KeyboardInterrupt):
            interrupted = True
            raise
        except Exception as error:
            if debug:
                raise
            stderr().print(
                f"internal error: {type(error).__name__}: {error} (run again with --debug for the traceback)",
                markup=False,
                highlight=False,
            )
            raise typer.Exit(1) from None
        finally:
            # NOTE: after the output, and whatever the outcome (a failed check did its work too); what was
            # derived is correct as far as it went.
            if not interrupted:
                _save_loaded_catalogs()
            LOADED.set([])

    return wrapper


SETTINGS: ContextVar[Settings | None] = ContextVar("dgcompare_settings", default=None)


def settings() -> Settings:
    """The options given before the command in this run."""
    return SETTINGS.get() or Settings()


LOADED: ContextVar[list[CachedCatalog]] = ContextVar("dgcompare_loaded_catalogs")


def load(extra_dirs: Sequence[Path] | None = None) -> Catalog:
    """The active catalog: built-in, DGCOMPARE_DATA, --data-dir before the command, and ``extra_dirs``."""
    from dgcompare import cache
    from dgcompare.catalog import CachedCatalog, load_catalog

    directories = [*settings().data_dirs, *(extra_dirs or [])]
    with ProgressBar("Reading the catalog") as bar:
        if not cache.enabled():
            return load_catalog(directories, progress=bar)
        loaded = CachedCatalog.load(directories, store=False, progress=bar)  # NOTE: stored once the command is done.
    LOADED.set([*LOADED.get([]), loaded])
    return loaded.catalog


def _save_loaded_catalogs() -> None:
    """Keep what the command derived from its catalog (profiles) for the next run; after the output."""
    for loaded in LOADED.get([]):
        loaded.save()


def match_config(inferred_only: bool, equivalent: float | None, related: float | None) -> MatchConfig:
    """Matcher settings from the command-line options."""
    from dataclasses import replace

    from dgcompare.errors import InputError
    from dgcompare.matcher import MatchConfig

    config = MatchConfig(curated=not inferred_only)
    config = replace(
        config,
        equivalent=config.equivalent if equivalent is None else equivalent,
        related=config.related if related is None else related,
    )
    if config.related > config.equivalent:
        raise InputError(
            f"--related ({config.related}) is above --equivalent ({config.equivalent})",
            hint="the related threshold must not exceed the equivalent one",
        )
    return config


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


def emit(
    result: Exportable,
    view: RenderableType,
    fmt: OutputFormat | None,
    output: Path | None,
    force: bool,
    *,
    formats: Sequence[OutputFormat] = tuple(OutputFormat),
) -> None:
    """Write ``result`` in the chosen format to stdout or ``output``."""
    from dgcompare.errors import InputError

    if fmt is None:
        fmt = (OutputFormat.from_suffix(output.suffix) if output else None) or OutputFormat.TABLE
    if fmt not in formats:
        raise InputError(f"this command has no {fmt} output", hint="use one of: " + ", ".join(f.value for f in formats))
    if fmt is OutputFormat.TABLE and output is None and console().is_terminal:
        console(highlight=False).print(view)
        return
    if fmt in (OutputFormat.TABLE, OutputFormat.HTML, OutputFormat.SVG):
        text = _render(view, fmt)
    else:
        from dgcompare.export import export

        text = export(result, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    from dgcompare.output import write_atomically

    # NOTE: a byte-order mark lets Excel open UTF-8 CSV files with their accents intact.
    write_atomically(output, text, force=force, encoding="utf-8-sig" if fmt is OutputFormat.CSV else "utf-8")
    stderr().print(f"wrote {output}", markup=False)


def _render(view: RenderableType, fmt: OutputFormat) -> str:
    import io

    width = console().width if fmt is OutputFormat.TABLE else 120
    recorder = console(
        file=io.StringIO(),
        record=True,
        width=width,
        color_system="truecolor",
        force_terminal=fmt is not OutputFormat.TABLE,
        highlight=False,
    )
    recorder.print(view)
    if fmt is OutputFormat.HTML:
        return recorder.export_html(inline_styles=True)
    if fmt is OutputFormat.SVG:
        return recorder.export_svg(title="dgcompare")
    # NOTE: tables pad every line to the full width; trailing blanks only get in the way of a pipe.
    return "".join(line.rstrip() + "\n" for line in recorder.export_text(styles=False).splitlines())
