"""The ``dgcompare`` command line: parse arguments, call the library, hand results to a view or exporter.

This package is the only code that writes to stdout or stderr or exits. Heavy modules are imported inside
the commands that need them, so ``dgcompare --help`` stays fast; shared options and helpers are in
:mod:`dgcompare.cli.common`.
"""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from dgcompare.cli.common import (
    ENV_DATA,
    SETTINGS,
    TEXT_FORMATS,
    DataDirOption,
    EquivalentOption,
    ForceOption,
    FormatOption,
    InferredOnlyOption,
    LangOption,
    Language,
    OutputOption,
    ProgressBar,
    RelatedOption,
    Settings,
    emit,
    handles_errors,
    load,
    match_config,
    settings,
    show_version,
    stderr,
)

app = typer.Typer(
    name="dgcompare",
    help="Compare national digital-government principle sets: align them, explain why, find the gaps.\n\n"
    "Examples:\n\n"
    "    dgcompare list\n\n"
    "    dgcompare show uk au\n\n"
    "    dgcompare show uk au ca --format csv -o briefing.csv",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main_options(
    data_dir: DataDirOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=show_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Read the options shared by every command."""
    from_env = [Path(p) for p in os.environ.get(ENV_DATA, "").split(os.pathsep) if p]
    SETTINGS.set(Settings(data_dirs=[*from_env, *(data_dir or [])], debug=debug))


@app.command("list")
@handles_errors
def list_command(
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
    lang: LangOption = Language.EN,
    ranks: Annotated[bool, typer.Option("--ranks", help="Add each jurisdiction's UN E-Government ranks.")] = False,
) -> None:
    """List jurisdictions and their frameworks: id, title, year, number of principles, default.

    Example: dgcompare list --ranks
    """
    from dgcompare.render.tables import ListingView
    from dgcompare.results import listing

    result = listing(load(data_dir), lang)
    emit(result, ListingView(result, ranks=ranks), fmt, output, force)


@app.command()
@handles_errors
def show(
    tokens: Annotated[
        list[str],
        typer.Argument(metavar="FRAMEWORK...", help="Jurisdiction codes (their default framework) or framework ids."),
    ],
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
    lang: LangOption = Language.EN,
    inferred_only: InferredOnlyOption = False,
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
) -> None:
    """Align the principles of two or more frameworks and show them side by side, or show one principle.

    Each row holds counterparts (= equivalent, ~ related, with the score; * from a curated crosswalk);
    principles without a counterpart follow. With one FRAMEWORK:N token, show that principle and its
    counterparts in every other jurisdiction's default framework. Example: dgcompare show uk au ca
    """
    from dgcompare.analysis import compare
    from dgcompare.models import resolve_token
    from dgcompare.render.tables import ComparisonView

    catalog = load(data_dir)
    config = match_config(inferred_only, equivalent, related)
    if len(tokens) == 1 and ":" in tokens[0]:
        from dgcompare.models import resolve_principle
        from dgcompare.render.tables import DetailView
        from dgcompare.reports import principle_detail

        with ProgressBar("Comparing with every jurisdiction") as bar:
            detail = principle_detail(catalog, *resolve_principle(catalog, tokens[0]), config, lang, bar)
        emit(detail, DetailView(detail), fmt, output, force)
        return
    frameworks = list(dict.fromkeys(resolve_token(catalog, t) for t in tokens))
    if len(frameworks) < 2:
        from dgcompare.errors import InputError

        raise InputError("show needs two or more different frameworks", hint="e.g. dgcompare show uk au")
    with ProgressBar("Aligning") as bar:
        result = compare(catalog, frameworks, config, lang, bar)
    emit(result, ComparisonView(result), fmt, output, force)


@app.command()
@handles_errors
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", help="Files or directories (default: the active catalog)."),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Check catalog files and report every problem with its file, line and column.

    Exits with 2 when a problem is found. Example: dgcompare validate my-catalog/
    """
    from dgcompare.catalog import validate_paths
    from dgcompare.render.tables import ValidationView

    with ProgressBar("Reading the catalog") as bar:
        report = validate_paths(paths or [], [*settings().data_dirs, *(data_dir or [])], bar)
    emit(report, ValidationView(report), fmt, output, force, formats=TEXT_FORMATS)
    if not report.ok:
        raise typer.Exit(2)


@app.command()
@handles_errors
def gaps(
    target: Annotated[str, typer.Argument(metavar="TARGET", help="The jurisdiction or framework to examine.")],
    against: Annotated[
        list[str] | None,
        typer.Option(
            "--against",
            "-a",
            metavar="PEER",
            help="A peer framework; repeatable (default: every other jurisdiction's default framework).",
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
    lang: LangOption = Language.EN,
    inferred_only: InferredOnlyOption = False,
    fail_on_gaps: Annotated[bool, typer.Option("--fail-on-gaps", help="Exit with 3 if any gap is found.")] = False,
) -> None:
    """Show what peers commit to that TARGET does not, ranked by how many peers do, then TARGET's strengths.

    Example: dgcompare gaps ca --against uk --against au
    """
    from dgcompare.models import resolve_token
    from dgcompare.render.tables import GapView
    from dgcompare.reports import gaps as find_gaps

    catalog = load(data_dir)
    framework = resolve_token(catalog, target)
    own = catalog.jurisdiction_of(framework.id).jurisdiction.code
    if against:
        peers = list(dict.fromkeys(resolve_token(catalog, token) for token in against))
    else:
        peers = [f for f in catalog.defaults() if catalog.jurisdiction_of(f.id).jurisdiction.code != own]
    peers = [p for p in peers if p.id != framework.id]
    if not peers:
        from dgcompare.errors import InputError

        raise InputError("gaps needs at least one peer other than the target", hint="e.g. --against uk")
    with ProgressBar("Comparing with peers") as bar:
        report = find_gaps(catalog, framework, peers, match_config(inferred_only, None, None), lang, bar)
    emit(report, GapView(report), fmt, output, force)
    if fail_on_gaps and report.gaps:
        from dgcompare.errors import ChecksFailed

        raise ChecksFailed(f"{len(report.gaps)} gaps found in {framework.id}", hint="--fail-on-gaps was given")


@app.command()
@handles_errors
def matrix(
    tokens: Annotated[
        list[str] | None,
        typer.Argument(metavar="[FRAMEWORK]...", help="Frameworks (default: every jurisdiction's default)."),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
    lang: LangOption = Language.EN,
) -> None:
    """Show a coverage heatmap: themes by frameworks, with totals per theme and per framework.

    Example: dgcompare matrix uk au ca us
    """
    from dgcompare.models import resolve_token
    from dgcompare.render.tables import MatrixView
    from dgcompare.reports import coverage_matrix

    catalog = load(data_dir)
    frameworks = list(dict.fromkeys(resolve_token(catalog, t) for t in tokens)) if tokens else catalog.defaults()
    with ProgressBar("Profiling frameworks") as bar:
        result = coverage_matrix(catalog, frameworks, None, lang, bar)
    emit(result, MatrixView(result), fmt, output, force)


@app.command()
@handles_errors
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier edition.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later edition.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
    inferred_only: InferredOnlyOption = False,
) -> None:
    """Show what changed between two editions: kept, reworded, merged, split, added, dropped.

    Example: dgcompare diff au-dss-v1 au-dss-v2
    """
    from dgcompare.models import resolve_token
    from dgcompare.render.tables import DiffView
    from dgcompare.reports import diff as edition_diff

    catalog = load(data_dir)
    result = edition_diff(
        catalog, resolve_token(catalog, old), resolve_token(catalog, new), match_config(inferred_only, None, None)
    )
    emit(result, DiffView(result), fmt, output, force)


@app.command()
@handles_errors
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for, in English or French.")],
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", "-j", metavar="CODE", help="Search one jurisdiction only.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many hits.")] = 20,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Search titles, summaries and themes of the whole catalog, best matches first.

    Example: dgcompare search "open source" --jurisdiction uk
    """
    from dgcompare.render.tables import SearchView
    from dgcompare.reports import search as find

    catalog = load(data_dir)
    code = None
    if jurisdiction is not None:
        entry = catalog.jurisdiction(jurisdiction.lower())
        if entry is None:
            from dgcompare.errors import UnknownTokenError

            raise UnknownTokenError(f"'{jurisdiction}' is not a jurisdiction", hint="run `dgcompare list`")
        code = entry.jurisdiction.code
    result = find(catalog, text, code, limit)
    emit(result, SearchView(result), fmt, output, force)


@app.command()
@handles_errors
def explain(
    first: Annotated[str, typer.Argument(metavar="A:N", help="A principle: framework or jurisdiction, colon, number.")],
    second: Annotated[str, typer.Argument(metavar="B:M", help="Another principle, in another framework.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
    inferred_only: InferredOnlyOption = False,
) -> None:
    """Explain the score of one pair of principles, signal by signal, and the verdict.

    Example: dgcompare explain uk:9 ca:5
    """
    from dgcompare.matcher import Matcher
    from dgcompare.models import resolve_principle
    from dgcompare.render.tables import ExplanationView

    catalog = load(data_dir)
    a, b = resolve_principle(catalog, first), resolve_principle(catalog, second)
    if a[0].id == b[0].id:
        from dgcompare.errors import InputError

        raise InputError("explain compares principles of two different frameworks", hint="e.g. uk:9 ca:5")
    result = Matcher(catalog, match_config(inferred_only, None, None)).explain(a, b)
    emit(result, ExplanationView(result), fmt, output, force)


crosswalk_app = typer.Typer(
    help="Author curated crosswalks between two frameworks.\n\nExample: dgcompare crosswalk draft on ca -o on--ca.yaml",
    no_args_is_help=True,
)
app.add_typer(crosswalk_app, name="crosswalk")


@crosswalk_app.command("draft")
@handles_errors
def crosswalk_draft(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="Source framework or jurisdiction.")],
    target: Annotated[str, typer.Argument(metavar="TARGET", help="Target framework or jurisdiction.")],
    output: OutputOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Write the inferred alignments of two frameworks as a crosswalk file for a human to review.

    Every mapping is marked 'status: suggested'; confirm, correct or delete each, set 'status: confirmed',
    then put the file in a --data-dir's crosswalks/ folder. Example: dgcompare crosswalk draft on ca -o on--ca.yaml
    """
    import datetime

    from dgcompare.analysis import draft_crosswalk
    from dgcompare.matcher import MatchConfig
    from dgcompare.models import resolve_token
    from dgcompare.yamlfile import dump_yaml

    catalog = load(data_dir)
    a, b = resolve_token(catalog, source), resolve_token(catalog, target)
    drafted = draft_crosswalk(catalog, a, b, MatchConfig(curated=False), datetime.date.today())
    text = dump_yaml(drafted.model_dump(mode="json", exclude_none=True))
    if output is None:
        sys.stdout.write(text)
        return
    from dgcompare.output import write_atomically

    write_atomically(output, text, force=force)
    stderr().print(f"wrote {output} ({len(drafted.mappings)} suggested mappings)", markup=False)
