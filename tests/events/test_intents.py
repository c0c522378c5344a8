"""intents.py: acts asked for, demanded, refused, promised or threatened are coded by what is asked,
and the act itself is no event; the table behind it is data, checked on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import pipe
from newsevents.errors import ResourceError
from newsevents.events.codes import load_code_table
from newsevents.events.intents import load_intents
from newsevents.model import Extraction

SENTENCES = {
    "urge": "The United States urged Israel to agree to a ceasefire.",
    "threaten": "The European Union threatened to impose sanctions on Russia.",
    "warn": "China warned it would impose tariffs on American goods.",
    "refuse": "Syria refused to release the prisoners.",
    "must": "Russia said Ukraine must withdraw its troops from the border.",
    "promise": "Israel announced it would free 150 Palestinian prisoners.",
    "unless": "Nigeria said it will withdraw its troops from Chad unless the rebels lay down their arms.",
    "purpose": "Kenyan students began a hunger strike on Monday to protest against the government.",
    "ceasefire": "The United Nations urged Israel and Hamas to agree to a ceasefire.",
    "blows": "Iran threatened to deliver devastating blows to Israel.",
    "offer": "Afghan rebels said they would meet the Pakistani president if he guaranteed their safety.",
    "official": "The Venezuelan foreign minister said Venezuela would not negotiate with Colombia.",
    "other": "The Colombian foreign minister said Venezuela would not negotiate with Colombia.",
    "needs": "The Kenyan foreign minister said Ethiopia needs to withdraw its troops from Somalia.",
    "has to": "The Kenyan foreign minister said Ethiopia has to withdraw its troops from Somalia.",
    "not": "The Kenyan foreign minister said Ethiopia should not withdraw its troops from Somalia.",
    "plead": "The Nigerian opposition pleaded with the government to release the prisoners.",
    "in effect": "China said Chinese tariffs on American goods would take effect on Wednesday.",
    "in force": "The European Union said EU sanctions on Russia would come into force on Friday.",
    "force withdrawn": "Nigeria said it would withdraw its peacekeeping force unless the rebels disarm.",
    "no hesitation": "China will not hesitate to impose sanctions on Japan.",
    "did not hesitate": "Kenyan police did not hesitate to open fire on the protesters.",
}


def test_the_longest_prefix_with_a_cell_wins() -> None:
    table = load_intents(load_code_table())
    assert table.code("appeal", "0871") == "0256"  # 087 de-escalation
    assert table.code("threaten", "1631") == "1312"  # 163 sanctions
    assert table.code("threaten", "0871") is None  # no threat of a ceasefire
    assert table.code("reject", "0841") == "1243"
    assert table.code("intend", "0841") == "0353"


def test_a_bad_cell_names_its_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "intents.tsv"
    bad.write_text("act\tappeal\tdemand\treject\tthreaten\tintend\n087\t1056\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_intents(load_code_table(), [bad])
    assert f"{bad}:2" in str(err.value) and "appeal" in str(err.value)


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return dict(zip(SENTENCES, pipe(list(SENTENCES.values())), strict=True))


def _codes(x: Extraction) -> list[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO) of each event."""
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in x.events
    ]


@pytest.mark.model
def test_an_appeal_is_coded_by_what_it_asks(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["urge"]) == [("USA", "ISR", "0256")]  # no agreement by Israel besides


@pytest.mark.model
def test_a_threat_takes_the_threatened_act_code_and_target(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["threaten"]) == [("IGOEEC", "RUS", "1312")]  # and no sanction imposed


@pytest.mark.model
def test_a_modal_coercive_act_of_the_speaker_is_a_threat(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["warn"]) == [("CHN", "USA", "1312")]


@pytest.mark.model
def test_a_refusal_is_coded_by_what_is_refused(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["refuse"]) == [("SYR", None, "124")]  # and no release


@pytest.mark.model
def test_said_must_is_a_demand_on_the_subject(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["must"]) == [("RUS", "UKR", "1056")]  # and no withdrawal


@pytest.mark.model
def test_a_promised_release_is_an_intent(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["promise"]) == [("ISR", "PSECVL", "0353")]


@pytest.mark.model
def test_a_conditional_act_is_a_threat(coded: dict[str, Extraction]) -> None:
    assert [(s, c[:2]) for s, _, c in _codes(coded["unless"])] == [("NGA", "13")]


@pytest.mark.model
def test_a_protest_for_a_purpose_is_one_protest_aimed_at_its_target(coded: dict[str, Extraction]) -> None:
    events = coded["purpose"].events
    assert [(e.cameo_root, e.target is not None and e.target.sector) for e in events] == [("14", "GOV")]


@pytest.mark.model
def test_an_intent_asked_for_is_coded_as_the_appeal(coded: dict[str, Extraction]) -> None:
    assert {(t, c) for _, t, c in _codes(coded["ceasefire"])} == {("ISR", "0256"), ("PSEREB", "0256")}


@pytest.mark.model
def test_a_threat_aims_at_the_target_of_its_complement(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["blows"]) == [("IRN", "ISR", "130")]


@pytest.mark.model
def test_a_conditional_offer_is_an_intent_of_its_doer_only(coded: dict[str, Extraction]) -> None:
    assert [(s and s[:3], t and t[:3], c) for s, t, c in _codes(coded["offer"])] == [("AFG", "PAK", "036")]


@pytest.mark.model
def test_a_state_s_own_official_speaks_for_its_refusal(coded: dict[str, Extraction]) -> None:
    # one refusal, by Venezuela alone; the negotiation is not coded as well (negated, both ways)
    assert _codes(coded["official"]) == [("VEN", "COL", "125")]


@pytest.mark.model
def test_another_state_s_official_does_not_refuse_for_it(coded: dict[str, Extraction]) -> None:
    assert not [c for _, _, c in _codes(coded["other"]) if c.startswith("12")]


@pytest.mark.model
def test_said_needs_to_is_an_appeal_and_has_to_a_demand(coded: dict[str, Extraction]) -> None:
    # the act asked for is no event, nor is Ethiopia's "need" an appeal of its own
    assert [(s, t, c[:2]) for s, t, c in _codes(coded["needs"])] == [("KENGOV", "ETH", "02")]
    assert [(s, t, c[:2]) for s, t, c in _codes(coded["has to"])] == [("KENGOV", "ETH", "10")]


@pytest.mark.model
def test_asking_not_to_act_is_an_appeal_under_its_generic_code(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["not"]) == [("KENGOV", "ETH", "020")]  # not an appeal to withdraw


@pytest.mark.model
def test_an_infinitive_beside_an_appeal_is_what_it_asks(coded: dict[str, Extraction]) -> None:
    # the parse hangs "to release" on the verb, not under the appeal: still no release happened
    assert [c for _, _, c in _codes(coded["plead"])] == ["0253"]



@pytest.mark.model
def test_a_measure_said_to_take_effect_is_the_measure_not_a_threat(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["in effect"]) == [("CHN", "USA", "163")]
    assert _codes(coded["in force"]) == [("IGOEEC", "RUS", "163")]


@pytest.mark.model
def test_a_force_withdrawn_under_a_condition_is_still_a_threat(coded: dict[str, Extraction]) -> None:
    # "force" as the object of "withdraw" is no "come into force"
    assert [c[:2] for s, _, c in _codes(coded["force withdrawn"]) if s == "NGA"] == ["13"]


@pytest.mark.model
def test_not_hesitating_to_act_means_the_act(coded: dict[str, Extraction]) -> None:
    """A holding back denied: "will not hesitate to" threatens the act, "did not hesitate to" tells
    of it; neither negates it."""
    assert _codes(coded["no hesitation"]) == [("CHN", "JPN", "1312")]
    assert [(e.cameo_root, e.negated) for e in coded["did not hesitate"].events] == [("17", False)]
