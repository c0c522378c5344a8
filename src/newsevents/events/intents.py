"""Acts asked for, demanded, refused, promised or threatened: one event, coded by what is asked.

"urged Y to hold talks" is an appeal to negotiate (026), "threatened to impose sanctions on X" a
threat of sanctions (1312) against X, "refused to release the prisoners" a refusal to yield (1243):
the act in the complement has not happened, so it is no event of its own. The rules:

- folding: a trigger of appeal, intent, demand, rejection or threat (root 02, 03, 10, 12, 13) whose
  complement (its xcomp or ccomp chain, the noun it takes as object or "for" object, and that noun's
  own complement: "rejected a proposal to hold talks"; for appeals and demands also a to-infinitive
  the parse hangs beside them: "pleaded with X to release Y") is itself a trigger takes the code
  `data/events/cameo_intents.tsv` gives for that act, keeps its own target or else takes the act's,
  and the act's events go;
- modal intents: a coercive act (a code the table gives a threat for) that the speaker says it will
  or would do ("X said it would impose tariffs on Y", "X warned it would strike"), or that is a
  modal act bound by "unless" or "if" ("will impose sanctions unless ...", "may halt its mediation
  if ..."), is a threat by its doer; a cooperative act the speaker says it will do ("Israel
  announced it would free 150 prisoners") is an intent (03x), and one it says it will not do ("said
  it would not release them") a refusal (12x); a state's own official speaks for it ("the Iranian
  foreign minister said Iran would not negotiate"); an act its doer plans, wants or prepares to do
  ("Greece plans to impose restrictions") counts as said; a measure said to take effect on a set
  day ("the tariffs would take effect Wednesday", "sanctions will come into force") is no threat
  but the measure itself, announced;
- modal demands: "X said Y must/should <act>" is a demand (must) or appeal (should) by the speaker
  to Y, coded by the act when it is a trigger; "Y needs to <act>" is an appeal, "Y has to <act>" a
  demand; "Y should not <act>" is still an appeal, under its generic code; a quoted sentence with
  no verb of saying ("'The council must act.'") is its quote's speaker's demand;

The table is data; this module only reads the parse and rewrites the sentence's events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.events.codes import CameoCode, CodeTable
from newsevents.model import Actor, Event
from newsevents.nlp.children import children_of
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.modality import Cues

Kind = Literal["appeal", "demand", "reject", "threaten", "intend"]
KINDS: tuple[Kind, ...] = ("appeal", "demand", "reject", "threaten", "intend")
COLUMNS = ("act", *KINDS)
FRAME_KINDS: dict[str, Kind] = {
    "02": "appeal", "03": "intend", "10": "demand", "12": "reject", "13": "threaten",
}  # fmt: skip
GENERIC_THREAT = "130"
# Frames whose complement's doer is the frame's own subject ("promised to", "refused to", "threatened
# to"); an appeal's or demand's is whom it asks ("urged X to")
SUBJECT_KINDS = frozenset({"intend", "reject", "threaten"})
CONDITIONS = frozenset({"unless", "if"})
POSSIBLE_AUX = frozenset({"may", "might", "could"})
FUTURE_AUX = frozenset({"will", "would", "'ll", "wo", "shall"})
# "X said Y must ...": a demand; "should", "ought to": an appeal
MODAL_KINDS: dict[str, Kind] = {"must": "demand", "should": "appeal", "ought": "appeal"}
# "X said Y needs to <act>": an appeal; "has to": a demand, as "must"
NEED_KINDS: dict[str, Kind] = {"need": "appeal", "have": "demand"}
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})


@dataclass(frozen=True)
class IntentTable:
    """Act code prefix -> the code of asking for, demanding, refusing or threatening it."""

    rows: Mapping[str, Mapping[Kind, str]]

    def code(self, kind: Kind, act: str) -> str | None:
        """The finest code of `kind` for the act `act` (longest prefix with a cell), or None."""
        for size in range(len(act), 1, -1):
            found = self.rows.get(act[:size], {}).get(kind)
            if found:
                return found
        return None


def _row(rec: Record, codes: CodeTable) -> tuple[str, dict[Kind, str]]:
    act = str(rec.get("act", "")).strip()
    if not act.isdigit() or not 2 <= len(act) <= 4:
        raise rec.fail("act", f"{act!r} is not a CAMEO code or root")
    cells: dict[Kind, str] = {}
    for kind in KINDS:
        value = str(rec.get(kind) or "").strip()
        if value and value not in codes:
            raise rec.fail(kind, f"unknown CAMEO code {value!r}")
        if value and value[:2] not in {r for r, k in FRAME_KINDS.items() if k == kind}:  # "0353" for intend
            raise rec.fail(kind, f"{value!r} is no {kind} code")
        if value:
            cells[kind] = value
    return act, cells


def load_intents(codes: CodeTable, extra: Sequence[str | Path] = (), language: str = "en") -> IntentTable:
    """The shipped table with the user's files merged over it by act; a bad cell is an E202 naming
    `file:line`."""
    paths = (data.shipped("events/cameo_intents.tsv", language), *extra)
    records = (rec for path in paths for rec in reader.rows(path, COLUMNS))
    return IntentTable(dict(reader.merge(records, lambda r: r.get("act"), lambda r: _row(r, codes))))


def recoded(event: Event, code: CameoCode, **changes: object) -> Event:
    """The event under another CAMEO code, with every field the code decides."""
    return replace(
        event, cameo=code.code, cameo_root=code.root, plover=code.plover, plover_mode=code.plover_mode,
        quad_class=code.quad_class, goldstein=code.goldstein, **changes,  # type: ignore[arg-type]
    )  # fmt: skip


def complements(token: Token) -> Iterator[Token]:
    """The acts a frame word governs, nearest first: "urged X to <hold> talks", "demanded that X
    <withdraw>", "rejected a <proposal> to <hold> talks", "called for <talks>"."""
    seen = {token.i}
    stack = [token]
    while stack:
        node = stack.pop(0)
        for child in node.children:
            hop = child.dep_ in COMPLEMENT_DEPS or child.dep_ in OBJECT_DEPS or child.dep_ == "acl"
            if child.dep_ == "prep" and child.lower_ in ("for", "to", "on"):
                hop, child = True, next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), child)
            if hop and child.i not in seen:
                seen.add(child.i)
                yield child
                stack.append(child)


Events = dict[int, list[Event]]
ASKING = frozenset({"appeal", "demand"})


def _infinitives(token: Token) -> tuple[Token, ...]:
    """To-infinitives the parse hangs beside an appeal or demand rather than under it: "pleaded
    with X to release Y", "renewed its appeal to X to release Y" (the clause hangs on "renewed")."""
    hosts = [token, token.head] if token.dep_ == "dobj" else [token]
    return tuple(
        c for host in hosts for c in host.children
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    )  # fmt: skip


def fold(
    doc: Sequence[Token],
    by_token: Events,
    roots: Mapping[int, str],
    book: tuple[CodeTable, IntentTable],
    speech_verbs: frozenset[str],
) -> None:
    """The folding rule of the module docstring, in place on the sentence's events by trigger token;
    `roots` gives each trigger token's CAMEO root. A frame that made no event of its own ("urged
    the meeting to prioritise the release of ...": nobody known is urged) still keeps the act it
    asks for from being coded as done. A verb of saying among the frames ("warned that X would
    attack") reports its that-clause rather than asking for it: only its xcomp counts."""
    codes, table = book
    for token, events in list(by_token.items()):
        kind = FRAME_KINDS.get(roots.get(token, ""))
        if kind is None:
            continue
        saying = doc[token].lemma_.lower() in speech_verbs
        asked = _infinitives(doc[token]) if kind in ASKING else ()
        for act in (*complements(doc[token]), *asked):
            done = [e for e in by_token.get(act.i, []) if _askable(e, kind)]
            if not done or (saying and act.dep_ == "ccomp"):
                continue
            by_token[act.i] = []
            if events:
                by_token[token] = _refined(events, done, kind, codes, table)
            elif kind in SUBJECT_KINDS:  # "promised to continue aid to X": the frame's own subject acts on X
                generic = codes.get(roots[token] + "0")
                by_token[token] = _refined([e for e in done if e.source], done, kind, codes, table, generic)
            break


def _askable(event: Event, kind: Kind) -> bool:
    """An act a frame of `kind` can ask for: no frame itself, but an intent (03x) can be asked for,
    demanded, refused or threatened ("urged Israel to agree to a ceasefire"), and a refusal or a
    threat asked for or demanded."""
    if event.cameo_root not in FRAME_KINDS:
        return True
    if kind in ("appeal", "demand"):  # "demanded that its partners refuse to recognise X"
        return event.cameo_root in ("03", "12", "13")
    return event.cameo_root == "03" and kind != "intend"


def _refined(
    events: list[Event],
    done: list[Event],
    kind: Kind,
    codes: CodeTable,
    table: IntentTable,
    generic: CameoCode | None = None,
) -> list[Event]:
    """The frame's events under the code of what they ask for (generic codes only: "threatened
    sanctions" is 1312 already), aimed at the act's targets when they name none of their own;
    `generic` is the frame's code when `events` are the act's own, the frame having made none."""
    code: str | None = None
    if generic is not None or (len(events[0].cameo) == 3 and events[0].cameo.endswith("0")):
        code = table.code(kind, done[0].cameo)
        if kind == "intend":  # "vowed to strike": a promise of force is a threat
            code = table.code("threaten", done[0].cameo) or code
    found = codes.get(code) if code else generic or codes.get(events[0].cameo)
    targets = [e.target for e in done if e.target is not None] or [None]
    return [
        recoded(e, found, target=t)
        for e in events for t in ([e.target] if e.target is not None else targets)
    ]  # fmt: skip


def _future(token: Token) -> bool:
    return any(c.lower_ in FUTURE_AUX for c in children_of(token, ("aux",)))


def _condition(token: Token) -> str | None:
    """ "unless" or "if" when the act is put under a condition ("will withdraw unless ...", "may
    halt its mediation if ..."), else None."""
    for c in token.children:
        marks = [m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in CONDITIONS]
        if c.dep_ == "advcl" and marks:
            return marks[0]
    return None


def _modal(token: Token) -> bool:
    """A future or possible act: "will", "would", "may", "might", "could" on the verb."""
    return _future(token) or any(c.lower_ in POSSIBLE_AUX for c in children_of(token, ("aux",)))


def _intent_head(verb: Token, cues: Cues) -> Token | None:
    """The verb of intent whose own subject will do `verb`: "Greece plans to impose restrictions",
    or a verb of holding back denied in the future ("Iran will not hesitate to retaliate"; "did
    not hesitate to fire" tells of a shot fired, no intent)."""
    head = verb.head
    if verb.dep_ != "xcomp" or any(c.dep_ == "dobj" for c in head.children):
        return None
    lemma = head.lemma_.lower()
    if lemma in cues.intent_verbs:
        return head
    denied = any(c.dep_ == "neg" or c.lower_ in cues.negation for c in head.children)
    return head if lemma in cues.reluctance_verbs and denied and _modal(head) else None


def modal_intents(
    doc: Sequence[Token],
    by_token: Events,
    book: tuple[CodeTable, IntentTable],
    said_by: Callable[[Token], Actor | None],
    cues: Cues,
) -> None:
    """The modal-intent rule of the module docstring, in place; `said_by(token)` is the speaker of
    the verb of saying whose complement holds the token, if any; the cues' `intent_verbs` are the
    verbs whose complement their subject means to do ("plans to", "wants to"), its `in_force_words`
    the phrases of a measure starting to bind ("take effect", "come into force")."""
    codes, table = book
    for token, events in by_token.items():
        live = [e for e in events if e.source and e.cameo_root not in FRAME_KINDS]
        verb = doc[token]
        if verb.pos_ != "VERB" and verb.head.i != verb.i:
            verb = verb.head  # "would impose sanctions": the noun's light verb carries the modal
        planned = _intent_head(verb, cues) is not None
        condition = _condition(verb) if _modal(verb) else None
        if not live or not (_future(verb) or planned or condition) or _in_force(verb, cues.in_force_words):
            continue
        speaker = said_by(verb)
        voiced = [e for e in _doers(live) if speaker is not None and _speaks_for(speaker, e.source)]
        own = planned or bool(voiced)
        code = _modal_code(live[0], table, own, condition)
        if code is not None:
            found = codes.get(code)
            # a mutual act runs both ways, but only its doer promises or threatens it
            doer = _code_of((voiced or live)[0].source)
            live = [e for e in live if _code_of(e.source) == doer] or live
            by_token[token] = [
                recoded(e, found, negated=False, modality="reported" if e.attributed_to else "asserted")
                for e in live
            ]


def _in_force(verb: Token, in_force: frozenset[str]) -> bool:
    """Whether the verb and its object, or its "into" or "in" phrase, put something into force:
    "take effect", "go into effect", "enter into force" (the cues' lemma phrases)."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "dobj" and f"{lemma} {child.lemma_.lower()}" in in_force:
            return True
        if child.dep_ == "prep" and child.lower_ in ("into", "in"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if any(f"{lemma} {child.lower_} {g.lemma_.lower()}" in in_force for g in objects):
                return True
    return False


def _doers(live: list[Event]) -> list[Event]:
    """The events whose source does the act: a mutual act runs both ways ("X would not negotiate
    with Y" is coded X->Y and Y->X), and only its subject's direction, the first, is done by it."""
    targets = {_code_of(e.target) for e in live}
    own = [e for e in live if _code_of(e.source) not in targets]
    return own or live[:1]


def _speaks_for(speaker: Actor, doer: Actor | None) -> bool:
    """Whether the speaker speaks for the act's doer: the same actor, or a state's own official
    about the state, both countries read from the text ("the Iranian foreign minister said Iran
    would not negotiate": Iran's refusal; a country guessed from the article's focus is no sign)."""
    if doer is None:
        return False
    same_country = speaker.country is not None and speaker.country == doer.country
    read = speaker.country_source == "text" and doer.country_source == "text"
    return doer.code == speaker.code or (same_country and read)


def _code_of(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _modal_code(event: Event, table: IntentTable, own: bool, condition: str | None) -> str | None:
    """The code of a future act: coercive, a threat when its doer says it or puts it under a
    condition; cooperative, an intent when its doer says it ("would meet him if ..."), a threat
    when put under "unless"; a refusal when its doer says it will not ("would not release them")."""
    threat, intent = table.code("threaten", event.cameo), table.code("intend", event.cameo)
    if event.negated:
        refusal = table.code("reject", event.cameo) if intent is not None else None
        return refusal if own else None
    if threat is not None:
        return threat if own or condition else None
    if condition == "unless":  # "will withdraw its troops unless ...": a condition put to the other side
        return GENERIC_THREAT
    return intent if own else None


@dataclass(frozen=True)
class Demand:
    """A "Y must/should/needs to <act>" clause: the verb holding the subject asked, its kind, the
    verb of saying above it, the verb of the act asked for, and whether it is asked not to be done
    ("Y should not withdraw": an appeal all the same, but the act's own code no longer fits it)."""

    verb: Token
    kind: Kind
    said: Token
    act: Token
    negated: bool = False


def _demand(verb: Token, said: Token) -> Demand | None:
    """The demand a complement clause makes, if any: a modal on its verb ("Y must withdraw", "Y
    should not attack"), or "Y needs to / has to <act>" (not negated: "Y need not act" asks nothing)."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    modal = next((MODAL_KINDS[c.lower_] for c in verb.children if c.lower_ in MODAL_KINDS), None)
    if modal is not None:
        return Demand(verb, modal, said, verb, negated)
    kind = NEED_KINDS.get(verb.lemma_.lower())
    acts = [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    if kind is None or negated or not acts:
        return None
    return Demand(verb, kind, said, acts[0])


def modal_demands(sent: Span, speech_verbs: frozenset[str], quoted: bool = False) -> Iterator[Demand]:
    """Complements of verbs of saying that ask for an act (`_demand`); in a quoted sentence with no
    verb of saying (`quoted`: its speaker is known), its main clause ("'The council must act.'"),
    its verb standing for the saying, unless it asks for an act not to be done (the clause's own
    negation would then read as the appeal's)."""
    doc, w = sent.doc, words(sent.doc)
    spoken = False
    for i in range(sent.start, sent.end):
        if w.pos[i] != "VERB" or w.lemma[i] not in speech_verbs:
            continue
        said, spoken = doc[i], True
        for verb in said.children:
            found = _demand(verb, said) if verb.dep_ == "ccomp" else None
            if found is not None:
                yield found
    main = _demand(sent.root, sent.root) if quoted and not spoken else None
    if main is not None and not main.negated:
        yield main
