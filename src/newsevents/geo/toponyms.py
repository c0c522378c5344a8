"""Finding place names in a parsed article, before deciding which place each one is.

The small English model mislabels places often (the seed's "Aleppo" is a nationality, "Kilis" a
person, "Aleppo's al-Fardous" one person), so names are taken from two sources and merged:
named entities, trimmed of "the" and possessives, and runs of capitalised tokens (with the Arabic
article and hyphens: "Bab al-Nairab"). Each name carries the words around it that say it is a
place and of what kind: a feature noun ("the northern province of Aleppo", "Kilis city",
"al-Fardous district"), a preposition ("in", "near", "north of"), a qualifier ("Paris, Texas").
Deciding whether a name is a place at all, and which one, is `resolve.py`'s job.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsevents.geo.counties import county_names
from newsevents.geo.dateline import is_dateline_name
from newsevents.geo.gazetteer import Cues, Gazetteer
from newsevents.geo.joins import joined_names, listed
from newsevents.geo.known import KnownNames
from newsevents.geo.names import (
    DASHES,
    PLACE_LABELS,
    POSSESSIVES,
    date_tagged_names,
    entity_spans,
    is_name_part,
    name_spans,
    person_words,
)
from newsevents.geo.pairs import embeddable, hyphen_pair
from newsevents.geo.qualifiers import nation_of
from newsevents.model import Feature, quick_init
from newsevents.nlp import sentence_of
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.spans import doc_span
from newsevents.nlp.words import words


@quick_init
@dataclass(frozen=True)
class Toponym:
    """A name that may be a place, with its offsets and the cues around it.

    `label` is the entity label over it ("" when found only by capitalisation); `hint` the feature a
    noun gives it; `cue` True when a preposition or feature noun marks it as a place; `qualifier`
    the name after a comma that narrows it ("Texas" in "Paris, Texas"); `district` True for
    "X district" / "the district of X", with `enclosing` the (start, end) of the name of the city
    around it ("Aleppo" in "Aleppo's al-Fardous district"), when the text gives one; `embedded`
    True for a place name at the edge of a longer name ("Pakistan" in "Pakistan Army"); `county`
    the full name of the county a bare name of a county list is (geo/counties.py).
    """

    start: int
    end: int
    text: str
    label: str = ""
    hint: Feature | None = None
    cue: bool = False
    qualifier: str | None = None
    qualified: str | None = None
    district: bool = False
    enclosing: tuple[int, int] | None = None
    embedded: bool = False
    county: str | None = None  # "Jackson County" for "Jackson" in "Jackson and Madison counties"
    dateline: bool = False  # "CROMWELL — Police said": the place a local story was filed from
    nation: str | None = None  # "PSE" of "the Palestinian city of Jenin" (geo/qualifiers.nation_of)


def _prev(doc: Doc, i: int, skip_adjectives: bool = False) -> Token | None:
    """The token before position i, skipping "the" (and adjectives, if asked); the words are read
    as strings (`words`), so only the token returned is built."""
    j, w = i - 1, words(doc)
    while j >= 0 and (w.lower[j] in ("the", "a", "an") or (skip_adjectives and w.pos[j] == "ADJ")):
        j -= 1
    return doc[j] if j >= 0 else None


def _hint_and_cue(span: Span, cues: Cues) -> tuple[Feature | None, bool]:
    doc = span.doc
    hint: Feature | None = None
    cue = False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in cues.feature_nouns:
        hint, cue = cues.feature_nouns[after.lower_], True
    elif after is not None and after.lower_ in cues.region_titles:
        hint, cue = "admin1", True  # "New York Gov. Cuomo", "the Alberta legislature": the region
    elif after is not None and (after.text in cues.modifier_nouns or after.text in cues.area_nouns):
        cue = True  # "Roselle police", "the northern Hama countryside": lower case only
    if after is not None and (after.text in POSSESSIVES or after.tag_ == "POS"):
        run = _run_after(doc, after.i + 1, cues)
        if (
            run is not None
            and run.end < len(doc)
            and cues.feature_nouns.get(doc[run.end].lower_) == "district"
        ):
            return "city", True  # "Aleppo's al-Fardous district"
    before = _prev(doc, span.start)
    if before is not None and before.lower_ == "of":
        noun = _prev(doc, before.i, skip_adjectives=True)
        if noun is not None and noun.lower_ in cues.feature_nouns:
            hint, cue = cues.feature_nouns[noun.lower_], True
        elif noun is not None and noun.lower_ in cues.relative:
            cue = True
    elif before is not None and (before.lower_ in cues.locative or before.lower_ in cues.directional):
        cue = True
    elif before is not None and before.text in cues.feature_nouns:  # "the capital Grozny"
        hint, cue = cues.feature_nouns[before.text], True
    elif getattr(_prev(doc, span.start, skip_adjectives=True), "lower_", "") in cues.locative:
        cue = True  # "in central Santiago", "in eastern Sri Lanka"
    return hint, cue


def _strip_feature_word(span: Span, cues: Cues) -> tuple[Span, Feature | None]:
    """ "Aleppo Governorate" -> ("Aleppo", admin1): a capitalised feature noun ends the name."""
    last = span[-1]
    if len(span) > 1 and last.lower_ in cues.feature_nouns:
        return span[:-1], cues.feature_nouns[last.lower_]
    return span, None


def _district(span: Span, cues: Cues) -> tuple[bool, Span | None]:
    """Whether the name is a district's, and the span of the city around it if the text says."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = _prev(doc, span.start)
    is_district = (after is not None and cues.feature_nouns.get(after.lower_) == "district") or (
        before is not None
        and before.lower_ == "of"
        and cues.feature_nouns.get(getattr(_prev(doc, before.i, True), "lower_", "")) == "district"
    )
    if not is_district:
        return False, None
    owner = doc[span.start - 1] if span.start > 0 else None
    if owner is not None and (owner.text in POSSESSIVES or owner.tag_ == "POS"):
        return True, _run_before(doc, owner.i, cues)
    if after is not None and cues.feature_nouns.get(after.lower_) == "district" and after.i + 1 < len(doc):
        prep = doc[after.i + 1]
        if prep.lower_ in ("of", "in"):
            return True, _run_after(doc, prep.i + 1, cues)
    return True, None


def _city_of_pair(span: Span, cues: Cues, gazetteer: Gazetteer) -> Span | None:
    """Of "the Kadhimiya neighborhood of Baghdad" or "the Nairobi suburb of Syokimau", the city
    around the district: the words do not say which name it is, the larger known place does."""
    doc, first, second, kind = span.doc, None, None, cues.feature_nouns.get
    after = doc[span.end] if span.end + 1 < len(doc) else None
    if after is not None and kind(after.lower_) == "district" and doc[after.i + 1].lower_ == "of":
        first, second = span, _run_after(doc, after.i + 2, cues)
    noun = _prev(doc, span.start)
    noun = _prev(doc, noun.i) if noun is not None and noun.lower_ == "of" else None
    if first is None and noun is not None and kind(noun.lower_) == "district":
        first, second = _run_before(doc, noun.i, cues), span
    sizes = [
        max((c.entry.population for c in gazetteer.lookup(s.text)), default=0) for s in (first, second) if s
    ]
    if len(sizes) < 2 or sizes[0] == sizes[1] or first is None or second is None:
        return None
    return first if sizes[0] > sizes[1] else second


def _run_before(doc: Doc, i: int, cues: Cues) -> Span | None:
    start = i
    while start > 0 and is_name_part(doc[start - 1], cues):
        start -= 1
    return doc_span(doc, start, i) if start < i else None


def _run_after(doc: Doc, i: int, cues: Cues) -> Span | None:
    while i < len(doc) and (doc[i].lower_ == "the" or (doc[i].pos_ == "ADJ" and doc[i].text.islower())):
        i += 1
    end = i
    while end < len(doc) and is_name_part(doc[end], cues):
        end += 1
    return doc_span(doc, i, end) if end > i else None


def _qualifier(span: Span, cues: Cues) -> str | None:
    """ "Paris, Texas": the capitalised name right after a comma, unless it opens a list."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        run = _run_after(doc, span.end + 1, cues)
        if run is None or run.start != span.end + 1:
            return None
        nxt = doc[run.end] if run.end < len(doc) else None
        if nxt is not None and (
            nxt.lower_ in ("and", "or") or (nxt.text == "," and _run_after(doc, nxt.i + 1, cues))
        ):
            return None
        return run.text
    return None


def _qualified(span: Span, cues: Cues) -> str | None:
    """ "Atlanta, Georgia": the name before the comma, unless the two are items of a list."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return None
    run = _run_before(doc, span.start - 1, cues)
    if run is None or (run.start > 0 and doc[run.start - 1].text == ","):
        return None
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("and", "or"):
        return None
    return run.text


def _label(span: Span) -> str:
    labels = [t.ent_type_ for t in span if t.ent_type_]
    for preferred in ("GPE", "LOC", "FAC"):
        if preferred in labels:
            return preferred
    return labels[0] if labels else ""


def _taken(span: Span, cues: Cues, known: bool = True, people: set[str] | None = None) -> bool:
    """Whether the name is the object of a verb of force or seizure ("captured Avdiivka")."""
    root = span.root
    taken = root.dep_ == "dobj" and root.head.lemma_.lower() in cues.taking_verbs
    return taken and known and span.text not in (people or set())


def _object_label(span: Span, cues: Cues) -> str:
    """The entity label, but none for one name the tagger took for a person as the object of a verb
    of force ("Rebels attacked Goma"): resolved then as a capitalised name (`resolve.py`). Such an
    object the gazetteer lists (not only its villages), and no word of a person's full name in the
    article, is cued as a place is by "in" ("captured Avdiivka": `find_toponyms`)."""
    label = _label(span)
    return "" if label == "PERSON" and len(span) == 1 and _taken(span, cues) else label


def find_toponyms(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[Toponym]:
    """Names the gazetteer (or its index of small places) knows or a district noun marks, outside
    page furniture; of an entity and a capitalised run that overlap, the known one wins, then the
    longer. Demonyms ("Syrian") are never toponyms, nor lower-case words in a capitalised sentence."""
    cues, doc, knows = gazetteer.cues, parsed.doc, KnownNames(gazetteer)
    found: dict[tuple[int, int], Toponym] = {}
    people = person_words(doc)  # a word of a person's name is that person, not a village ("Andrew Brunson")
    runs = name_spans(doc, cues)
    joined, whole = joined_names(runs, knows, cues.name_particles)  # "Isle of Man", "Ceamurlia de Jos"
    for raw in [*entity_spans(doc), *runs, *joined, *date_tagged_names(doc, knows)]:
        span, stripped_hint, text = raw, None, _name(parsed, raw.start, raw.end)
        known = knows[text]
        if not known and not any(c.primary for c in gazetteer.towns(text)):  # "Tarrant County" stays whole
            span, stripped_hint = _strip_feature_word(raw, cues)
            if span is not raw:
                text = _name(parsed, span.start, span.end)
                known = knows[text]
        if parsed.is_furniture(span.start, span.end) or gazetteer.is_demonym(text) or (
            text.lower() in cues.never_places or _common_word(span, text)
        ):
            continue
        is_district, owner = _district(span, cues)
        city = _city_of_pair(span, cues, gazetteer) if is_district else None
        if city is not None:  # "the Kadhimiya neighborhood of Baghdad": Baghdad is the city around
            is_district, owner = city.start != span.start, city
        small = not known and text not in people and bool(gazetteer.towns(text))  # resolve.py's _town
        if not known and not is_district and not small:
            for top in _embedded(parsed, span, raw, gazetteer):
                found.setdefault((top.start, top.end), top)
            continue
        (hint, cue), dateline = _hint_and_cue(span, cues), is_dateline_name(span)  # a cue and a field
        top = Toponym(
            span.start_char,
            span.end_char,
            text,
            _object_label(span, cues),
            "district" if is_district else None if city is not None else stripped_hint or hint,
            cue or stripped_hint is not None or dateline or _taken(span, cues, known, people),
            _qualifier(span, cues),
            _qualified(span, cues),
            is_district,
            (owner.start_char, owner.end_char) if owner is not None else None,
            dateline=dateline,
            nation=nation_of(span, gazetteer),
        )
        seen = found.get((top.start, top.end))
        if seen is None or seen.embedded:  # a name on its own says more than the same words inside one
            found[(top.start, top.end)] = top
    kept = _without_overlaps(list(found.values()), knows, whole)
    return county_names(listed(kept, parsed.article.text, PLACE_LABELS, people), parsed.article.text, cues)


def _name(parsed: ParsedArticle, start: int, end: int) -> str:
    """The text of tokens [start, end), cut from the article by their offsets: a Span's `text`
    builds a Token per word and joins them again on each read."""
    if end <= start:
        return ""
    return parsed.text[parsed.starts[start] : parsed.starts[end - 1] + len(words(parsed.doc).text[end - 1])]


def _embedded(parsed: ParsedArticle, span: Span, raw: Span, gazetteer: Gazetteer) -> list[Toponym]:
    """Place names at the edge of a longer name the gazetteer does not know: "Pakistan Army",
    "the Mansfield Police Department", "U.S.-led", "CBC Toronto".

    News names organisations, offices and events after their place, and the longer name hides
    the place from the lookup. The longest known run of words at the start, and the one at the
    end, are kept as `embedded` names, which the resolver accepts only as a country or region or
    as a place the article names elsewhere; or, before a local office ("the Athens Police
    Department", "Litchfield Fire Chief": `local_offices`), as the town it serves. A run the
    tagger calls a person is left whole ("Jordan Henderson" names no country) unless a local
    office follows the place: the tagger reads "Alexandria Police Spokeswoman Ashley Hildebrandt"
    as one person, but no one's name holds "Police".
    """
    pair = hyphen_pair(span, gazetteer) if len(span) > 1 else []
    if pair:  # "in Fargo-Moorhead": places of their own, each proven as the pair is
        cue = _hint_and_cue(span, gazetteer.cues)[1]
        return [Toponym(p.start_char, p.end_char, p.text, _label(p), cue=cue) for p in pair]
    if len(span) == 1:
        return [] if _person(raw) else _hyphen_head(span, gazetteer)
    person: bool | None = None  # read only when a part is known: most long names have none
    # The longest known start, else the longest known end: "Manila Bay" is Manila's bay, not the
    # Somali region Bay, while "CBC Toronto" and "Northeast Georgia" name their place last.
    sizes, text = range(len(span) - 1, 0, -1), words(span.doc).text
    bounds = [*((span.start, span.start + n) for n in sizes), *((span.end - n, span.end) for n in sizes)]
    # a known part begins with a capital and ends on no dash: the words' strings say which parts
    # can, and its name is cut from the text by the tokens' offsets, so a Span is built only for
    # a part the gazetteer holds
    for first, last in bounds:
        if not text[first][:1].isupper() or text[last - 1] in DASHES:
            continue
        if not embeddable(_name(parsed, first, last), gazetteer, towns=True):
            continue
        start, end = parsed.starts[first], parsed.starts[last - 1] + len(text[last - 1])
        part = doc_span(span.doc, first, last)
        if part[0].is_stop and not part[0].text.isupper():  # "The", but not "US" ("US Navy")
            continue
        if part.start > span.start and _world_region(part.text, gazetteer):
            continue  # "East Africa", "Central Africa": a region of its own, not the continent
        if is_dateline_name(part):  # "SAN ANTONIO Turner Sports analyst ...": a name of its own
            return [Toponym(start, end, part.text, _label(part), cue=True, dateline=True)]
        office = part.end < len(span.doc) and span.doc[part.end].lower_ in gazetteer.cues.local_offices
        office = office or _party_town(span, part, gazetteer.cues)
        person = _person(raw) if person is None else person
        if person and not office:
            continue
        if office or embeddable(part.text, gazetteer):
            return [Toponym(start, end, part.text, _label(part), cue=office, embedded=True)]
    return []


def _person(raw: Span) -> bool:
    return raw.label_ == "PERSON" or _label(raw) == "PERSON"


def _hyphen_head(span: Span, gazetteer: Gazetteer) -> list[Toponym]:
    """ "U.S.-led", "Iran-backed": the known place before the hyphen of one word."""
    text = span.text
    cut = max(text.find("-"), text.find("‐"))
    head = text[:cut] if cut > 0 else ""
    if embeddable(head, gazetteer):
        return [Toponym(span.start_char, span.start_char + len(head), head, _label(span), embedded=True)]
    return []


def _party_town(span: Span, part: Span, cues: Cues) -> bool:
    """ "Rep. Torrey Westrom, R-Elbow Lake": the town after a party letter and a hyphen."""
    head = span[0]
    first = part.start == span.start + 2 and head.text.isupper()
    return first and head.lower_ in cues.party_prefixes and span[1].text in DASHES


def _world_region(text: str, gazetteer: Gazetteer) -> bool:
    known = gazetteer.lookup(text)
    return any(c.primary and c.entry.feature == "other" and c.entry.country is None for c in known)


def _common_word(span: Span, text: str) -> bool:
    """A name (`span`, whose words are `text`) with no capital letter in a sentence that has them
    ("retreated into the bush") is a common word the entity recogniser mislabelled, not a place:
    English capitalises place names. In a sentence written all in lower case, capitals tell
    nothing and the name is kept."""
    if any(map(str.isupper, text)):
        return False
    return any(map(str.isupper, sentence_of(span).text))


def _without_overlaps(tops: list[Toponym], knows: KnownNames, whole: Collection[str] = ()) -> list[Toponym]:
    """Of overlapping names the known one (or one known `whole`), then the longer, then the first."""
    ranked = sorted(tops, key=lambda t: (not (knows[t.text] or t.text in whole), -(t.end - t.start), t.start))
    # The kept spans never overlap, so sorted by start their ends are sorted too, and a new span
    # can only overlap its two neighbours: found by bisection, not by a scan of all kept so far.
    kept: list[Toponym] = []
    starts: list[int] = []
    ends: list[int] = []
    for top in ranked:
        i = bisect_right(starts, top.start)
        if (i > 0 and ends[i - 1] > top.start) or (i < len(starts) and starts[i] < top.end):
            continue
        starts.insert(i, top.start)
        ends.insert(i, top.end)
        kept.append(top)
    return sorted(kept, key=lambda t: t.start)
