"""One batch of articles in, one result per item out, in order: whatever fails costs one article.

The same code runs in this process and in each worker process, so a failure is handled the same
way in both: an article spaCy cannot parse, or one a stage raises on, becomes a `Failure` (an
E501 problem carrying its traceback) and the next article of the batch goes on.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsevents.errors import Problem, message
from newsevents.model import Article, Extraction
from newsevents.nlp.windows import WINDOW_CHARS, parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsevents.pipeline import Pipeline

log = logging.getLogger("newsevents.pipeline")

Item = Article | Problem
Result = Extraction | Problem

# An exception's message in a one-line report is cut to this; the log keeps all of it.
_DETAIL_CHARS = 300


@dataclass(frozen=True)
class Failure(Problem):
    """An E501 problem with the traceback of what went wrong, for a log rather than the screen.

    The traceback travels with the problem (it is plain text, so it crosses from a worker
    process), and the process that reports the run logs it at DEBUG level (`log_trace`): the
    person running the batch reads one line per article, a log file or `--verbose` keeps the rest.
    """

    trace: str = field(default="", compare=False, repr=False)


def failed(article: Article, exc: BaseException | str) -> Failure:
    """The E501 problem for `article`, with the traceback of `exc` when it is an exception."""
    if isinstance(exc, str):
        detail, trace = exc, ""
    else:
        detail, trace = f"{type(exc).__name__}: {exc}", "".join(traceback.format_exception(exc))
    detail = " ".join(detail.split())  # the report is one line, whatever the exception says
    if len(detail) > _DETAIL_CHARS:
        detail = detail[: _DETAIL_CHARS - 1] + "…"
    origin = article.origin or article.id
    return Failure(origin, "E501", message("E501", detail=detail), trace=trace)


def log_trace(result: Result) -> None:
    """Log a failure's traceback at DEBUG level, naming its article."""
    if isinstance(result, Failure) and result.trace:
        log.debug("traceback of the failure on %s:\n%s", result.origin, result.trace.rstrip())


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """`items` in lists of `size` (the last may be shorter), read as they are needed."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_batch(batch: list[Item], built: Pipeline) -> Iterator[Result]:
    """Parse the batch's articles (short ones in one nlp.pipe pass) and extract each, in input order.

    A failure to parse or inside a stage on one article becomes a Failure for that article and
    the batch goes on, so one odd text never costs the rest of a corpus.
    """
    articles = [item for item in batch if isinstance(item, Article)]
    docs = parse_each(built.nlp, [a.text for a in articles])
    for item in batch:
        if isinstance(item, Problem):
            yield item
            continue
        doc = next(docs)
        if isinstance(doc, Exception):
            yield failed(item, doc)
            continue
        try:
            yield built.extract_doc(doc, item)
        except Exception as exc:  # a bug on one article must not stop a corpus
            yield failed(item, exc)


def parse_each(nlp: Language, texts: Sequence[str], window: int = WINDOW_CHARS) -> Iterator[Doc | Exception]:
    """One Doc per text, in order, or the exception that parsing that one text raised.

    Texts that fit in a window go through one nlp.pipe pass; longer ones are parsed window by
    window (`nlp.windows`). Should the shared pass fail, its texts are parsed one by one, so
    only the text at fault fails.
    """
    short = [text for text in texts if len(text) <= window]
    together: Iterator[Doc] | None
    try:
        together = iter(list(nlp.pipe(short, batch_size=max(1, len(short)))))
    except Exception:  # one text the batch cannot take: find it by parsing them one by one
        log.debug("a batch failed to parse; parsing its articles one by one", exc_info=True)
        together = None
    for text in texts:
        if together is not None and len(text) <= window:
            yield next(together)
            continue
        try:
            yield parse(nlp, text, window)
        except Exception as exc:
            yield exc
