"""What a stage is: a component over one parsed article that declares what it needs and what it sets.

    class MyStage:
        name = "my_stage"
        needs = ("events",)            # capabilities earlier stages must have set
        sets = ("events.confidence",)  # capabilities this stage adds
        def __call__(self, parsed: ParsedArticle, found: Found) -> Found: ...

Stages are built by a factory `factory(section, context) -> Stage` from their own section of
the settings (a mapping, validated by the stage) and a `BuildContext` that shares heavy
resources between the stages of one pipeline. The registry (`stages.registry`) names the
factories; `pipeline.build` orders them from the settings and checks every need at build time,
so a mis-ordered pipeline fails before the first article, not halfway through a corpus.

A stage reads `Found` (what earlier stages produced) and returns a new `Found` with its own
results in place: data flows one way, and nothing is re-derived from the text that an earlier
stage knew.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from newsevents.errors import ResourceError
from newsevents.model import Actor, ActorMention, Event, Evidence, Place, Quantity, Quote, evolve

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.nlp.parsed import ParsedArticle
    from newsevents.settings import Settings

T = TypeVar("T")

# What a stage's settings section holds: plain YAML values, checked by the stage that owns them.
Section = Mapping[str, object]


# The tokens [start, end) a piece of evidence was made from.
TokenSpan = tuple[int, int]


# A transcript paragraph: the label's character span ("WALLACE"), the span of the words after
# it, and who the label names (None for a role label such as "Q").
Labelled = tuple[tuple[int, int], tuple[int, int], Actor | None]


class SpeakerLookup(Protocol):
    """Who speaks through a speech cue (a verb of saying, "according to"); None when nobody known.

    `transcript()` gives the article's labelled paragraphs ("WALLACE: ..."), whose words are
    their label's speaker's though no cue names them; `verbs()` the lemmas of the verbs of saying
    it reads, so a stage that looks for the verb a statement hangs from finds the same ones.
    """

    def of(self, cue: Token) -> Actor | None: ...

    def verbs(self) -> frozenset[str]: ...

    def transcript(self) -> list[Labelled]: ...


@dataclass(frozen=True)
class Found:
    """The results so far for one article; each field is None until a stage sets it.

    `anchors` ties evidence a stage made from tokens (an event's trigger, a figure's words) to
    those tokens, keyed by the evidence itself, so a later stage reads the tokens instead of
    aligning the offsets to the parse again. `speakers` answers who speaks through a speech
    cue, one answer for the events' `attributed_to` and the quotes' `speaker`.
    """

    actors: tuple[ActorMention, ...] | None = None
    events: tuple[Event, ...] | None = None
    places: tuple[Place, ...] | None = None
    quantities: tuple[Quantity, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    anchors: Mapping[Evidence, TokenSpan] = field(default_factory=dict)
    speakers: SpeakerLookup | None = None

    def with_speakers(self, speakers: SpeakerLookup) -> Found:
        """A copy with the article's speaker resolver (the `speakers` stage sets it)."""
        return evolve(self, speakers=speakers)

    def anchored(self, anchors: Mapping[Evidence, TokenSpan]) -> Found:
        """A copy with more anchors (a stage's own, beside those of the stages before it)."""
        return evolve(self, anchors={**self.anchors, **anchors})

    def tokens(self, parsed: ParsedArticle, evidence: Evidence) -> Span | None:
        """The tokens of `evidence`: its anchor, or for evidence no stage anchored (a user's stage
        may make its own) the tokens its offsets cover."""
        return parsed.span_of(evidence, self.anchors)

    def with_(
        self,
        *,
        actors: tuple[ActorMention, ...] | None = None,
        events: tuple[Event, ...] | None = None,
        places: tuple[Place, ...] | None = None,
        quantities: tuple[Quantity, ...] | None = None,
        quotes: tuple[Quote, ...] | None = None,
    ) -> Found:
        """A copy with the given results replaced (None leaves a field as it is)."""
        given = {
            "actors": actors, "events": events, "places": places, "quantities": quantities, "quotes": quotes
        }
        return evolve(self, **{k: tuple(v) for k, v in given.items() if v is not None})


class Stage(Protocol):
    """One step of the pipeline; see the module docstring."""

    name: str
    needs: tuple[str, ...]
    sets: tuple[str, ...]

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found: ...


@dataclass
class BuildContext:
    """What a stage factory gets besides its own section: the settings, and resources shared by name.

    Several stages read the same heavy resource (the gazetteer, the actor dictionary); the first
    factory to ask for one loads it and later ones get the same object. The memo lives in this
    context, which lives as long as the pipeline being built, never in a module.
    """

    settings: Settings
    _shared: dict[str, object] = field(default_factory=dict)

    def shared(self, key: str, load: Callable[[], T]) -> T:
        """The resource `key`, loaded by `load()` on first request and shared after that."""
        if key not in self._shared:
            self._shared[key] = load()
        return self._shared[key]  # type: ignore[return-value]


Factory = Callable[[Section, BuildContext], Stage]


def check_keys(name: str, section: Section, known: set[str] | frozenset[str]) -> None:
    """Refuse a settings key the stage does not know, naming the stage and the key (E203)."""
    unknown = sorted(set(section) - set(known))
    if unknown:
        detail = f"stage '{name}': unknown setting(s) {unknown}; known: {sorted(known)}"
        raise ResourceError("E203", detail=detail)


def paths_in(name: str, section: Section, key: str) -> tuple[str, ...]:
    """A list of file paths from a stage's section (a single string is a list of one)."""
    value = section.get(key) or ()
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ResourceError("E203", detail=f"stage '{name}': '{key}' must be a list of file paths")
    return tuple(value)
