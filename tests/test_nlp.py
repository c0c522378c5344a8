"""Sentence boundaries from the layout: paragraphs start sentences, number words do not end them;
the model is the one the settings name."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import nlp as nlp_module

pytestmark = pytest.mark.model


def test_every_line_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rebels shelled Idlib\n\nPhoto by: Reuters\n\nThe army said it would respond.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Rebels shelled Idlib"
    assert "The army said it would respond." in starts


@pytest.mark.parametrize(
    "body", ["Two children were killed.", "Five people died in the attack.", "Three soldiers were wounded."]
)
def test_paragraph_opening_number_word_stays_in_its_sentence(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(f"Title\n\n{body}")
    assert [s.text.strip() for s in doc.sents] == ["Title", body]


def test_text_of_is_the_docs_text(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp import text_of

    doc = nlp("One line.\n\nAnother line.")
    assert text_of(doc) == doc.text and text_of(doc) is text_of(doc)


def test_the_model_comes_from_the_settings_and_an_unknown_one_is_one_line_naming_the_setting(
    tmp_path: Path,
) -> None:
    from newsevents.errors import ResourceError, SettingsError
    from newsevents.pipeline import build
    from newsevents.settings import Settings, load_settings

    assert load_settings().model == Settings().model == nlp_module.MODEL_NAME
    with pytest.raises(ResourceError) as found:
        build(Settings(model="no_such_pipeline_installed"))
    assert found.value.code == "E201" and "\n" not in str(found.value)
    assert str(found.value).startswith("[E201] settings -> model: the spaCy pipeline 'no_such_pipeline_")
    user = tmp_path / "settings.yml"
    user.write_text("model: 12\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"settings .*settings.yml:1 -> model: expected the name or path"):
        load_settings(user)
