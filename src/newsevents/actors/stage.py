"""The `actors` stage: every actor mention of the article, with its code, from the actor dictionary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.actors import load_dictionary, mention_actors
from newsevents.actors.dictionary import ActorDictionary
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

KEYS = frozenset({"dictionaries"})


def shared_dictionary(context: BuildContext) -> ActorDictionary:
    """The actor dictionary of this pipeline (shipped files, then the `actors` section's own).

    The actor-country stage reads it too, so it is loaded once per pipeline and shared.
    """
    section = context.settings.section("actors")
    extra = paths_in("actors", section, "dictionaries")
    language = context.settings.language
    return context.shared("actors.dictionary", lambda: load_dictionary(extra, language))


class ActorStage:
    """Finds actor mentions; every later stage links to them by token."""

    name = "actors"
    needs: tuple[str, ...] = ()
    sets: tuple[str, ...] = ("actors",)

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> ActorStage:
        check_keys(cls.name, section, KEYS)
        return cls(shared_dictionary(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        return found.with_(actors=tuple(mention_actors(parsed, self.dictionary)))
