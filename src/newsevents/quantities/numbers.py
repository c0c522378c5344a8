"""Numbers in the text: digits, number words, scales, ranges, vague plurals and their qualifiers.

This part only finds figures (`Figure`); whether a figure counts people is decided by `kinds`.
Years, dates, money, percentages, ordinals, measures and compound modifiers are left out here.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.model import Qualifier
from newsevents.nlp.words import words
from newsevents.quantities.lexicon import QuantityLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The largest figure taken as a count: 10^10 is more than everyone alive, so a larger number
# next to "killed" or "displaced" is a misreading, a joke or a hostile input, never a count of
# people. Such a figure is dropped, not kept without its value: a row that says "killed" with
# no number would still be counted as a report of deaths. The bound also keeps every stored
# value far inside the store's 64-bit integers.
MAX_COUNT = 10**10
POWER_SIGNS = frozenset({"^", "**"})  # "10^100": a power, whose digits are no figure
SKIP_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
GROUP = re.compile(r"^\d{3}$")
LEADING_ZERO = re.compile(r"^0\d")
SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number found in the text, before it is known whether it counts people."""

    start: int  # first token (qualifier included)
    end: int  # token after the last number token
    last: int  # last number token: where the parse attaches the figure
    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier


def starts(doc: Doc, lex: QuantityLexicon) -> list[int]:
    """Indices of the tokens where a number or vague plural may begin, in order.

    A cheap pass over the lower-cased words, so sentences and tokens that cannot begin a figure
    are never read token by token; `figures` still decides exactly what each start is.
    """
    lowers = words(doc).lower
    first_vague = {key.split(" ", 1)[0] for key in lex.vague}
    out: list[int] = []
    for i, word in enumerate(lowers):
        # both number patterns begin with a digit; only then is the regex worth running
        if word in lex.numbers or word in first_vague or (word[:1].isdigit() and _number_text(word, lex)):
            out.append(i)
        elif word in ("a", "an") and i + 1 < len(lowers):
            nxt = lowers[i + 1]
            if nxt in lex.scales and len(nxt) > 2:
                out.append(i)
    return out


def token_number(token: Token, lex: QuantityLexicon) -> tuple[float, int] | None:
    """(value, scale) of one number token: "35,000" -> (35000, 1), "250k" -> (250, 1000)."""
    return _number_text(token.lower_, lex)


def _number_text(text: str, lex: QuantityLexicon) -> tuple[float, int] | None:
    if LEADING_ZERO.match(text):
        return None  # "000" cut from "61, 000", "007": no count is written so
    if DIGITS.match(text):
        return float(text.replace(",", "")), 1
    match = SUFFIXED.match(text)
    if match and match.group(2) in lex.scales:
        return float(match.group(1)), lex.scales[match.group(2)]
    if text in lex.numbers:
        return float(lex.numbers[text]), 1
    return None


def _read_number(sent: Span, i: int, lex: QuantityLexicon) -> tuple[int, float, bool] | None:
    """Read a number starting at sentence token i: (end index, value, had a scale word)."""
    total, current, j, scaled = 0.0, None, i, False
    tokens = sent.doc
    limit = sent.end
    nxt = tokens[i + 1].lower_ if i + 1 < limit else ""
    if tokens[i].lower_ in ("a", "an") and nxt in lex.scales and len(nxt) > 2:
        current, j = 1.0, i + 1
    while j < limit:
        tok = tokens[j]
        num = token_number(tok, lex)
        if current is not None and not scaled and _thousands_group(tokens, j, i):
            current = current * 1000 + float(tok.text)  # "14 000 people": a space between thousands
        elif num is not None and (current is None or tok.lower_ in lex.numbers):
            current = (current or 0.0) + num[0] * num[1]
            scaled = scaled or num[1] > 1
        elif current is not None and tok.lower_ in lex.scales and len(tok.lower_) > 2:
            scale = lex.scales[tok.lower_]
            if scale >= 1000:
                total, current = total + current * scale, 0.0
            else:
                current *= scale
            scaled = True
        elif (
            tok.text in ("-", "–")
            and current is not None
            and j + 1 < limit
            and tokens[j + 1].lower_ in lex.numbers
            and tokens[j - 1].lower_ in lex.numbers
        ):
            pass  # "twenty-three"
        elif (
            tok.lower_ == "and"
            and current is not None
            and j + 1 < limit
            and tokens[j - 1].lower_ in lex.scales
            and tokens[j + 1].lower_ in lex.numbers
        ):
            pass  # "nine hundred and twenty-one"
        else:
            break
        j += 1
    if current is None or j == i:
        return None
    return j, total + current, scaled


def _thousands_group(doc: Doc, j: int, first: int) -> bool:
    """Token j is three digits after one space that continue a digit number begun at `first`
    ("14 000", "1 073 673"), as French, UN and many agency reports write thousands."""
    prev = doc[j - 1]
    if not GROUP.match(doc[j].text) or prev.whitespace_ != " " or not prev.text.isdigit():
        return False
    return len(prev.text) <= 3 if j - 1 == first else len(prev.text) == 3


def _vague(sent: Span, i: int, lex: QuantityLexicon) -> tuple[int, int] | None:
    """A vague plural at token i ("thousands", "tens of thousands"): (end index, least value)."""
    doc = sent.doc
    if i + 2 < sent.end and doc[i + 1].lower_ == "of":
        phrase = f"{doc[i].lower_} of {doc[i + 2].lower_}"
        if phrase in lex.vague:
            return i + 3, lex.vague[phrase]
    if doc[i].lower_ in lex.vague:
        return i + 1, lex.vague[doc[i].lower_]
    return None


def _excluded(doc: Doc, start: int, end: int, lex: QuantityLexicon) -> bool:
    """Dates, money, percentages, ordinals, measures and compound modifiers ("five-year")."""
    counted = _counted_noun_follows(doc, end, lex)  # "between 90 and 230 people": a count
    if any(doc[k].ent_type_ in SKIP_ENTS and not counted for k in range(start, end)):
        return True  # the tagger reads "between 90 and" as a date, but no date counts people
    if end < len(doc) and doc[end].lower_ in lex.not_counted_after:
        return True
    if start > 0 and doc[start - 1].lower_ in lex.not_counted_before:
        return True  # "no one was killed": nobody
    if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].lower_ in ("every", "each", "ten"):
        return True  # a ratio: "one in every five"
    if start > 0 and (doc[start - 1].tag_ == "$" or doc[start - 1].text in ("$", "€", "£", "#", "No.")):
        return True
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].is_alpha:
        return True
    if start > 0 and doc[start - 1].text in POWER_SIGNS:
        return True
    if end < len(doc) and doc[end].text in POWER_SIGNS:
        return True
    return start > 1 and doc[start - 1].text == "-" and doc[start - 2].is_alpha


def _counted_noun_follows(doc: Doc, end: int, lex: QuantityLexicon) -> bool:
    """A people noun right after the number, or after its adverbs and adjectives ("between 2,000
    and 4,000 newly displaced people")."""
    k = end
    while k < len(doc) and k < end + 3 and doc[k].dep_ in ("advmod", "amod") and not _counts(doc[k], lex):
        k += 1
    return k < len(doc) and _counts(doc[k], lex)


def _counts(token: Token, lex: QuantityLexicon) -> bool:
    """Whether the token names people (or a kind of them) when it follows a number."""
    words = (token.lemma_.lower(), token.lower_)
    people = any(lex.persons.get(w, "homes") != "homes" or w in lex.nouns for w in words)
    return people and token.pos_ == "NOUN"  # "in 2012 buildings were ...": a year, not homes


def figures(sent: Span, lex: QuantityLexicon, starts: Sequence[int]) -> Iterable[Figure]:
    """Every number, range and vague plural in the sentence, with its qualifier.

    `starts` are the doc's possible figure starts (`starts`); other tokens are skipped.
    """
    doc = sent.doc
    k = bisect_left(starts, sent.start)
    while k < len(starts) and starts[k] < sent.end:
        i = starts[k]
        vague = _vague(sent, i, lex)
        read = None if vague else _read_number(sent, i, lex)
        if vague is None and read is None:
            k += 1
            continue
        if vague is not None:
            end, low = vague
            value, high, qualifier = None, None, "about"
        else:
            end, number, _ = read  # type: ignore[misc]
            if not math.isfinite(number):  # 400 digits read as a float: infinite, no count
                k = bisect_left(starts, end, k)
                continue
            value, low, high, qualifier = round(number), None, None, "exact"
        start, last = i, end - 1
        halved = i > sent.start and doc[i - 1].lower_ == "half" and doc[i].lower_ in ("a", "an")
        if value is not None and halved:
            start, value = i - 1, round(number / 2)  # "half a dozen" is six
        if value is not None:
            rng = _range(sent, i, end, number, lex)
            if rng is not None:
                start, end, low, high = rng
                last, value, qualifier = end - 1, low, "range"
        k = bisect_left(starts, end, k)
        if _excluded(doc, start, end, lex) or _beyond_count(value, low, high):
            continue
        qual_start, qual = _qualifier(doc, start, end, sent, lex)
        if qual is not None and qualifier != "range":
            qualifier = qual
        low, high = bounds(value, low, high, qualifier)
        yield Figure(min(start, qual_start), end, last, value, low, high, qualifier)


def bounds(
    value: int | None, low: int | None, high: int | None, qualifier: Qualifier
) -> tuple[int | None, int | None]:
    """The stated bound of a qualified count, so a reader can sum the least (or most) reported.

    "at least N" and "more than N" give low=N (the stated number: "more than 250,000" is not
    read as 250,001, the qualifier keeps the strictness); "up to", "as many as", "nearly",
    "almost" and "fewer than" N give high=N; "about N" and an exact N give no bound. A range
    keeps both ends, a vague plural its least meaning.
    """
    if value is None:
        return low, high
    if qualifier == "more_than" and low is None:
        return value, high
    if qualifier == "less_than" and high is None:
        return low, value
    return low, high


def _beyond_count(*values: int | None) -> bool:
    """True when any part of a figure is larger than any count of people (MAX_COUNT)."""
    return any(v is not None and v > MAX_COUNT for v in values)


def _range(
    sent: Span, i: int, end: int, first: float, lex: QuantityLexicon
) -> tuple[int, int, int, int] | None:
    """'between 20 and 30', '20 to 30', '20-30', 'from 20 to 30': (start, end, low, high)."""
    doc = sent.doc
    before = doc[i - 1].lower_ if i > sent.start else ""
    joiners = ("and",) if before == "between" else ("to", "-", "–")
    if end + 1 >= sent.end or doc[end].lower_ not in joiners:
        return None
    second = _read_number(sent, end + 1, lex)
    if second is None:
        return None
    stop, high, scaled = second
    low = first
    if scaled and low < high / 100:
        low *= high / _unscaled(doc, end + 1, stop, lex)
    start = i - 1 if before in ("between", "from") else i
    if not (math.isfinite(low) and math.isfinite(high)) or round(low) >= round(high):
        return None
    return start, stop, round(low), round(high)


def _unscaled(doc: Doc, start: int, stop: int, lex: QuantityLexicon) -> float:
    """The value of a number without its scale words ("3 million" -> 3), for ranges."""
    for k in range(start, stop):
        num = token_number(doc[k], lex)
        if num is not None:
            return num[0] or 1.0
    return 1.0


def _qualifier(
    doc: Doc, start: int, end: int, sent: Span, lex: QuantityLexicon
) -> tuple[int, Qualifier | None]:
    """The qualifier phrase just before the figure (or "or more" just after): (start, qualifier)."""
    for n in (3, 2, 1):
        if start - n < sent.start:
            continue
        phrase = " ".join(words(doc).lower[start - n : start])
        if phrase in lex.qualifiers:
            return start - n, lex.qualifiers[phrase]
    for k in (end, end + 1):
        if k + 1 < sent.end:
            phrase = f"{words(doc).lower[k]} {words(doc).lower[k + 1]}"
            if phrase in ("or more", "or so") and phrase in lex.qualifiers:
                return start, lex.qualifiers[phrase]
    return start, None
