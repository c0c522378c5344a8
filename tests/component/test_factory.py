"""The spaCy component: `nlp.add_pipe("newsevents")` finds our factory with no reinstall, and
the Doc carries the same extraction `extract` gives for the same article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsevents
from newsevents import nlp as nlp_module
from newsevents.ingest import article_from_text
from newsevents.settings import load_settings

pytestmark = pytest.mark.model

STORY = "Rebels shelled Aleppo\n\nSyrian rebels shelled Aleppo on Thursday, killing 12 people."
SRC = Path(__file__).resolve().parents[2] / "src"


def test_the_doc_carries_what_extract_gives_with_its_publication_date() -> None:
    nlp = nlp_module.load(load_settings().model)
    nlp.add_pipe("newsevents")
    doc = nlp.make_doc(STORY)
    doc._.published = "2016-02-13"
    doc = nlp(doc)
    expected = newsevents.extract(article_from_text(STORY, published="2016-02-13"))
    assert doc._.extraction == expected
    assert doc._.events == expected.events and expected.events
    assert "2016-02-11" in {e.date for e in doc._.events}  # Thursday before Saturday the 13th


def test_importing_newsevents_before_spacy_is_enough_to_add_the_component() -> None:
    script = f"""
import json, newsevents, spacy
nlp = spacy.load({load_settings().model!r})
nlp.add_pipe("newsevents")
doc = nlp({STORY!r})
print(json.dumps([nlp.pipe_names[-1], [e.cameo for e in doc._.events]]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    name, codes = json.loads(done.stdout)
    assert name == "newsevents" and any(code.startswith("19") for code in codes)
