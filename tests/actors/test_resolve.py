"""One construction per test: how modifiers combine into one actor code."""

from __future__ import annotations

import pytest

import newsevents
from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def mentions(actor_dictionary, parse, text: str, **kw):  # type: ignore[no-untyped-def]
    art, doc = parse(text, **kw)
    return find_mentions(doc, art, actor_dictionary)


def by_text(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, **kw,
) -> dict[str, tuple[str, str | None, str | None, str]]:
    ms = mentions(actor_dictionary, parse, text, **kw)
    return {m.actor.text: (m.actor.code, m.actor.country, m.actor.sector, m.kind) for m in ms}


def test_demonym_sector_sector_is_one_military_mention(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Syrian regime forces shelled the town.")
    assert got == {"Syrian regime forces": ("SYRMIL", "SYR", "MIL", "demonym")}


def test_air_strikes_are_the_military_of_the_demonym(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "The town was hit by Russian air strikes on Monday.")
    assert got["Russian air strikes"][:3] == ("RUSMIL", "RUS", "MIL")


def test_official_of_a_country_is_government(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "A Turkish official said the border was closed.")
    assert got["Turkish official"][0] == "TURGOV"


def test_country_less_opposition_awaits_the_article_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Syria's army advanced on Homs. Syrian troops took a hill near the Syrian town.\n\n"
            "Moderate opposition groups said the Western-backed opposition would fight on.")
    got = by_text(actor_dictionary, parse, text)
    assert got["opposition groups"][:2] == ("OPP", None)  # the actors stage leaves it to the chain
    assert got["Western"][0] == "WST"  # the backer is a region, not the opposition's country
    homed = {m.actor.text: m.actor for m in newsevents.extract(text).actors}
    groups = homed["opposition groups"]
    assert (groups.code, groups.country_source) == ("SYROPP", "article")
    assert (homed["opposition"].code, homed["Syrian troops"].country_source) == ("SYROPP", "text")


def test_no_dominant_country_leaves_the_sector_alone(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Rebels attacked a checkpoint.")
    assert got["Rebels"][:3] == ("REB", None, "REB")


def test_weak_head_takes_the_sector_of_its_modifier(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(
        actor_dictionary, parse, "Syrian opposition forces retreated while Syrian government forces advanced."
    )
    assert got["Syrian opposition forces"][0] == "SYROPP"
    assert got["Syrian government forces"][0] == "SYRMIL"


def test_refugees_children_aid_workers(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(
        actor_dictionary,
        parse,
        "Syrian refugees crossed the border. Aid workers said Syrian children were hungry.",
    )
    assert got["Syrian refugees"][0] == "SYRREF"
    assert got["Aid workers"][:3] == ("NGO", None, "NGO")
    assert got["Syrian children"][0] == "SYRCVL"


def test_un_envoy_with_apposed_name_is_one_igo_mention(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "UN envoy, Staffan de Mistura, halted the talks.")
    assert len(ms) == 1
    m = ms[0]
    assert (m.actor.code, m.actor.country, m.actor.sector) == ("IGOUNO", None, "IGO")
    assert m.actor.name == "Staffan de Mistura"
    assert m.actor.text == "UN envoy, Staffan de Mistura"
    assert ms[0].head == 1  # "envoy", the subject of "halted"


def test_role_title_before_name_keeps_the_person(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "Syrian regime leader Bashar al Assad spoke on Thursday.")
    assert [(m.actor.text, m.actor.name, m.actor.code) for m in ms] == [
        ("Syrian regime leader Bashar al Assad", "Bashar al-Assad", "SYRGOV")]


def test_unknown_person_takes_code_from_role_words(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "Syrian opposition leader Riad Qwertyan spoke.")
    got = {m.actor.name: m.actor.code for m in ms}
    assert got == {"Riad Qwertyan": "SYROPP"}


def test_capital_acting_is_the_government_but_not_as_a_place(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(
        actor_dictionary,
        parse,
        "Moscow said the talks failed. Fighting raged in Damascus. The Kremlin denied it.",
    )
    assert got["Moscow"][0] == "RUSGOV"
    assert "Damascus" not in got
    assert got["The Kremlin"][0] == "RUSGOV"


@pytest.mark.parametrize(
    ("text", "capital", "code"),
    [
        ("Washington accused Beijing of abuses.", "Beijing", "CHNGOV"),
        ("Germany urged Moscow to withdraw its troops.", "Moscow", "RUSGOV"),
        ("Pakistan blamed Kabul for the attack.", "Kabul", "AFGGOV"),
        ("Sudanese rebels shelled Juba for the first time in a year.", "Juba", None),
    ],
)
def test_a_capital_blamed_or_asked_is_the_government(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, capital: str, code: str | None,
) -> None:
    """The object of a verb that blames it "for", accuses it "of" or asks it "to" is a party; a
    capital shelled is a place."""
    got = by_text(actor_dictionary, parse, text)
    assert (got[capital][0] if capital in got else None) == code


@pytest.mark.parametrize(
    ("text", "capital", "code"),
    [
        ("The Indian prime minister visited Moscow on Monday.", "Moscow", "RUSGOV"),
        ("Putin was pleased with his trip to Beijing last week.", "Beijing", "CHNGOV"),
        ("Blinken will travel to Ankara next week.", "Ankara", "TURGOV"),
        ("The Indian prime minister spoke in Moscow on Monday.", "Moscow", None),
        ("The convoy drove to Kabul on Monday.", "Kabul", None),
    ],
)
def test_a_capital_visited_is_the_host_government(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, capital: str, code: str | None,
) -> None:
    """The place a visit goes to (destinations.yml) is the party visited; a capital where something
    happens, or reached by a word that is no visit, stays a place."""
    got = by_text(actor_dictionary, parse, text)
    assert (got[capital][0] if capital in got else None) == code


@pytest.mark.parametrize(
    ("text", "capital", "code"),
    [
        ("Tokyo held talks with Beijing on Monday.", "Beijing", "CHNGOV"),
        ("Washington imposed new sanctions against Moscow.", "Moscow", "RUSGOV"),
        ("Talks were held with officials in Beijing on Monday.", "Beijing", None),
    ],
)
def test_a_capital_dealt_with_or_against_is_the_government(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, capital: str, code: str | None,
) -> None:
    """A capital that "with", "against" or "towards" governs is a party; one left is a place."""
    got = by_text(actor_dictionary, parse, text)
    assert (got[capital][0] if capital in got else None) == code


def test_country_as_place_is_still_a_mention(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Thousands fled to Turkey.")
    assert got["Turkey"] == ("TUR", "TUR", None, "name")


def test_lower_case_words_that_spell_countries_are_not_countries(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Give us the turkey and tell Michael Jordan.")
    assert got == {}


def test_armed_group_and_igo_names(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(
        actor_dictionary, parse, "Hezbollah fighters clashed with Islamic State militants as the EU watched."
    )
    assert got["Hezbollah fighters"][0] == "LBNREB"
    assert got["Islamic State militants"][0] == "IMGISI"
    assert got["EU"][0] == "IGOEEC"


def test_person_chosen_by_publication_year(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    art_old = by_text(actor_dictionary, parse, "Assad spoke in Damascus.", published="1995-05-01")
    art_new = by_text(actor_dictionary, parse, "Assad spoke in Damascus.", published="2016-05-01")
    ms_old = mentions(actor_dictionary, parse, "Assad spoke.", published="1995-05-01")
    assert ms_old[0].actor.name == "Hafez al-Assad"
    assert art_new["Assad"][0] == art_old["Assad"][0] == "SYRGOV"
    assert mentions(
        actor_dictionary, parse, "Assad spoke.", published="2016-05-01"
    )[0].actor.name == "Bashar al-Assad"


def test_coordinated_names_stay_separate_actors(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Talks between Saudi Arabia and Houthi rebels resumed.")
    assert got["Saudi Arabia"][0] == "SAU"
    assert got["Houthi rebels"][0] == "YEMREB"


def test_a_list_of_two_people_is_two_mentions(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    ms = mentions(actor_dictionary, parse, "Barack Obama, John Kerry and Sergei Lavrov met in Geneva.")
    assert [m.actor.name for m in ms if m.actor.name != "Geneva"] == [
        "Barack Obama", "John Kerry", "Sergei Lavrov"]


def test_refugees_take_where_they_come_from_not_where_they_are(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    came = by_text(actor_dictionary, parse, "Refugees from Syria marched.")["Refugees"]
    assert came[:2] == ("SYRREF", "SYR")
    assert by_text(actor_dictionary, parse, "Refugees in Germany marched.")["Refugees"][1] is None


def test_a_country_that_leads_a_force_is_its_country(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Iranian-led militias attacked the base.")
    assert got["Iranian-led militias"][:3] == ("IRNREB", "IRN", "REB")


def test_leaders_of_a_body_are_coded_as_the_body(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Leaders of the opposition alliance rejected the offer.")
    assert got["Leaders of the opposition alliance"][2] == "OPP"
    union = by_text(actor_dictionary, parse, "The African Union met.")
    got = by_text(actor_dictionary, parse, "Officials of the African Union arrived in Juba.")
    assert got["Officials of the African Union"][0] == next(iter(union.values()))[0]
    assert got["Officials of the African Union"][0].startswith("IGO")


def test_leaders_of_a_country_keep_their_own_sector(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Leaders of Egypt criticised the plan.")
    assert got["Leaders"][:3] == ("EGYGOV", "EGY", "GOV")


def test_european_community_is_the_eu(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    assert by_text(
        actor_dictionary, parse, "The European Community gave aid."
    )["European Community"][0] == "IGOEEC"


def test_a_body_named_by_its_leader_is_of_the_leader_s_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Ankara said the Netanyahu government and Putin's forces had ignored its warnings."
    got = by_text(actor_dictionary, parse, text)
    assert (got["government"][0], got["forces"][0]) == ("ISRGOV", "RUSMIL")


def test_dotted_country_abbreviation(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "The C.A.R. said gunmen released 20 villagers on Friday.")
    assert got["C.A.R."][:2] == ("CAF", "CAF")


def test_countries_coordinated_before_one_noun_share_its_sector(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Chad and Sudan officials signed a border agreement on Monday.")
    assert (got["Chad"][0], got["Sudan officials"][0]) == ("TCDGOV", "SDNGOV")


def test_summit_groups_are_international_bodies(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "G7 foreign ministers and G20 leaders met in Rome.")
    assert (got["G7 foreign ministers"][:3], got["G20 leaders"][0]) == (("IGOGOS", None, "IGO"), "IGOGTW")


def test_ethnic_people_are_not_the_state_of_their_demonym(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Ethnic Albanians in Macedonia marched on Monday.")
    assert got["Albanians"][:3] == ("MKDCVL", "MKD", "CVL")
    assert by_text(actor_dictionary, parse, "Albanian police marched.")["Albanian police"][1] == "ALB"


def test_a_stateless_people_beside_a_demonym_is_of_that_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Syrian Kurdish fighters and Iraqi Kurds marched.")
    assert got["Syrian Kurdish fighters"][:3] == ("SYRREB", "SYR", "REB")
    assert got["Iraqi Kurds"][1] == "IRQ"


def test_the_opposition_outranks_the_civil_role_it_holds(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Kenyan opposition lawmakers denounced the plan.")
    assert got["Kenyan opposition lawmakers"][:3] == ("KENOPP", "KEN", "OPP")
    plain = by_text(actor_dictionary, parse, "Kenyan lawmakers denounced the plan.")
    assert plain["Kenyan lawmakers"][2] == "LEG"


def test_frontier_corps_is_pakistan_s_military(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """ "Five Frontier Corps personnel were killed in the attack": the dead are Pakistan's forces."""
    got = by_text(actor_dictionary, parse, "Five Frontier Corps personnel were killed in the attack.")
    assert got["Frontier Corps"][:3] == ("PAKMIL", "PAK", "MIL")


def test_captors_are_unidentified_armed_men(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """Who holds hostages is often named only by the act: "freed by their captors"."""
    got = by_text(actor_dictionary, parse, "The schoolgirls were freed by their captors on Tuesday.")
    assert got["captors"][2] == "UAF"
    takers = by_text(actor_dictionary, parse, "The hostage takers freed two nurses.")
    assert takers["hostage takers"][2] == "UAF"


def test_a_terrorist_cell_is_an_armed_group(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    assert by_text(actor_dictionary, parse, "Police broke up a terrorist cell.")["terrorist cell"][2] == "REB"


def test_person_with_a_body_s_office_in_apposition_is_that_body(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Catherine Russell, UNICEF's executive director, told the council that children are dying."
    ms = mentions(actor_dictionary, parse, text)
    person = [(m.actor.name, m.actor.code, m.head) for m in ms if m.actor.name == "Catherine Russell"]
    assert person == [("Catherine Russell", "IGOUNOCEF", 1)]


def test_a_dotted_abbreviation_without_its_last_period_is_the_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "The C.A.R is pleading with civilians to return to villages.")
    assert any(code == "CAF" for code, _, _, _ in got.values())


def test_person_named_with_an_office_of_a_body_acts_for_that_body(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "John Smith, a spokesman for the Taliban, said the group would attack. He said talks were over."
    ms = mentions(actor_dictionary, parse, text)
    assert [(m.actor.code, m.head) for m in ms if m.kind in ("name", "pronoun") and m.head in (1, 15)] == [
        ("AFGREB", 1), ("AFGREB", 15)]
    text = "Ali Musa, a spokesman for the Kenyan police, said two men were arrested."
    assert [m.actor.code for m in mentions(actor_dictionary, parse, text) if m.head == 1] == ["KENCOP"]


def test_person_named_with_a_critic_of_a_body_does_not_act_for_it(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Ali Musa, a critic of the Taliban, said the group lies."
    assert all(m.head != 1 for m in mentions(actor_dictionary, parse, text))
