"""Pronouns, role nouns and short names resolved to the actor already introduced."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def mentions(actor_dictionary, parse, text: str):  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    return find_mentions(doc, art, actor_dictionary)


def test_he_and_his_take_the_person_in_subject_position(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "Vladimir Putin met reporters. He said his army would stay.")
    pron = [m for m in ms if m.kind == "pronoun"]
    assert [(m.actor.text, m.actor.name, m.actor.code) for m in pron] == [
        ("He", "Vladimir Putin", "RUSGOV"), ("his", "Vladimir Putin", "RUSGOV")]


def test_she_skips_a_man(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(actor_dictionary, parse, "Angela Merkel met Vladimir Putin. She said the talks went well.")
    she = next(m for m in ms if m.actor.text == "She")
    assert she.actor.name == "Angela Merkel"


def test_pronoun_with_no_person_is_not_a_mention(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "The bridge collapsed. He said nothing.")
    assert all(m.kind != "pronoun" for m in ms)


def test_surname_after_full_name_is_coref(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        actor_dictionary, parse, "UN envoy Staffan de Mistura arrived. De Mistura announced a pause."
    )
    short = next(m for m in ms if m.actor.text == "De Mistura")
    assert (short.kind, short.actor.name, short.actor.code) == ("coref", "Staffan de Mistura", "IGOUNO")


def test_surname_of_unknown_person_is_coref(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        actor_dictionary, parse, "Syrian opposition leader Riad Qwertyan spoke. Later Qwertyan left Geneva."
    )
    short = next(m for m in ms if m.actor.text == "Qwertyan")
    assert (short.kind, short.actor.name, short.actor.code) == ("coref", "Riad Qwertyan", "SYROPP")


def test_surname_the_model_leaves_untagged_is_coref(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan lawmakers impeached Deputy President Rigathi Gachagua on Tuesday."
            " Gachagua denied all the charges.")
    ms = mentions(actor_dictionary, parse, text)
    short = [m for m in ms if m.actor.text == "Gachagua"]
    assert [(m.kind, m.actor.name) for m in short] == [("coref", "Rigathi Gachagua")]


def test_bare_surname_is_the_first_person_of_that_name(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = ("Opposition leader Sali Berisha spoke on Monday. Under the sanctions, Berisha, his wife,"
            " Liri Berisha, and his son are barred from travel. Berisha rejected the allegations.")
    ms = mentions(actor_dictionary, parse, text)
    last = [m for m in ms if m.actor.text == "Berisha"][-1]
    assert (last.kind, last.actor.name) == ("coref", "Sali Berisha")


def test_a_surname_inside_a_longer_name_is_no_mention_of_its_own(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Opposition leader Sali Berisha spoke. His daughter Argita Berisha Malltezi was barred too."
    ms = mentions(actor_dictionary, parse, text)
    assert not [m for m in ms if m.actor.text == "Berisha"]


def test_the_regime_leader_and_the_syrian_leader_are_the_named_leader(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Syrian President Bashar al-Assad spoke on Thursday.\n\n"
            "The regime leader also said the war would go on.\n\nThe Syrian leader did not elaborate.")
    ms = mentions(actor_dictionary, parse, text)
    got = {m.actor.text: (m.kind, m.actor.name) for m in ms}
    assert got["regime leader"] == ("coref", "Bashar al-Assad")
    assert got["Syrian leader"] == ("coref", "Bashar al-Assad")


def test_the_regime_takes_the_country_already_named(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "The Syrian regime bombed the city. Later the regime denied it.")
    later = [m for m in ms if m.actor.text == "regime"]
    assert [(m.kind, m.actor.code) for m in later] == [("coref", "SYRGOV")]


def test_the_official_is_the_official_introduced(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "A Turkish official said 35,000 people arrived. The official also said more would come."
    ms = mentions(actor_dictionary, parse, text)
    later = next(m for m in ms if m.actor.text == "official")
    assert (later.kind, later.actor.code) == ("coref", "TURGOV")


def test_unnamed_fighters_take_the_one_named_armed_group(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """Once the BLA is named, "the militants" are Pakistani separatists."""
    text = ("The Balochistan Liberation Army claimed the raid on the railway station. "
            "Officials said the militants had escaped.")
    codes = {m.actor.text: m.actor.code for m in mentions(actor_dictionary, parse, text)}
    assert codes["militants"] == "PAKSEP"


def test_fighters_told_of_before_their_group_is_named_are_that_group_s(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """A lead tells of "terrorists" killed and names their group a sentence later: with no armed
    group named before them, the one named after them counts."""
    text = ("Soldiers killed 30 terrorists on Wednesday. "
            "The Balochistan Liberation Army claimed the raid on the railway station.")
    codes = {m.actor.text: m.actor.code for m in mentions(actor_dictionary, parse, text)}
    assert codes["terrorists"] == "PAKSEP"


def test_a_separatist_modifier_refines_a_rebel_noun(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "Separatist militants burned a truck near the border.")
    assert [(m.actor.text, m.actor.sector) for m in ms] == [("Separatist militants", "SEP")]


def test_fighters_are_left_alone_when_two_countries_groups_are_named(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Hamas and the Houthis praised the attack. Officials said the militants had escaped."
    militants = next(m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "militants")
    assert militants.actor.country is None and militants.actor.sector == "REB"


def test_it_and_they_said_by_a_group_are_that_group(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "The Turkish army said it shelled two villages. Kenyan police said they arrested a driver."
    ms = mentions(actor_dictionary, parse, text)
    got = {(m.actor.text, m.actor.code) for m in ms if m.kind == "pronoun"}
    assert got == {("it", "TURMIL"), ("they", "KENCOP")}


def test_it_that_no_actor_said_is_no_actor(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The Turkish army shelled two villages. It was raining, and they said nothing."
    assert all(m.kind != "pronoun" for m in mentions(actor_dictionary, parse, text))


def test_they_opening_an_act_is_the_plural_group_of_the_sentence_before(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "The Nigerian army said it killed 30 militants in Borno. They had attacked a village on Sunday."
    they = [m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "They"]
    assert [(m.kind, m.actor.sector) for m in they] == [("pronoun", "REB")]


def test_they_with_a_noun_subject_beside_it_or_in_quotes_is_no_actor(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("The Nigerian army said it killed 30 militants in Borno. The villagers fled when they came. "
            'Soldiers arrested 20 protesters on Monday. "They want us to stay at home."')
    ms = mentions(actor_dictionary, parse, text)
    assert not [m for m in ms if m.actor.text.lower() == "they"]


def test_a_possessive_takes_the_nearest_person_of_its_own_sentence(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Vladimir Putin met reporters. Putin said talks would go on. "
            "The EU imposed sanctions on Alexander Lukashenko and his allies.")
    his = next(m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "his")
    assert his.actor.country == "BLR"


def test_the_group_is_the_organisation_named_last(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = ("The Baloch Liberation Army claimed the attack. In a statement, the group gave authorities"
            " 48 hours to comply.")
    ms = mentions(actor_dictionary, parse, text)
    group = next(m for m in ms if m.actor.text == "group")
    assert (group.kind, group.actor.code) == ("coref", "PAKSEP")


def test_the_group_with_no_organisation_before_it_is_no_actor(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "The Pakistani army attacked the village. The group said nothing.")
    assert not [m for m in ms if m.actor.text == "group"]


def test_a_group_described_or_named_is_no_stand_in(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The Baloch Liberation Army claimed the attack. The group of protesters gathered in Quetta."
    ms = mentions(actor_dictionary, parse, text)
    assert not [m for m in ms if m.kind == "coref" and m.actor.code == "PAKSEP"]


def test_surname_of_a_person_whose_mention_ends_in_a_role(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Then Doug Ford, Ontario's provincial leader, spoke on Monday. Ford said he would not hesitate."
    ms = mentions(actor_dictionary, parse, text)
    short = next(m for m in ms if m.actor.text == "Ford")
    assert (short.kind, short.actor.name) == ("coref", "Doug Ford")


def test_full_name_again_is_the_person_named_with_a_role(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Cambodian journalist Mech Dara thanked his supporters. A lawyer told VOA that Mech Dara has"
            " been released on bail. Mech Dara's arrest drew condemnation.")
    ms = mentions(actor_dictionary, parse, text)
    again = [m for m in ms if m.actor.text.startswith("Mech Dara") and m.kind == "coref"]
    assert [m.actor.code for m in again] == ["KHMMED", "KHMMED"]


def test_object_them_takes_the_group_named_before_it_in_its_sentence(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "The gunmen picked out Pakistani police officers and shot them."
    them = [m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "them"]
    assert [(m.kind, m.actor.country, m.actor.sector) for m in them] == [("pronoun", "PAK", "COP")]


def test_object_them_in_a_later_sentence_or_a_circumstance_stays_unresolved(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    later = "Pakistani police officers arrived. The gunmen shot them."
    after = "Two Kurdish militants killed themselves after Turkish police called on them to surrender."
    partitive = "Pakistani police officers arrived and the gunmen shot several of them."
    for text in (later, after, partitive):
        assert all(m.actor.text != "them" for m in mentions(actor_dictionary, parse, text)), text


def test_the_group_again_is_the_group_not_its_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """ "The group" long after "a Pakistani separatist group", with no organisation named within
    reach, is that group again (PAKSEP), not Pakistan."""
    text = ("A Pakistani separatist group attacked a train. Officials said 20 people died. The army"
            " searched the area. Troops found weapons. The police arrested two men."
            " The group also opposes Chinese investment.")
    group = next(m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "group")
    assert (group.kind, group.actor.code) == ("coref", "PAKSEP")


def test_she_is_no_organisation(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """ "the group" stands for a body, which no "he" or "she" refers to."""
    text = "The Baloch Liberation Army claimed the attack. The group said she detonated the bomb."
    assert not [m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "she"]


def test_he_in_what_a_person_said_is_that_person(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Vladimir Putin met reporters in Moscow. Putin said the talks went well. "
            "Putin thanked the host. Joe Biden said he would call Putin.")
    he = [m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "he"]
    assert [(m.kind, m.actor.name) for m in he] == [("pronoun", "Joe Biden")]


def test_the_first_word_of_a_full_name_given_before_is_that_person(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("The government of Malaysian Prime Minister Mahathir Mohamad is reviewing the claims."
            " Mahathir's government froze a pipeline project last year.")
    short = [m for m in mentions(actor_dictionary, parse, text) if m.actor.text.startswith("Mahathir'")
             or m.actor.text == "Mahathir"]
    assert [(m.kind, m.actor.name, m.actor.country) for m in short] == [("coref", "Mahathir Mohamad", "MYS")]


def test_a_first_word_shared_by_two_people_named_before_is_left_alone(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Malaysian Prime Minister Mahathir Mohamad met Malaysian opposition leader Mahathir Osman."
            " Mahathir later rejected the plan.")
    short = [m for m in mentions(actor_dictionary, parse, text) if m.actor.text == "Mahathir"]
    assert all(m.kind != "coref" for m in short)


def test_he_is_not_the_person_named_as_the_object_of_its_own_verb(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse,
                  "Vladimir Putin visited Beijing. Putin met Xi Jinping. He urged Putin to end the war.")
    he = next(m for m in ms if m.actor.text == "He")
    assert he.actor.name == "Xi Jinping"


def test_he_is_not_the_person_joined_to_it_by_and(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(actor_dictionary, parse,
                  "Xi Jinping met Vladimir Putin. Putin spoke first. He and Putin signed a deal.")
    he = next(m for m in ms if m.actor.text == "He")
    assert he.actor.name == "Xi Jinping"


def test_she_far_back_is_the_one_person_the_story_calls_she(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    filler = " ".join(["The fighting went on in many towns."] * 7)
    text = ("Catherine Russell, UNICEF's executive director, spoke on Monday. She said children suffer. "
            f"{filler} She urged the council to act.")
    ms = mentions(actor_dictionary, parse, text)
    she = [m for m in ms if m.actor.text == "She"]
    assert [m.actor.name for m in she] == ["Catherine Russell", "Catherine Russell"]
