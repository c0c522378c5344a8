"""What every command shares: the store and filter options, choices read from registries, and
the one way a command reports an error.

Errors: `reports_errors` turns a NewsEventsError (a bad filter, a store that cannot be opened,
a missing resource or optional extra) into one line on stderr and an exit code, never a traceback, so a script
calling `newsevents` can branch on the code and a person reads one sentence.

Logging: `logging_to` sends the library's log records to stderr as one line each (warnings and
errors only, never a traceback) unless `--verbose` asks for everything, tracebacks included;
`--log-file` keeps everything, tracebacks and debug details, in a file.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from newsevents.errors import NewsEventsError

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "newsevents.sqlite"
EXIT_ERROR = 1
EXIT_SKIPPED = 1
EXIT_RESOURCE = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C


def err(text: str) -> None:
    """A line for humans: progress, problems and summaries go to stderr, data to stdout."""
    click.echo(text, err=True)


def fail(message: str, exit_code: int = EXIT_ERROR, prefix: str = "Error: ") -> NoReturn:
    """End the command: one line on stderr (`prefix` then the message), then `exit_code`."""
    click.echo(f"{prefix}{message}", err=True)
    sys.exit(exit_code)


def reports_errors(
    exit_code: int = EXIT_ERROR, prefix: str = "Error: ", also: tuple[type[Exception], ...] = ()
) -> Callable[[F], F]:
    """Decorate a command so any NewsEventsError (and the exception types in `also`) it raises
    ends the command with one line on stderr and `exit_code`, and Ctrl-C with one line and
    EXIT_INTERRUPTED; every command uses it."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except (NewsEventsError, *also) as exc:
                fail(str(exc), exit_code, prefix)
            except ModuleNotFoundError as exc:
                hint = _extra_hint(exc)
                if hint is None:
                    raise
                fail(str(hint), exit_code, prefix)
            except KeyboardInterrupt:  # Ctrl-C before a command's own handling (loading the model)
                fail("interrupted", EXIT_INTERRUPTED, prefix)

        return wrapper  # type: ignore[return-value]

    return decorate


def _extra_hint(exc: ModuleNotFoundError) -> NewsEventsError | None:
    """The E206 line for a module of an optional extra that a code path imported without asking
    `extras.require` first: the command is named as the feature that needs it."""
    from newsevents.errors import MissingExtraError
    from newsevents.extras import extra_of

    extra = extra_of(exc.name or "")
    if extra is None:
        return None
    context = click.get_current_context(silent=True)
    feature = f"newsevents {context.info_name}" if context and context.info_name else "this command"
    return MissingExtraError(extra, feature, (exc.name or "").split(".", 1)[0])


_SCREEN_FORMAT = "newsevents: %(levelname)s: %(message)s"
_FILE_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _OneLine(logging.Formatter):
    """A record as one line, its message only: the screen gets no traceback (the log file does)."""

    def format(self, record: logging.LogRecord) -> str:
        return "newsevents: " + " ".join(record.getMessage().split())


def quiet_stdout() -> None:
    """Point standard output at /dev/null after it failed, so that nothing more written to it
    fails again, nor the interpreter's own flush at exit. Once the reader of a pipe has gone
    (`| head`), this is what Unix tools do: the rest of the output goes nowhere, quietly."""
    with contextlib.suppress(OSError, ValueError):  # not a real file (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextlib.contextmanager
def logging_to(verbose: bool, log_file: str | None) -> Iterator[None]:
    """Route the `newsevents` loggers for one command: stderr (one line per warning or error;
    with `verbose`, every record with its traceback) and, with `log_file`, a file with
    everything. The loggers are restored afterwards, so a command run in-process (a test, a
    notebook) leaves no handler behind."""
    logger = logging.getLogger("newsevents")
    saved = logger.level, logger.propagate
    screen = logging.StreamHandler(sys.stderr)
    screen.setLevel(logging.DEBUG if verbose else logging.WARNING)
    screen.setFormatter(logging.Formatter(_SCREEN_FORMAT) if verbose else _OneLine())
    handlers: list[logging.Handler] = [screen]
    if log_file:
        try:
            handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
        except OSError as exc:
            fail(f"cannot write the log file {log_file}: {exc.strerror or exc}", EXIT_ERROR, "newsevents: ")
        handlers[-1].setFormatter(logging.Formatter(_FILE_FORMAT))
    for handler in handlers:
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose or log_file else logging.WARNING)
    logger.propagate = False  # not also to the root logger's handlers, with their tracebacks
    try:
        yield
    finally:
        for handler in handlers:
            logger.removeHandler(handler)
            handler.close()
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def logs(func: F) -> F:
    """Give a command --verbose and --log-file, and run it inside `logging_to` their values; the
    command itself never sees the two options."""

    @functools.wraps(func)
    def wrapper(*args: Any, verbose: bool = False, log_file: str | None = None, **kwargs: Any) -> Any:
        with logging_to(verbose, log_file):
            return func(*args, **kwargs)

    return _log_options(wrapper)  # type: ignore[arg-type]


def _log_options(func: F) -> F:
    func = click.option("--log-file", type=click.Path(dir_okay=False),
                        help="Append every log record, tracebacks included, to this file.")(func)
    return click.option("--verbose", "-v", is_flag=True,
                        help="Show debug details and each failed article's traceback on stderr.")(func)


class RegistryChoice(click.Choice):  # type: ignore[type-arg]
    """A choice whose values are read from a registry when the command runs, so a format or
    column set registered after import is offered like a built-in one."""

    def __init__(self, names: Callable[[], Sequence[str]]) -> None:
        self._names = names
        self.case_sensitive = True

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        """The names registered now, not when the option was declared."""
        return tuple(self._names())


def db_option(func: F) -> F:
    """--db: the store every command reads or writes."""
    return click.option(
        "--db", "db", default=DEFAULT_DB, show_default=True, help="Store: a SQLite path or sqlite:/// URL."
    )(func)


def filter_options(func: F) -> F:
    """The event filters shared by `show` and `export`."""
    opts = [
        click.option("--country", help="ISO 3166 alpha-3 of the source or target actor, e.g. SYR."),
        click.option("--actor", help="Actor code prefix of the source or target, e.g. SYRGOV or IGO."),
        click.option("--cameo-root", help="Two-digit CAMEO root, e.g. 19 (fight)."),
        click.option("--since", "date_from", help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", "date_to", help="Events on or before this date (YYYY-MM-DD)."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def require_store(db: str) -> None:
    """Commands that read a store refuse to create an empty one by mistake."""
    from newsevents.errors import StoreError
    from newsevents.store import store_exists

    try:
        exists = store_exists(Path(db) if "://" not in db else db)
    except StoreError:
        exists = False
    if not exists:
        fail(f"no store at {db}; run `newsevents extract ... --db {db}` first")


def open_store(db: str) -> Any:
    """The store at `db`, through the backend registry (imported on use: `--help` stays fast)."""
    from newsevents.store import open_store as _open

    return _open(db)


def event_filter(**kw: Any) -> Any:
    """An EventFilter from the filter options' values."""
    from newsevents.store import EventFilter

    return EventFilter(**kw)


def plural(n: int, noun: str) -> str:
    """ "1 article", "2 articles": the summaries read as sentences."""
    return f"{n} {noun}" + ("" if n == 1 else "s")
