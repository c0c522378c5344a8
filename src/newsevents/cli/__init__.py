"""The `newsevents` command: thin, it parses arguments, calls the library and formats output.

Data goes to stdout, everything for humans (progress, problems, the summary) to stderr, so
`newsevents extract ... --format jsonl | jq` stays clean. Each command lives in the module named
for what it works on (`extract.py`, `read.py`); `common.py` holds the shared options and the one
error decorator every command wears.
"""

from __future__ import annotations

from pathlib import Path

import click

from newsevents import __version__
from newsevents.cli.common import reports_errors
from newsevents.cli.extract import extract
from newsevents.cli.read import dedup, export, serve, show
from newsevents.cli.watch import watch
from newsevents.errors import NewsEventsError
from newsevents.settings import load_settings

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main() -> None:
    """Turn news articles into geocoded, evidence-linked event data (CAMEO and PLOVER).

    Example: newsevents extract article.txt --format json
    """


for _command in (extract, watch, show, export, serve, dedup):
    main.add_command(_command)


@main.command()
@click.argument("gold", type=click.Path(exists=True))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Predictions as JSON Lines from `newsevents extract --format jsonl` (default: run the "
              "pipeline on the gold texts).")
@click.option("--limit", type=int, help="Score only the first N gold records.")
@click.option("--split", help="Score only records of this split (e.g. TST4 for muc4).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--config", type=click.Path(dir_okay=False), help="A settings YAML file (see settings.yml).")
@reports_errors()
def evaluate(gold: str, pred: str | None, limit: int | None, split: str | None, fmt: str,
             config: str | None) -> None:
    """Score extraction against a gold set: precision, recall and F1, misses and false alarms.

    GOLD is a gold.jsonl file or a folder holding one (events, toponyms, quotes or figures).

    Example: newsevents evaluate ../shared/eval/external/petrarch2_gsr_validation
    """
    from newsevents.evaluate import use_benchmarks

    try:
        use_benchmarks()  # the scorers live in a source checkout's benchmarks/, not in the package
        from benchmarks.evaluation.run import run_evaluation

        report = run_evaluation(Path(gold), Path(pred) if pred else None, limit, load_settings(config),
                                split=split)
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.render(fmt))


