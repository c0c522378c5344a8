"""Finding actor cues: the dictionary phrases and named entities an actor mention is built from.

A cue is one word or phrase that says something about an actor: a country name, a demonym,
a capital, a person, an organisation, a sector noun ("forces", "refugees"). `match` only finds
them; `resolve.py` joins the cues of one noun phrase into a mention and gives it a code.

Dictionary phrases are matched on normalised lower-case tokens (see `dictionary.norm_token`), so
"Syrian", "SYRIAN" and "strikes-" match; case still matters where it carries meaning: a phrase
written with capitals never matches an all-lower-case word ("turkey", "us", "chad"), and an
acronym ("UN", "IS") matches only in capitals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise
from operator import or_
from typing import TYPE_CHECKING

from newsevents.actors.converted import Codes, dated
from newsevents.actors.dictionary import ActorDictionary, Entry, Key, Phrase, norm_token
from newsevents.actors.forenames import others_named_again, someone_else
from newsevents.actors.titled import titled_people
from newsevents.model import quick_init
from newsevents.nlp import entities_of
from newsevents.nlp.spans import doc_span
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsevents.model import Article
    from newsevents.nlp.parsed import ParsedArticle

# Parts of speech an actor word never has: "forces" as a verb, "us" as a pronoun.
NON_ACTOR_POS = frozenset({"VERB", "AUX", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT"})
NER_LABELS = frozenset({"PERSON"})
DATED_CACHE = 50_000  # entries as of a day, kept for the next article of the same day
TOKEN_KEYS = 200_000  # words whose match key is kept per process (`_token_keys`)


@quick_init
@dataclass(frozen=True)
class Cue:
    """One actor word or phrase: tokens [start, end), the entry it names and how it names it."""

    start: int
    end: int
    entry: Entry
    form: str  # name, alias, demonym, capital, seat, surname, word, ner
    root: int


def _case_ok(phrase: Phrase, words: list[str]) -> bool:
    """Capitals in the dictionary phrase must be honoured by the text (see module docstring)."""
    capital, acronym = _capitals(phrase.text)
    if not capital:
        return True
    text = " ".join(words)
    if text == text.lower():
        return False
    if acronym:
        return all(c.isupper() for c in text if c.isalpha())
    return True


@lru_cache(maxsize=65536)
def _capitals(text: str) -> tuple[bool, bool]:
    """Of a dictionary phrase: whether it has a capital, and whether it is an acronym (five
    letters at most, all capitals); read once per phrase, not for each word that may match it."""
    letters = [c for c in text if c.isalpha()]
    return any(c.isupper() for c in letters), len(letters) <= 5 and all(c.isupper() for c in letters)


def _in_office(entry: Entry, year: int | None) -> int:
    """Rank for people sharing a name: in office that year first, then the most recent holder."""
    if year is None:
        return 0
    if (entry.since or 0) <= year <= (entry.until or 9999):
        return 2
    return 1 if (entry.since or 0) <= year else 0


def _choose(
    phrases: tuple[Phrase, ...], words: list[str], day: dt.date | None, dictionary: ActorDictionary
) -> tuple[Phrase, Entry] | None:
    """The phrase the words stand for and its entry as of the article's day (see `_dated`)."""
    ok = [(p, _dated(p.entry, day, dictionary)) for p in phrases if _case_ok(p, words)]
    if not ok:
        return None
    year = day.year if day else None
    # Prefer the office holder of the article's year, then the latest entry (user files override).
    return max(reversed(ok), key=lambda pe: (_in_office(pe[1], year), pe[1].since or 0))


def _dated(entry: Entry, day: dt.date | None, dictionary: ActorDictionary) -> Entry:
    """An entry with dated roles as it stands on the day: its code then (actors/roles.py)."""
    if entry.timeline is None:
        return entry
    cache = dictionary.cache.setdefault("dated", {})
    key = (id(entry), day)
    if key not in cache:
        if len(cache) >= DATED_CACHE:
            cache.clear()  # a long corpus meets many days: the cache is a bounded convenience
        codes = dictionary.cache.get("codes")
        if codes is None:
            codes = dictionary.cache["codes"] = Codes(dictionary.countries, dictionary.sector_labels)
        cache[key] = dated(entry, day, codes)
    return cache[key]  # type: ignore[no-any-return]


def publication_day(article: Article) -> dt.date | None:
    """The article's publication day, the day roles are read against; None when it has none."""
    try:
        return dt.date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def _inside_longer_person(doc: Doc, start: int, end: int) -> bool:
    """A country or sector word inside a person's name ("Michael Jordan", "King Salman") is no cue."""
    token = doc[start]
    if token.ent_type_ != "PERSON":
        return False
    # The entity's bounds from the IOB tags around the token: `doc.ents` would rebuild every
    # entity of the article for each cue word.
    first, last = start, start + 1
    while doc[first].ent_iob_ == "I" and first > 0:
        first -= 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return (last - first) > (end - start)


def _span_root(doc: Doc, start: int, end: int) -> int:
    """The index of the span's syntactic root; a one-word span is its own, without a Span."""
    return start if end - start == 1 else doc_span(doc, start, end).root.i


@lru_cache(maxsize=65536)
def _key_of(lower: str) -> tuple[str, bool]:
    """A token's match key (from its lower-cased text) and whether it is whitespace."""
    space = lower.isspace()
    return ("" if space else norm_token(lower)), space


def _phrase_starts(dictionary: ActorDictionary) -> dict[str, tuple[int, ...]]:
    """Words that begin some phrase, each with the lengths of its phrases, longest first: most
    tokens begin none and need no table lookups at all, and the rest one per length that exists."""
    starts = dictionary.cache.get("phrase_starts")
    if starts is None:
        lengths: dict[str, set[int]] = {}
        for key in dictionary.phrases:
            if key:
                lengths.setdefault(key[0], set()).add(len(key))
        starts = {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}
        dictionary.cache["phrase_starts"] = starts
    return starts  # type: ignore[no-any-return]


def _phrase_pairs(dictionary: ActorDictionary) -> frozenset[Key]:
    """The first two words of every phrase of two words or more: where a word and the next make
    no such pair, only a one-word phrase can begin there, and the longer ones need no lookups."""
    pairs = dictionary.cache.get("phrase_pairs")
    if pairs is None:
        pairs = dictionary.cache["phrase_pairs"] = frozenset(k[:2] for k in dictionary.phrases if len(k) > 1)
    return pairs  # type: ignore[no-any-return]


def _one_word(dictionary: ActorDictionary) -> frozenset[str]:
    """Words that are a phrase by themselves: where a word is none and begins no longer phrase
    with the word after it (`_phrase_pairs`), no phrase begins and matching skips the token."""
    found = dictionary.cache.get("one_word")
    if found is None:
        found = dictionary.cache["one_word"] = frozenset(k[0] for k in dictionary.phrases if len(k) == 1)
    return found  # type: ignore[no-any-return]


def _token_keys(dictionary: ActorDictionary) -> dict[str, str | None]:
    """Each lower-cased word met so far -> its match key (`_key_of`): "" for whitespace, None for
    a lone dash, which matching skips. Kept per process with the dictionary, bounded."""
    known = dictionary.cache.get("token_keys")
    if known is None or len(known) > TOKEN_KEYS:
        known = dictionary.cache["token_keys"] = {}
    return known  # type: ignore[no-any-return]


def _match_keys(lowers: Sequence[str], known: dict[str, str | None]) -> tuple[Sequence[int], list[str]]:
    """The tokens matched over (every one but a lone dash: no whitespace, no key) and their keys, each word's
    text normalised once per process: a Doc's words are one `map`, not a call per word."""
    found = list(map(known.get, lowers))
    if None in found:  # words not met yet, or lone dashes (known as None: looked at again)
        for i, key in enumerate(found):
            if key is None:
                key, space = _key_of(lowers[i])
                found[i] = known[lowers[i]] = key if key or space else None
        if None in found:
            pos = [i for i, key in enumerate(found) if key is not None]
            return pos, [found[i] for i in pos]  # type: ignore[misc]
    return range(len(found)), found  # type: ignore[return-value]


def prepare(dictionary: ActorDictionary) -> None:
    """Index what matching needs before the first article, so worker processes forked after the
    pipeline is built share it instead of each building it again."""
    _phrase_starts(dictionary)
    _phrase_pairs(dictionary)
    _one_word(dictionary)


def match(parsed: ParsedArticle, dictionary: ActorDictionary) -> list[Cue]:
    """Every cue in the doc, left to right, longest match first, none overlapping or in furniture.

    Tokens that are only a dash are skipped while matching, because the dictionary's phrases are
    indexed without them ("pro-Russian separatists", "Saudi-led coalition" are split around the
    dash in news text). A `non_actors` phrase consumes its tokens and gives no cue.
    """
    doc = parsed.doc
    pos, keys = _match_keys(words(doc).lower, _token_keys(dictionary))
    day = publication_day(parsed.article)
    starts, pairs = _phrase_starts(dictionary), _phrase_pairs(dictionary)
    cues: list[Cue] = []
    free, n = 0, len(pos)  # the first token no earlier phrase consumed
    # Where a phrase can begin: a word that is a phrase by itself, or a word and the next that
    # begin a longer one. Many words begin only longer phrases ("the", "new", "prime"), which
    # the next word seldom continues: the loop runs only at the tokens that may match.
    paired = [*map(pairs.__contains__, pairwise(keys)), False]
    for j in compress(range(n), map(or_, paired, map(_one_word(dictionary).__contains__, keys))):
        if j < free:
            continue
        lengths = starts[keys[j]] if paired[j] else (1,)  # longest first; one word when unpaired
        found: Cue | None = None
        consumed = 0
        for length in lengths:
            phrases = dictionary.phrases.get(tuple(keys[j : j + length])) if length <= n - j else None
            if not phrases:
                continue
            if any(p.entry.kind == "none" for p in phrases):
                consumed = length
                break
            found = _accept(parsed, pos[j], pos[j + length - 1] + 1, phrases, day, dictionary)
            if found is not None:
                consumed = length
                break
        if found is not None:
            cues.append(found)
        free = j + max(consumed, 1)
    cues.extend(_ner_people(parsed, cues))
    cues = others_named_again(parsed.doc, cues)
    cues.extend(Cue(*found) for found in titled_people(parsed, cues, dictionary))
    cues.extend(_surnames(parsed, cues))
    cues.sort(key=lambda c: c.start)
    return cues


def _supporter_prefix(lower: Sequence[str], start: int) -> bool:
    """ "pro-Russian separatists", "a pro-Maduro rally": the supporters of X, not X itself.
    `lower`: the Doc's lower-cased words; a lone dash is a word whose key is empty (`_key_of`)."""
    if start >= 2 and lower[start - 2] == "pro" and _key_of(lower[start - 1]) == ("", False):
        return True
    return start >= 1 and lower[start - 1] in ("pro-", "pro")


def _inside_longer_name(doc: Doc, root_i: int, end: int, dictionary: ActorDictionary) -> bool:
    """A sector word that only begins a proper name ("Government Science College", "Army Radio").

    The word is a compound of a capitalised head that is no dictionary word, inside one named
    entity: the name is an institution's or a building's, not the sector's.
    """
    if words(doc).dep[root_i] != "compound":  # most sector words: the label as a string, per Doc
        return False
    root = doc[root_i]
    head = root.head
    if head.i < end or head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    if (norm_token(head.text),) in dictionary.phrases:
        return False
    return bool(root.ent_type_) and root.ent_iob_ != "O" and head.ent_type_ == root.ent_type_ and (
        root.ent_type_ in ("ORG", "FAC")
    )


def _accept(
    parsed: ParsedArticle, start: int, end: int, phrases: tuple[Phrase, ...], day: dt.date | None,
    dictionary: ActorDictionary,
) -> Cue | None:
    doc = parsed.doc
    if parsed.is_furniture(start, end):
        return None
    w = words(doc)  # the Doc's strings, read once: no Token is made for most words
    chosen = _choose(phrases, list(w.text[start:end]), day, dictionary)
    if chosen is None:
        return None
    phrase, entry = chosen
    root = _span_root(doc, start, end)
    if w.pos[root] in NON_ACTOR_POS and phrase.entry.kind != "person":
        return None
    if w.pos[root] == "ADJ" and phrase.entry.role == "person" and end - start == 1:
        return None  # "a general strike", "general election": an adjective, not the officer
    if phrase.entry.role == "title" and not _name_follows(doc, end):
        return None  # "DP" before a name is a deputy president, "the DP" may be a party
    if phrase.entry.kind in ("country", "region", "sector") and _inside_longer_person(doc, start, end):
        return None
    if phrase.entry.kind in ("country", "region", "person", "org") and _supporter_prefix(w.lower, start):
        return None
    if phrase.entry.kind == "sector" and _inside_longer_name(doc, root, end, dictionary):
        return None
    if phrase.entry.kind == "person" and someone_else(doc, start, phrase.entry, dictionary):
        return None  # "Hunter Biden": another person who shares the known one's surname
    return Cue(start, end, entry, phrase.form, root)


def _ner_people(parsed: ParsedArticle, cues: list[Cue]) -> list[Cue]:
    """People the model finds and the dictionary does not know: kept so roles and pronouns can attach."""
    taken = {i for c in cues for i in range(c.start, c.end)}
    out: list[Cue] = []
    for ent in entities_of(parsed.doc):
        if ent.label_ not in NER_LABELS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        if parsed.is_furniture(ent.start, ent.end):
            continue
        # Leading titles the model includes ("President X") are sector cues of their own.
        text = ent.text.strip()
        entry = Entry("person", text.lower(), text, "", None, None, origin="ner")
        out.append(Cue(ent.start, ent.end, entry, "ner", ent.root.i))
    return out


def _surnames(parsed: ParsedArticle, cues: list[Cue]) -> list[Cue]:
    """A lone capitalised name that is the last word of a person named in full before it: the same
    person's surname ("Sali Berisha ... Berisha rejected the allegations"). The model often labels
    such a surname a place or an organisation, or nothing, once the first name is gone, so it is
    read here from the article's own people instead; `coref` links it back to the full name.

    Only a word that is a name by itself, not part of a longer one ("Argita Berisha Malltezi"),
    and no dictionary phrase already (those are cues of their own)."""
    doc = parsed.doc
    people = [c for c in cues if c.entry.kind == "person" and c.end - c.start > 1]
    if not people:
        return []
    first_seen: dict[str, int] = {}
    for c in sorted(people, key=lambda c: c.start):
        first_seen.setdefault(doc[c.end - 1].lower_, c.end)
    taken = {i for c in cues for i in range(c.start, c.end)}
    out: list[Cue] = []
    # the words' strings, read once per Doc: a Token is made only for a word that was a surname
    for i, lower in enumerate(words(doc).lower):
        seen_at = first_seen.get(lower)
        if seen_at is None or i < seen_at or i in taken:
            continue
        token = doc[i]
        if not _lone_name(token) or parsed.is_furniture(i, i + 1):
            continue
        entry = Entry("person", lower, token.text, "", None, None, origin="ner")
        out.append(Cue(i, i + 1, entry, "ner", i))
    return out


def _name_follows(doc: Doc, end: int) -> bool:
    """Whether a capitalised proper noun comes right after token `end - 1` (a title's name)."""
    return end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()


def _lone_name(token: Token) -> bool:
    """A capitalised proper noun standing alone, or after an abbreviated honorific ("Mr. Berisha")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or not token.text.isalpha():
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "PROPN":
        return False
    return before is None or before.pos_ != "PROPN" or before.text.endswith(".")
