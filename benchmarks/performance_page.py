"""The page benchmarks/performance.py writes (docs/performance.md): machine, throughput, memory,
where the time goes, and how the pipeline is parallel.

Kept apart from the script so the measuring code and the prose about it change separately.
A round's figures arrive as the plain dicts the child processes print.
"""

from __future__ import annotations

import os
import platform
import statistics
from pathlib import Path
from typing import Any

PARSE = "parse (spaCy, for scale)"


def machine() -> dict[str, str]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        total = int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")) / 2**30
        memory = f"{total:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        memory = "unknown"
    import spacy

    return {
        "cores": str(os.cpu_count()),
        "cpu": model,
        "memory": memory,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "system": f"{platform.system()} {platform.release()}",
    }


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n else "n/a"


def _median(passes: list[dict[str, Any]], key: str) -> float:
    return statistics.median(p[key] for p in passes)


def summary(runs: list[dict[str, Any]]) -> dict[str, float]:
    bare = [r for r in runs if r["name"] == "bare"]
    ours = [r for r in runs if r["name"] == "ours"]
    # Other work on the machine only ever adds time, so each pass's fastest round is its least
    # disturbed one (the convention of timeit); the medians are given beside it.
    return {
        "bare_wall": min(r["wall_s"] for r in bare),
        "ours_wall": min(r["wall_s"] for r in ours),
        "ratio": min(r["wall_s"] for r in ours) / min(r["wall_s"] for r in bare),
        "ratio_median": _median(ours, "wall_s") / _median(bare, "wall_s"),
        "ratio_cpu": _median(ours, "cpu_s") / _median(bare, "cpu_s"),
        "peak_rss": max(r["peak_rss"] for r in ours),
        "peak_pss": max(r["peak_pss"] for r in ours),
        # Start-up: `pipeline.build` in a fresh process, the model and every dictionary loaded.
        "startup": min(r["load_s"] for r in ours),
        "startup_median": _median(ours, "load_s"),
    }


def render(runs: list[dict[str, Any]], stages: dict[str, float] | None, info: dict[str, Any]) -> str:
    """The whole page from the rounds, the per-stage timings (if measured) and the run's context."""
    lines = [*_header(info), *_result(runs, info), *_rounds(runs)]
    if stages:
        lines += _stages(stages, info)
    lines += ["", NOTES]
    return "\n".join(lines) + "\n"


def _header(info: dict[str, Any]) -> list[str]:
    """How the page was made and on what machine, under which load, so a reader can judge it."""
    m = info["machine"]
    return [
        "# Performance on one machine",
        "",
        "Written by `benchmarks/performance.py` (`make bench`); do not edit by hand, re-run it.",
        "",
        f"Command: `{info['command']}`  ",
        f"Date: {info['date']}  ",
        f"Machine: {m['cores']} cores, {m['cpu']}, {m['memory']} RAM, {m['system']}, Python "
        f"{m['python']}, spaCy {m['spacy']}  ",
        f"Load average (1/5/15 min) before: {info['load_before']}; after: {info['load_after']} "
        "(other work was running on the machine: a round whose 'cores busy' is below the workers "
        "lost a share of the cores to it)",
        "",
    ]


def _result(runs: list[dict[str, Any]], info: dict[str, Any]) -> list[str]:
    """The headline figures: throughput of both passes, their ratio, problems and peak memory."""
    s = summary(runs)
    tokens = next(r["tokens"] for r in runs if r["name"] == "bare")
    n = runs[0]["articles"]
    return [
        "## Result",
        "",
        f"- Corpus: {n:,} articles, {tokens:,} tokens ({info['corpus']} repeated), "
        f"{info['workers']} worker process(es), tasks of {max(1, info['batch'] // 4)} articles "
        f"(batch_size {info['batch']}).",
        f"- Our whole extraction (fastest round): **{n / s['ours_wall']:.1f} articles/s**, "
        f"{tokens / s['ours_wall']:,.0f} tokens/s.",
        f"- Bare spaCy pass (`nlp.pipe`, same texts, same processes): "
        f"**{n / s['bare_wall']:.1f} articles/s**, {tokens / s['bare_wall']:,.0f} tokens/s.",
        f"- Ratio ours/bare, wall time: **{s['ratio']:.2f}** (fastest round of each; medians of the "
        f"rounds: {s['ratio_median']:.2f}); CPU time of the process trees (medians): "
        f"{s['ratio_cpu']:.2f}. Target: at most 1.0 (issue 15: the parse as the only cost).",
        *_load_warning(runs),
        f"- Articles our pass skipped with a problem: {max(r['extra'].get('problems', 0) for r in runs)} "
        f"(any above 0 make its figures meaningless); events found: "
        f"{next(r['extra']['events'] for r in runs if r['name'] == 'ours'):,}.",
        f"- Start-up (a fresh process loading the model and every dictionary, `pipeline.build`): "
        f"**{s['startup']:.2f} s** (fastest round; median {s['startup_median']:.2f} s). Target: under 3 s.",
        f"- Peak memory of our process tree: {mb(s['peak_rss'])} RSS summed over processes "
        f"({mb(s['peak_pss'])} PSS, shared pages counted once). Target: under 2 GB.",
        "",
    ]


def _rounds(runs: list[dict[str, Any]]) -> list[str]:
    """One row per pass and round, so disturbed rounds show."""
    tokens = next(r["tokens"] for r in runs if r["name"] == "bare")
    lines = [
        "| round | pass | articles/s | tokens/s | wall s | CPU s | cores busy | peak RSS | peak PSS "
        "| load s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(
            f"| {r['round']} | {r['name']} | {r['articles'] / r['wall_s']:.1f} | "
            f"{tokens / r['wall_s']:,.0f} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | "
            f"{r['cpu_s'] / r['wall_s']:.2f} of {r['workers']} | {mb(r['peak_rss'])} | "
            f"{mb(r['peak_pss'])} | {r['load_s']:.1f} |"
        )
    return lines


def _stages(stages: dict[str, float], info: dict[str, Any]) -> list[str]:
    """Milliseconds per article of each stage beside the parse, to show where to optimise."""
    lines = [
        "",
        "## Where our time goes",
        "",
        f"Milliseconds per article for each stage, one process, over {info['stage_articles']} "
        "articles (the shared corpus once), parse included for scale:",
        "",
        "| stage | ms/article |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {ms:.1f} |" for name, ms in stages.items()]
    ours_ms = sum(v for k, v in stages.items() if k != PARSE)
    parse = stages.get(PARSE, 0.0)
    if parse:
        lines += ["", f"All stages together: {ours_ms:.1f} ms/article, "
                  f"{100 * ours_ms / parse:.0f}% of the parse."]
    return lines


def _load_warning(runs: list[dict[str, Any]]) -> list[str]:
    """A caveat when the fastest rounds of the two passes met different load from other work."""
    fastest = [min((r for r in runs if r["name"] == k), key=lambda r: r["wall_s"]) for k in ("bare", "ours")]
    busy = [r["cpu_s"] / r["wall_s"] for r in fastest]
    if abs(busy[0] - busy[1]) <= 0.25:
        return []
    pairs = [(o["wall_s"] / b["wall_s"]) for b in runs if b["name"] == "bare"
             for o in runs if o["name"] == "ours" and o["round"] == b["round"]]
    return [
        f"- **Caveat:** the fastest rounds ran under different load from other work (cores busy "
        f"{busy[0]:.2f} bare, {busy[1]:.2f} ours), so their wall-time ratio is not a fair "
        f"comparison; trust the CPU-time ratio. Per round, ours/bare wall time: "
        + ", ".join(f"{x:.2f}" for x in pairs) + "."
    ]


NOTES = """## How the pipeline is parallel

`pipeline.run` sends tasks of a quarter of `batch_size` articles (small, so that the workers
finish together) to `workers` processes (settings.yml; `--workers` on the command line; 0, the
default, means one per core). Each worker parses its task with `nlp.pipe` *and* runs every
stage on it, then returns finished Extractions, so our stages run in parallel with the parse
instead of serially behind it in the parent, and no spaCy Doc crosses a process boundary (a
serialised Doc is far larger than the Extraction made from it; the bare pass pays that cost,
we do not). On Linux the workers are forked after the model, dictionaries and gazetteer are
loaded, so they share them copy-on-write and start in milliseconds; `pipeline.build` ends by
freezing what it loaded out of Python's cyclic garbage collector (`gc.freeze()`), so a full
collection during the run walks only what the articles made, not the half-million objects of
the model, dictionaries and gazetteer, and leaves their shared pages alone. At most three tasks per
worker are in flight, and results come back in input order with reader problems in their
place: memory does not grow with the corpus.

The bare pass gets the same task size (`nlp.pipe(batch_size=...)`): with spaCy's default of
1,000 texts per batch it would hand a 1,000-article corpus to a single process.

One article whose stage raises becomes an E501 problem and the rest go on; a worker process
that dies takes the tasks in flight with it (each article reported as E501) and a fresh pool
carries on.

## What our parse costs against the bare one

The bare pass runs the shipped model as `spacy.load` gives it, every enabled component. Ours
runs the same model with two changes (`nlp.load`): the paragraph-break component before the
parser, and the model's `attribute_ruler` and `lemmatizer` replaced by one component compiled
from them at start-up (`nlp/attributes.py`). Those two rule components spent about a fifth of
the parse's CPU time matching patterns and calling Python per token; the compiled one works
each distinct (word, tag, dependency, POS, morphology, lemma) out once with the ruler's own
patterns and the lemmatizer's own method, then sets a Doc with one lookup per token. Every
token's attributes are the same (`tests/nlp/test_attributes.py` compares them on the corpus
and VOA stories), so everything the stages read is unchanged.

A word the compiled component has not met yet still goes to the lemmatizer's own method once,
and each worker process meets a corpus's vocabulary anew. That method asks whether each form
its suffix rules make is in the model's word index, which spaCy holds as a list per part of
speech (up to 57,000 words), so every first meeting scanned lists: about 0.4 CPU seconds per
worker on the shared corpus, paid again by each worker. Ours holds the index as sets
(`attributes.index_as_sets`, on the lemmatizer our pipeline took out of the model): the same
answers in one probe each. The bare pass keeps spaCy's lists and pays the scans.

Writing the compiled attributes back cost more than looking them up: a numpy array built from a
list of Python tuples, and `Doc.from_array` with MORPH, which hands every token's morphology
string to `Morphology.add` in Python. Keys are now looked up as the bytes of their row of the
Doc's array, the outcomes gathered from one table by fancy indexing, and MORPH set through
`Token.morph` only on the tokens whose morphology the outcome changes (`nlp/outcomes.py`; a
value `Token.morph` would store under another key still goes through `from_array`): about half
the component's time. The paragraph-break component looked at every token and set each mark
through `Token.is_sent_start`, whose setter first walks the whole Doc for a dependency label;
it now finds the few whitespace tokens in the Doc's array of flags and writes the marks as one
array.

## What the stages read of the parse

A stage that scans a sentence for a few words (speech verbs, trigger lemmas, modals, numbers,
pronouns, actor phrases) used to read `token.lemma_`, `token.lower_` or `token.pos_` on every
token, and each read builds a Token and asks spaCy's string store. The stages now read those
strings from `nlp/words.py`: each token's lower-cased text, lower-cased lemma, POS and
dependency label, read from the Doc's arrays once per article into plain tuples, each distinct
string looked up once per process. A scan compares strings and builds a Token only where
something matched; `tests/nlp/test_words.py` checks the strings and the keys made from them
against the tokens' own on real articles. On the shared corpus this cut the stages' CPU by
about a sixth with byte-identical output.

Some questions are asked of the same words by several stages or many times by one, and are
answered once per article and kept with the Doc (`user_data`) or the stage's own pass: the
capitalised runs of names (toponyms and unlisted places both read them), a verb's own clause
(each figure asks it of every event's trigger; `nlp.syntax.own_clause_indices`), each event's
trigger word (read once per article for the figures, not once per figure), the list of
sentences (the paragraph window of the event places counts back through it instead of
building each sentence again with `Token.sent`), the tokens in page furniture (marked a span
at a time by bisection) and the quote marks' pattern (made once per text, not per line).
Extraction output is byte-identical before and after (the corpus and the VOA stories, diffed).

The stages copy their frozen objects with a field or two changed some seventy times an article
(an event given its date, then its place; an actor its country; a draft actor completed; the
results carried from stage to stage). `dataclasses.replace` reads every field into keyword
arguments and sets each again through the class's `__init__`; `model.evolve` copies the fields
as one dict (an Event: about 1.6 microseconds instead of 5) and leaves to `replace` any class
whose `__init__` does more than set its fields. Word lists a rule matches against many times an
article (the victim rules' phrases, by first word) are indexed once when first asked, and
questions of the whole article (its person words, its pair phrases, a body named again) are
read from the words' strings and the Doc's label array rather than by making a Token of every
word.

Making the objects costs as much as copying them: a frozen dataclass's own `__init__` sets each
field through `object.__setattr__`, and the objects the stages make most (evidence, cues, drafts,
toponyms, actors, stances) take `model.quick_init`'s, which sets them as one dict (a Toponym:
about 1.1 microseconds instead of 2.3). Whether the gazetteer knows a name is kept on it for the
process (`geo/known.py`), not asked again in each article that names it; a candidate place name's
text is cut from the article by the tokens' offsets instead of a Span's text, which joins a
Token per word on each read; and a range of tokens is made into a Span directly rather than
through spaCy's slice normalising.

`Token.children` is a generator that walks the token's span of the Doc and builds a Token for
every dependent, and the stages asked it hundreds of times an article, mostly to keep one or two
labels (a verb's subjects or objects, a noun's possessive). Each Doc's dependents are now
grouped under their heads once, from its array of heads (`nlp/children.py`), and compared by
their labels' strings, so a Token is built only for a dependent kept. The quotations a pronoun
may sit in are found by a pattern over the text and the line breaks among the whitespace tokens,
not by a look at every character of every token.
"""
