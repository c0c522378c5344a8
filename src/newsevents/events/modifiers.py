"""What a noun trigger's modifiers say about its actors: who acts, whom it opposes, who backs it.

"Russian air strikes" and "the regime's offensive" name the doer in a modifier, and so does "the
U.S.-led offensive" its leader; "anti-government rallies" name whom the act opposes; "a
Russian-backed offensive" names a backer, not the doer; and
"a Sudan village attack" or "Baghdad's suicide attack" name where, not who. These readings are
shared by the argument finder (arguments.py) and the coder (coding.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events.objects import pobjs
from newsevents.events.subjects import kids

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.arguments import MentionIndex
    from newsevents.events.modality import Cues
    from newsevents.model import ActorMention

# how the leader hangs on its participle: "U.S." in "U.S.-led" (npadvmod), "Saudi" in "Saudi-led"
LEADER_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod", "advmod"})


def against(token: Token) -> bool:
    """ "anti-government rallies": the modifier names whom the act opposes, not who acts."""
    if token.lower_.startswith("anti"):
        return True
    i, doc = token.i, token.doc
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"


def backer(token: Token, index: MentionIndex, cues: Cues) -> ActorMention | None:
    """The mention of X in "an X-backed <noun>" ("a Russian-backed offensive"), or None.

    The backer supports the act without performing it; `coding` may name the performer from
    what the article has already said X backs.
    """
    for word in token.children:
        if word.dep_ not in ("amod", "compound") or word.i > token.i:
            continue
        text = word.lower_.strip("-–")
        glued = "-" in text and text.rsplit("-", 1)[1] in cues.backer_words
        if text not in cues.backer_words and not glued:
            continue
        if glued and word.i in index.by_token:
            return index.by_token[word.i]  # "Russian-backed" as one token
        for child in word.children:
            if child.i < word.i and child.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod"):
                found = index.by_token.get(child.i)
                if found is not None:
                    return found
    return None


def modifier_source(
    token: Token, index: MentionIndex, with_words: set[int], cues: Cues
) -> tuple[ActorMention, ...]:
    """The actor a noun trigger's modifiers name ("the regime's offensive", "Russian air strikes").

    A modifier counts only when it is itself (part of) a mention: in "military base attacks" the
    base is where the attack fell, not who made it. A place name used as a compound ("a Sudan
    village attack", "the Niger kidnapping") or a capital as possessor ("Baghdad's suicide
    attack") says where, not who; demonyms and possessive countries still name the actor.
    """
    mods = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    mods = [c for c in mods if c.i not in with_words and c.lower_.strip("-") not in cues.backer_words]
    found = []
    for c in mods:
        m = index.by_token.get(c.i) or _leader(c, index, cues)
        if m is None or against(c) or _place_word(c, m):
            continue
        found.append(m)
    return tuple(dict.fromkeys(found))


def _leader(word: Token, index: MentionIndex, cues: Cues) -> ActorMention | None:
    """X in "the X-led offensive", "X-led bombing raids": who leads the act makes it (`leader_words`
    in cues.yml), unlike who backs it."""
    if word.lower_ not in cues.leader_words:
        return None
    kids = [index.by_token.get(c.i) for c in word.children if c.i < word.i and c.dep_ in LEADER_DEPS]
    return next((m for m in kids if m is not None), None)


def phrase_doer(
    token: Token, index: MentionIndex, targets: tuple[ActorMention, ...], cues: Cues, of_acts: bool
) -> tuple[ActorMention, ...]:
    """Who does an act aimed at a named party when no modifier said so: a country named before a
    measure or help (`imposer`), else, where the noun's "of" names who acts (`of_acts`), its "of"
    object ("the visit of President Macron to Algeria", "the support of X for Y"). Nothing when
    the act is aimed at no one: "the visit of the delegation" may be a visit received."""
    if not targets:
        return ()
    found = imposer(token, index, targets, cues)
    if found or not of_acts:
        return found
    return tuple(m for m in index.resolve(pobjs(token, ("of",))) if m not in targets)


def imposer(
    token: Token, index: MentionIndex, targets: tuple[ActorMention, ...], cues: Cues
) -> tuple[ActorMention, ...]:
    """The country a noun names before a measure, help or force aimed at a named party ("U.S.
    restrictions on Chinese business", "U.S. aid to Ukraine", "Ankara's backing of X", "U.S. strikes
    on X"): the one imposing, giving or using it, though `modifier_source` reads such a word as a
    place. Only for `aimed_nouns` with targets: "Iran sanctions" alone are more often those Iran
    undergoes, and "Ukraine aid" the aid it gets."""
    if token.lemma_.lower() not in cues.aimed_nouns:
        return ()
    found = []
    for word in token.children:
        m = index.by_token.get(word.i)
        if word.dep_ not in ("compound", "nmod", "poss") or word.i > token.i or m is None or m in targets:
            continue
        if _place_word(word, m) and (word.dep_ == "poss" or m.actor.sector is None):
            found.append(m)  # a capital is the government as possessor ("Moscow's"), a place as compound
    return tuple(dict.fromkeys(found))


def _place_word(word: Token, m: ActorMention) -> bool:
    if m.kind != "name" or m.actor.code in ("", None):
        return False
    if word.dep_ == "compound" and m.actor.sector is None and word.ent_type_ != "NORP":
        return True  # a country or region named as a noun
    capital = m.actor.sector == "GOV" and m.token_end - m.token_start == 1 and word.ent_type_ == "GPE"
    return word.dep_ in ("poss", "compound") and capital and word.doc[m.head].ent_type_ == "GPE"


def hyphen_parties(
    token: Token, index: MentionIndex, source: tuple[ActorMention, ...] = ()
) -> tuple[ActorMention, ...]:
    """ "US-China talks", "the Israel-Hamas ceasefire", "the India-Pakistan border clash": the
    parties a hyphen joins before a mutual noun, left to right (the actor recogniser keeps each a
    mention of its own); () when no modifier of the noun ends such a pair, or when the noun's
    `source` is some other actor than the pair's."""
    doc = token.doc
    for word in token.children:
        if word.dep_ not in ("amod", "compound", "nmod") or word.i > token.i:
            continue
        last = index.by_token.get(word.i)
        if last is None:
            continue
        found = [last]
        while (start := found[0].token_start) >= 2 and _bare_dash(doc[start - 1]):
            before = index.by_token.get(start - 2)
            if before is None or before in found or doc[start - 2].whitespace_:
                break
            found.insert(0, before)
        if len(found) > 1 and set(source) <= set(found):
            return tuple(found)
    return ()


def paired_sides(
    token: Token, index: MentionIndex, source: tuple[ActorMention, ...] = ()
) -> tuple[ActorMention, ...]:
    """The two sides a mutual noun's own modifiers name: a hyphenated pair ("US-China talks"), else a
    possessor and a compound of another country ("his White House meeting"), else the parties "their"
    stands for (`plural_owners`)."""
    pair = hyphen_parties(token, index, source) or host_pair(token, index, source)
    return pair or plural_owners(token, index)


def plural_owners(token: Token, index: MentionIndex) -> tuple[ActorMention, ...]:
    """ "X and Y are off to a good start based on their phone call": a mutual act owned by "their" is
    between the parties the subject of its clause joins, when it joins two or more; () elsewhere."""
    if not any(c.dep_ == "poss" and c.lower_ == "their" for c in token.children):
        return ()
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    while verb.pos_ in ("VERB", "AUX") and not kids(verb, "nsubj") and verb.head.i != verb.i:
        verb = verb.head  # "based on their call": the participle hangs from the verb that has the subject
    found = index.resolve(kids(verb, "nsubj"))
    return found if len(found) > 1 else ()


def host_pair(
    token: Token, index: MentionIndex, source: tuple[ActorMention, ...] = ()
) -> tuple[ActorMention, ...]:
    """ "his White House meeting", "Modi's Kremlin talks": the possessor of a mutual act and the party
    of another country its compound names, possessor first; () when no such pair stands before the
    noun, or when the compound is the possessor's own ("Putin's Kremlin meeting": a place of his)."""
    found = [(c.dep_, index.by_token.get(c.i)) for c in token.children if c.i < token.i]
    named = [(dep, m) for dep, m in found if m is not None]
    owners = [m for dep, m in named if dep == "poss"]
    hosts = [m for dep, m in named if dep in ("compound", "nmod")]
    for owner in owners[:1]:
        country = owner.actor.country
        for host in hosts:
            if host != owner and country and host.actor.country not in (None, country):
                return (owner, host) if set(source) <= {owner, host} else ()
    return ()


def _bare_dash(token: Token) -> bool:
    return token.text in ("-", "–") and not token.whitespace_
