"""A plural pronoun that does an act of force stands for the armed group the story named before
it, inside a witness's quotation too (actors/group_pronouns.py, data/en/actors/acts.yml)."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions
from newsevents.actors.acts import Acts

pytestmark = pytest.mark.model


def they(actor_dictionary, parse, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    """The codes of the "they" mentions of `text`, in text order."""
    art, doc = parse(text)
    ms = find_mentions(doc, art, actor_dictionary)
    return [m.actor.code for m in ms if m.kind == "pronoun" and m.actor.text.lower() == "they"]


def test_a_witness_s_they_who_shot_is_the_armed_group_told_before(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Two passengers described their ordeal at the hands of the Baloch Liberation Army. "
            '"They shot and killed people on the train," one of them said.')
    assert they(actor_dictionary, parse, text) == ["PAKSEP"]


def test_a_they_in_the_next_sentence_of_the_same_quotation_is_that_group_too(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """The quotation opened a sentence before: the passengers' "people" are not who shot."""
    text = ("Two passengers described their ordeal at the hands of the Baloch Liberation Army. "
            '"They shot and killed people on the train. Then they picked out police officers and shot '
            'them," one of them said.')
    assert they(actor_dictionary, parse, text) == ["PAKSEP", "PAKSEP"]


def test_the_doer_of_the_nearest_sentence_outranks_whom_it_acted_on(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    doer = 'Militants ambushed soldiers near the town on Monday. "They also burned the market," a man said.'
    assert they(actor_dictionary, parse, doer) == ["REB"]


def test_people_and_officials_named_later_are_no_doers_of_force(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Gunmen stormed a hotel in Beledweyne on Tuesday. Local elders and government officials "
            'were meeting at the hotel. "They attacked the hotel at dawn," a lawmaker said.')
    art, doc = parse(text)
    ms = find_mentions(doc, art, actor_dictionary)
    got = [m.actor.sector for m in ms if m.actor.text == "They"]
    assert got == ["UAF"]


def test_two_sides_that_fit_equally_leave_they_alone(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = 'Soldiers and rebels clashed near the town on Monday. "They killed ten people," a resident said.'
    assert they(actor_dictionary, parse, text) == []


def test_they_with_no_group_before_it_stays_empty(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """A sentence read alone names no one for its "they"."""
    assert they(actor_dictionary, parse, '"They killed ten people," the mayor said.') == []


def test_they_is_not_the_speaker_of_its_quotation(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """A speaker's own words say "we": the police who said it are not whom "they" shot at."""
    assert they(actor_dictionary, parse, 'Police said on Monday: "They shot at our officers."') == []


def test_a_group_beyond_the_window_or_a_circumstance_is_left_alone(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    far = ("Rebels attacked the village on Monday. Local officials met on Tuesday. Aid workers "
           'arrived on Wednesday. "They burned our houses," a villager said.')
    after = "Soldiers killed two militants after they attacked a checkpoint."
    for text in (far, after):
        assert they(actor_dictionary, parse, text) == [], text


def test_the_acts_of_force_are_data(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """With no act of force listed, the witness's "they" names no one."""
    from dataclasses import replace

    assert "shoot" in Acts.load().force_verbs and "SEP" in Acts.load().force_sectors
    text = ("Two passengers described their ordeal at the hands of the Baloch Liberation Army. "
            '"They shot and killed people on the train," one of them said.')
    assert they(replace(actor_dictionary, acts=Acts()), parse, text) == []


def test_an_act_joined_with_a_subject_of_its_own_is_not_the_pronoun_s(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """The French forces beat them back; "they" only regrouped, no act of force."""
    text = "Militants seized the north of Mali in 2012. French forces beat them back, but they regrouped."
    assert they(actor_dictionary, parse, text) == []


def test_they_in_a_clause_of_when_it_happened_is_left_alone(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Gunmen were seen near the school on Monday. The bandits wore uniforms when they attacked it."
    assert they(actor_dictionary, parse, text) == []


def test_an_act_of_force_may_be_a_verb_with_its_object(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """"opened fire" is listed as a verb and its object; "opened the gate" is no act of force."""
    fire = 'Gunmen stormed the village on Monday. "They came and opened fire on our men," a guard said.'
    gate = 'Gunmen stormed the village on Monday. "They opened the gate," a villager said.'
    assert they(actor_dictionary, parse, fire) == ["UAF"]
    assert they(actor_dictionary, parse, gate) == []


def test_a_quotation_runs_over_sentences_to_its_closing_mark_or_the_paragraph_s_end(  # type: ignore[no-untyped-def]
    parse,
) -> None:
    """News leaves a quotation open at the end of a paragraph when it goes on into the next."""
    from newsevents.actors.group_pronouns import quote_of

    text = ('Gunmen stormed the village. "They burned the houses. They shot the men.\n\n'
            '"Then they left," a villager said. They were never found.')
    _, doc = parse(text)
    inside = [quote_of(doc, t.i) is not None for t in doc if t.lower_ == "they"]
    assert inside == [True, True, True, False]


def test_quotations_are_read_from_marks_and_line_ends(parse) -> None:  # type: ignore[no-untyped-def]
    """Curly marks open and close by their shape, straight ones by turns; a paragraph's end closes
    an open quotation, the line break of hard-wrapped text does not."""
    from newsevents.actors.group_pronouns import _quote_spans

    text = 'He said \u201cno\u201d and "yes" then "more\n\nand \u201cstill\n'
    _, doc = parse(text)
    spans = [text[a : b + 1] for a, b in _quote_spans(doc)]
    assert spans == ["\u201cno\u201d", '"yes"', '"more\n', "\u201cstill\n"]
    wrapped = ('Police said that "the four men,\nwho wore masks, stabbed him in\n'
               'front of his house,\nthe prefect said" on Monday.')
    _, doc = parse(wrapped)
    whole = wrapped[wrapped.index('"') : wrapped.rindex('"') + 1]
    assert [wrapped[a : b + 1] for a, b in _quote_spans(doc)] == [whole]
