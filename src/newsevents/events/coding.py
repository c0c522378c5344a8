"""Coding events from one parsed article: triggers + arguments + stance -> Event, then the precision filters.

Precision first, because false and duplicate events are what users of GDELT-style data complain
about most:
- nothing inside page furniture (captions, credits, bylines) is coded, and no actor is taken from it;
- an event needs at least one resolved actor, and whatever its dictionary entry `require`s;
- a noun inside an actor's name that is not its head ("riot police") is no trigger;
- a source and target that are the same mention, or carry the same code, make no event;
- a mutual act (meeting, negotiation, agreement signed) is coded in both directions, as CAMEO does;
- an "X-backed" attack noun with no actor of its own ("a Russian-backed offensive") is by the actor
  the article has already shown X backing (an earlier 051/062/071/072 event with X as source, all
  its backed actors of one country; military backing first, then the latest); else it stays uncoded;
- a sentence holding a discard phrase (sports, entertainment, business: `data/petrarch/discards.tsv`)
  codes no event;
- duplicates of (source, target, CAMEO, sentence) are merged, keeping the most confident;
- the headline is coded only when no body sentence yields the same (source code, target code, root),
  a side the headline leaves open matching any;
- a killing or wounding with no attacker is coded against its victims only as `victims.py` allows,
  one event per fact (`victims.merge_victims`).

Who speaks (an event's `attributed_to`, the speaker a quoted "I"/"we" stands for) is the
article's one speaker resolver's answer (`speech`), the same the quotes get; a quoted "I"/"we"
becomes an actor only when that speaker is a coded actor.

Confidence is a documented score: 0.8 with both actors, 0.6 with one; minus 0.1 for each role
filled indirectly (borrowed subject, light verb, participle head) and for each pronoun or
coreference mention; minus 0.2 when hypothetical, 0.1 when reported or from the headline;
minus 0.1 more for a victim-only event (unknown attacker); kept within [0.1, 0.95].
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.events import criticism, crowds, intents, irregular, precision, restated, support, victims
from newsevents.events.arguments import Arguments, MentionIndex, Role, find_arguments
from newsevents.events.backing import backed_by
from newsevents.events.both import named_pairs
from newsevents.events.codebook import Codebook
from newsevents.events.evidence import sentence_evidence, trigger_evidence
from newsevents.events.judged import Judged
from newsevents.events.modality import Stance, has_quote, in_quotes, sentence_speaker, speech_head, stance
from newsevents.events.modifiers import backer
from newsevents.events.purposes import protest_purposes
from newsevents.events.sides import actor_code, answered, confidence, dedupe, meets, pairs
from newsevents.events.triggers import TriggerEntry, TriggerMatch, find_triggers, with_slots
from newsevents.events.wishes import appeals
from newsevents.model import Actor, ActorMention, Event, Evidence, Modality, evolve
from newsevents.nlp import sentences_of, text_of
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.words import words
from newsevents.stages import Labelled, SpeakerLookup

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FIRST_PERSON = {"i", "we", "me", "us"}
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she"})
GENERIC_DEMAND, GENERIC_APPEAL = "100", "020"
# Acts of backing (support, military cooperation, funding, arms) and the roots of attacks a
# backer may stand behind without performing them.
BACKING = frozenset({"051", "062", "071", "072"})
ATTACK_ROOTS = frozenset({"18", "19", "20"})


class _Coder:
    """Holds what one article's coding shares; lives for one call of `code_article`."""

    def __init__(
        self, parsed: ParsedArticle, mentions: Sequence[ActorMention], book: Codebook, speakers: SpeakerLookup
    ):
        self.doc, self.article, self.book, self.speakers = parsed.doc, parsed.article, book, speakers
        self.codable, doc = parsed.codable, parsed.doc
        usable = [m for m in mentions if not self._in_furniture(m.token_start, m.token_end)]
        self.index = MentionIndex(doc, usable, named_pairs(doc, self.article.text, usable, book.cues))
        self.backing: list[Event] = []  # acts of backing coded so far, in text order
        self.anchors: dict[Evidence, tuple[int, int]] = {}  # trigger evidence -> its tokens
        self.transcript = speakers.transcript()
        # One set of verbs of saying for attribution: the codebook's and the speaker resolver's,
        # so an event in "the mission tweeted that ..." is attributed as its quote is.
        self.cues = evolve(book.cues, speech_verbs=book.cues.speech_verbs | speakers.verbs())
        self.quote_speaker = self._quote_speakers()
        if speakers := self._first_person_mentions():
            self.index = MentionIndex(doc, [*usable, *speakers], self.index.pairs)
        self.told = restated.Told(self.index, book, self.anchors, self.article)  # acts nouns restate
        self.judged = Judged(self.index, self.cues)  # acts a definite noun alone judges

    def _quote_speakers(self) -> dict[int, Actor]:
        """Speaker of each sentence holding a quote: its own, or the one of the quote it continues.

        News prints a quote, attributes it ("... said Assad."), and often follows with a further
        quoted paragraph that names nobody: the same speaker goes on.
        """
        out: dict[int, Actor] = {}
        last: Actor | None = None
        text = text_of(self.doc)
        for sent in sentences_of(self.doc):
            if not text[sent.start_char : sent.end_char].strip():
                continue
            label = self._label_at(sent.start_char)
            if label is not None:  # a transcript paragraph: its label's speaker speaks
                last = label[2]
                if last is not None:
                    out[sent.start] = last
                continue
            if not has_quote(sent):
                last = None
                continue
            own = sentence_speaker(sent, self.cues, self.speaker)
            last = own or last
            if last is not None:
                out[sent.start] = last
        return out

    def _label_at(self, char: int) -> Labelled | None:
        """The transcript paragraph holding `char` ("ASSAD: We will ..."), if any."""
        return next((x for x in self.transcript if x[0][0] <= char < x[1][1]), None)

    def _stance(self, sent: Span, token: Token) -> Stance:
        """Negation, modality and who speaks; in a transcript paragraph with no verb of saying of
        its own, the words are reported by the label's speaker."""
        st = stance(sent, token, self.cues, self.speaker, self.quote_speaker.get(sent.start))
        label = self._label_at(token.idx)
        if label is None or st.attributed_to is not None or label[1][0] > token.idx:
            return st
        modality: Modality = "reported" if st.modality == "asserted" else st.modality
        return Stance(st.negated, modality, label[2])

    def _first_person_mentions(self) -> list[ActorMention]:
        """ "I"/"we" inside a quote stand for its speaker, when the recogniser left them unresolved."""
        out, lower = [], words(self.doc).lower  # the strings first: a Token only for "I", "we", ...
        for sent in sentences_of(self.doc):
            actor = self.quote_speaker.get(sent.start)
            if actor is None or not actor.code:  # a name read from the text is no coded actor
                continue
            for i in range(sent.start, sent.end):
                if lower[i] in FIRST_PERSON and i not in self.index.by_token and in_quotes(self.doc[i]):
                    out.append(ActorMention(actor, i, i + 1, i, "coref"))
        return out

    def _in_furniture(self, start: int, end: int) -> bool:
        """Whether any of the tokens [start, end) is page furniture (never coded)."""
        return not all(self.codable[start:end])

    def _inside_actor(self, token: int) -> bool:
        """A noun inside an actor's name that is not its head ("riot police") names no event."""
        held = self.index.by_token.get(token)
        return held is not None and held.head != token and held.token_end - 1 != token

    def speaker(self, verb: Token) -> Actor | None:
        """Who speaks through `verb`: the article's one speaker resolver, shared with the quotes."""
        return self.speakers.of(verb)

    def sentence_events(self, sent: Span) -> list[Event]:
        """The sentence's events, after the precision rules of `precision.py`."""
        matches = [m for m in find_triggers(sent, self.book.triggers) if m.entry.cameo is not None]
        roots = {m.token: self.book.codes.get(m.entry.cameo).root for m in matches}  # type: ignore[arg-type]
        skip = precision.qualifying_verbs(self.doc, matches, roots, self.book.cues.unharmed_objects)
        by_token: dict[int, list[Event]] = {}
        self.victim_means: dict[int, range | None] = {}
        self.judged.start(sent)
        for match in matches:
            if match.token in skip:
                continue
            by_token[match.token] = self._match_events(sent, match)
        precision.one_fact(self.doc, matches, roots, by_token)
        victims.merge_victims(by_token, self.victim_means, matches)
        irregular.recode_irregular(by_token, matches, self.book.codes, self.cues, self.victim_means, self.doc)
        precision.merge_tolls(self.doc, matches, roots, by_token)
        self.told.sentence(matches, by_token, lambda match, args: self._match_events(sent, match, args))
        crowds.protests(sent, by_token, self.index, self.cues, lambda m, a: self._match_events(sent, m, a))
        appeals(sent, by_token, self.index, self.cues, lambda m, a: self._match_events(sent, m, a))
        self.backing += [e for evs in by_token.values() for e in evs if e.cameo in BACKING]
        support.fire_support(self.doc, by_token, matches, self.book.triggers, self.book.codes)
        intents.fold(self.doc, by_token, roots, (self.book.codes, self.book.intents), self.cues.speech_verbs)
        intents.modal_intents(
            self.doc, by_token, (self.book.codes, self.book.intents), self._said_by, self.cues
        )
        protest_purposes(self.doc, by_token)
        said = self._statements(sent, by_token)  # first: it drops the acts asked for
        self.judged.told(matches, by_token)
        return [e for evs in by_token.values() for e in evs] + said

    def _speaker_as_subject(self, token: Token, args: Arguments) -> Arguments:
        """ "Switzerland said it had expelled two diplomats": an unresolved pronoun subject of a
        reported act is the speaker (a stand-in mention, inferred)."""
        pronouns = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ in SPEAKER_PRONOUNS]
        subject = pronouns[0] if pronouns else None
        said = speech_head(token, self.cues) if subject is not None else None
        clause = token.head if token.dep_ == "conj" else token
        # only "X said it ...": a pronoun before its verb of saying ("when they blew themselves up,
        # police said") stands for someone the sentence named earlier, and a speaker quoted
        # word for word names itself "we" ('Police said: "They shot at our officers"')
        if subject is None or said is None or clause.head.i != said.i or said.i > subject.i:
            return args
        if in_quotes(subject) and not in_quotes(said):
            return args
        speaker = self.speaker(said)
        if speaker is None or not speaker.code:
            return args
        stand_in = ActorMention(speaker, subject.i, subject.i + 1, subject.i, "coref")
        return evolve(args, source=Role((stand_in,), inferred=True))

    def _said_by(self, token: Token) -> Actor | None:
        """The speaker of the verb of saying whose complement holds `token`, if any."""
        head = speech_head(token, self.cues)
        return self.speaker(head) if head is not None else None

    def _statements(self, sent: Span, by_token: dict[int, list[Event]]) -> list[Event]:
        """Events made by saying: "X said Y must <act>" (`intents.modal_demands`), warnings about
        someone's act and blame for a wrong (`criticism`); the source is the speaker, "must" a demand
        (100), "should" an appeal (020) when the act asked for has no finer code."""
        out: list[Event] = []
        quoted = self.quote_speaker.get(sent.start)  # a quote with no verb of saying is its speaker's
        for demand in intents.modal_demands(sent, self.cues.speech_verbs, quoted is not None):
            speaker = self.speaker(demand.said) if demand.said.i != demand.verb.i else quoted
            targets = self.index.resolve([c for c in demand.verb.children if c.dep_.startswith("nsubj")])
            asked = [] if demand.negated else by_token.get(demand.act.i) or []  # not to act: no finer code
            code = self.book.intents.code(demand.kind, asked[0].cameo) if asked else None
            generic = GENERIC_DEMAND if demand.kind == "demand" else GENERIC_APPEAL
            for target in targets:
                out += self._said_event(sent, demand.said, (demand.verb.i,), speaker, target, code or generic)
            if targets and speaker is not None:  # the act asked for has not happened
                by_token[demand.act.i] = by_token[demand.verb.i] = []  # "Y needs to": no act of Y's
        for warning in criticism.warnings_in(sent, self.cues):
            speaker = self.speaker(warning.said)
            made = [
                e for t in self.index.resolve(list(warning.owners)) or [None] * warning.open
                for e in self._said_event(sent, warning.said, warning.words, speaker, t, warning.code)
            ]  # fmt: skip
            if made:  # a warning about the act, not a threat: "warned that X's meddling would ..."
                by_token[warning.said.i] = [e for e in by_token.get(warning.said.i, []) if e.cameo != "130"]
            out += made
        return out

    def _said_event(
        self, sent: Span, said: Token, words: tuple[int, ...], source: Actor | None,
        target: ActorMention | None, code: str,
    ) -> list[Event]:  # fmt: skip
        """One event made by the speaker of `said` saying it, or none when the speaker is unknown or is
        the target (`target` None: a judgement whose object names no actor)."""
        if source is None or not source.code or (target is not None and source.code == target.actor.code):
            return []
        if self._in_furniture(min(words), max(words) + 1):
            return []
        st = self._stance(sent, said)
        found = self.book.codes.get(code)
        evidence = sentence_evidence(self.article.text, sent)
        headline = self.article.in_title(evidence.start, evidence.end)
        match = TriggerMatch(min(words), TriggerEntry("verb", said.lemma_.lower(), code), words)
        # the speaker stands at the verb of saying; its role is read through that verb, so inferred
        speaking = ActorMention(source, said.i, said.i + 1, said.i, "name")
        args = Arguments(Role((speaking,), inferred=True), Role((target,) if target else ()))
        return [Event(
            source=source, target=target.actor if target else None, cameo=found.code, cameo_root=found.root,
            plover=found.plover, plover_mode=found.plover_mode, quad_class=found.quad_class,
            goldstein=found.goldstein, evidence=evidence, trigger=self._trigger(match),
            negated=st.negated, modality=st.modality, attributed_to=st.attributed_to,
            confidence=confidence(args, st, headline, speaking, target),
        )]  # fmt: skip

    def _match_events(self, sent: Span, match: TriggerMatch, given: Arguments | None = None) -> list[Event]:
        """The events of one trigger: one per (source, target) pair its arguments (or `given` ones) give."""
        entry, token = match.entry, self.doc[match.token]
        inside = entry.kind == "noun" and self._inside_actor(match.token)
        if entry.cameo is None or inside or self._in_furniture(match.token, match.token + 1):
            return []
        cues = self.book.cues
        args = given or with_slots(find_arguments(match, self.index, cues), match, self.index, cues)
        code = self.book.codes.get(entry.cameo)
        args = self.judged.aim(match, args, code.code)
        if entry.kind == "noun" and not args.source.mentions and code.root in ATTACK_ROOTS:
            args = self._backed_source(token, args)
        if not args.source.mentions and entry.kind == "verb" and entry.require != "victim":
            args = self._speaker_as_subject(token, args)
        st = self._stance(sent, token)
        if precision.possible_without_doer(token, args, st):  # "children can be attacked": no act
            return []
        evidence = sentence_evidence(self.article.text, sent)
        headline = self.article.in_title(evidence.start, evidence.end)
        victim_only = entry.require == "victim" and not args.source.mentions
        if victim_only:
            found = self._victim_code(token, args, st, headline)
            if found is None:
                return []
            code = self.book.codes.get(found[0] or code.code)
            if found[1] is not None:  # "killed in Israeli tank shelling": the attacker after all
                args = evolve(args, source=Role((found[1],), inferred=True))
                victim_only = False
        out: list[Event] = []
        for source, target in pairs(args, entry.mutual, code.root):
            if not meets(entry.require, source, target, "" if entry.converted else code.root):
                continue
            out.append(Event(
                source=source.actor if source else None,
                target=target.actor if target else None,
                cameo=code.code, cameo_root=code.root,
                plover=code.plover, plover_mode=code.plover_mode,
                quad_class=code.quad_class, goldstein=code.goldstein,
                evidence=evidence,
                trigger=self._trigger(match),
                negated=st.negated, modality=st.modality, attributed_to=st.attributed_to,
                confidence=round(confidence(args, st, headline, source, target) - 0.1 * victim_only, 2),
            ))  # fmt: skip
        return out

    def _trigger(self, match: TriggerMatch) -> Evidence:
        """The trigger's evidence, anchored to its words so later stages read the tokens."""
        evidence = trigger_evidence(self.article.text, self.doc, match)
        self.anchors[evidence] = (min(match.words), max(match.words) + 1)
        return evidence

    def _victim_code(
        self, token: Token, args: Arguments, st: Stance, headline: bool
    ) -> tuple[str, ActorMention | None] | None:
        """For a victim-only event (no attacker in the parse): its means' code ("" for the trigger's
        own) and the actor modifying the means, if any; None when `victims` vetoes the event.

        Records the means phrase, so `victims.merge_victims` can hand the victims to an attack noun there.
        """
        if not args.target.mentions or st.negated or st.modality == "hypothetical":
            return None
        why = victims.veto(token, args.target.mentions, self.book.victims, headline)
        if why is not None:
            log.debug("victims at %r not coded: %s", token.text, why)
            return None
        found = victims.means(token, args.target.mentions, self.book.victims)
        self.victim_means[token.i] = found[1] if found else None
        agent = self._conjunct_agent(token)
        if found is None or agent is not None:
            return (found[0] if found else ""), agent
        by = [self.index.by_token.get(t.i) for t in victims.means_modifiers(self.doc, found[1])]
        attacker = next((m for m in by if m is not None and m not in args.target.mentions), None)
        return found[0], attacker

    def _conjunct_agent(self, token: Token) -> ActorMention | None:
        """ "killed and hundreds injured or arrested by security forces": the agent a conjoined
        passive verb names is the agent of them all."""
        for verb in token.conjuncts:
            for child in verb.children:
                if child.dep_ != "agent":
                    continue
                found = self.index.resolve([g for g in child.children if g.dep_ == "pobj"])
                if found:
                    return found[0]
        return None

    def _backed_source(self, token: Token, args: Arguments) -> Arguments:
        """Arguments with the source the backer of "an X-backed offensive" stands behind, if known."""
        held = backer(token, self.index, self.book.cues)
        backed = backed_by(self.backing, held.actor) if held is not None else None
        if held is None or backed is None:
            return args
        stand_in = ActorMention(backed, held.token_start, held.token_end, held.head, "coref")
        return evolve(args, source=Role((stand_in,), inferred=True))


@dataclass(frozen=True)
class Coded:
    """An article's events, and the tokens of each event's trigger keyed by its evidence."""

    events: list[Event]
    anchors: dict[Evidence, tuple[int, int]]


def code_article(
    parsed: ParsedArticle, mentions: Sequence[ActorMention], book: Codebook, speakers: SpeakerLookup
) -> Coded:
    """Every event of the article (see `events.find_events`), with its trigger's tokens."""
    doc, article = parsed.doc, parsed.article
    coder = _Coder(parsed, mentions, book, speakers)
    body: list[Event] = []
    headline: list[Event] = []
    for sent in sentences_of(doc):
        span = sentence_evidence(article.text, sent)
        if not span.text or article.in_furniture(span.start, span.end):
            continue
        if precision.discarded(book.triggers.converted, sent):
            continue
        events = coder.sentence_events(sent)
        if article.in_title(span.start, span.end):
            headline += events
        else:
            body += events
    seen = {(actor_code(e.source), actor_code(e.target), e.cameo_root) for e in body}
    # a side the headline leaves open is covered by a body event that fills it: "Boko Haram
    # attack kills 15" is "Boko Haram attacked the villagers" of the body
    seen |= {(actor_code(e.source), None, e.cameo_root) for e in body}
    seen |= {(None, actor_code(e.target), e.cameo_root) for e in body}
    kept_headline = [
        e for e in headline if (actor_code(e.source), actor_code(e.target), e.cameo_root) not in seen
    ]
    return Coded(dedupe(kept_headline + answered(body)), coder.anchors)
