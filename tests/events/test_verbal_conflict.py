"""Verbal conflict and appeals (CAMEO 02, 10-13) told without an actor as object, through the real pipeline.

News reports much criticism, rejection and appeal against a thing rather than a named party ("called
for an inquiry", "denied the allegations", "defied the ban"); the speaker's act is still an event.
Each sentence here is coded only because of its `verbs.yml` line: without it the verb is either
unknown or needs an actor as object.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import country_triples
from tests.events.conftest import judged_events as _events

pytestmark = pytest.mark.model



def _coded(text: str) -> set[tuple[str, str | None]]:
    """(CAMEO code, target country) of each event that has a source."""
    return {(e.cameo, e.target.country if e.target else None) for e in _events(text) if e.source is not None}



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan opposition leaders called for a new inquiry into the shootings.", ("020", None)),
        ("Zambian opposition senators spoke out against the new cybercrime law.", ("111", None)),
        ("The Ethiopian government placed the blame on Eritrea for the clashes.", ("112", "ERI")),
        ("The Russian foreign ministry denied the allegations on Tuesday.", ("120", None)),
        ("Venezuela rejected the arbitration ruling on Monday.", ("120", None)),
        ("The Islamic State group threatened to kill the hostages.", ("1383", None)),
        ("The Moroccan foreign ministry called the Algerian decision irresponsible.", ("111", "DZA")),
        ("The Syrian government has called the allegations baseless.", ("120", None)),
    ],
)
def test_verbal_act_without_an_actor_object(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _coded(text)


def test_defying_a_ban_is_defiance() -> None:
    [event] = _events("Protesters in Tehran defied a ban on public gatherings.")
    assert (event.cameo, event.source is not None) == ("128", True)


def test_questioning_a_decision_is_criticism_but_questioning_a_suspect_is_not() -> None:
    assert {e.cameo for e in _events("Human rights groups in Peru questioned the decision to free him.")} == {
        "111"
    }
    assert not [e for e in _events("Peruvian police questioned the suspect for hours.") if e.cameo == "111"]


def test_calling_someone_a_name_is_no_event() -> None:
    assert _events("The Chilean president called the footballer a hero.") == []


def test_denying_a_report_is_no_rejection() -> None:
    """An attribution denied ("denied a report that ...") is no rejection of anyone's act."""
    assert not [e for e in _events("The Kremlin denied a German report on Tuesday.") if e.cameo == "120"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Germany issued a statement condemning the Russian strikes.", "DEU"),
        ("A statement from the Egyptian foreign ministry condemned the Russian strikes.", "EGY"),
    ],
)
def test_a_statement_acts_for_whoever_issued_it(text: str, source: str) -> None:
    assert (source, "RUS", "111") in country_triples(text)


def test_criticism_from_someone_is_theirs() -> None:
    """ "drew criticism from X": the "from" hangs on the verb, and it names who criticises."""
    coded = {(e.source.country if e.source else None, e.cameo) for e in _events(
        "The mass arrests drew sharp criticism from Germany.")}  # fmt: skip
    assert ("DEU", "111") in coded


def test_a_gerund_after_by_shares_its_clause_subject() -> None:
    assert ("KEN", "UGA", "111") in country_triples("Kenya responded by condemning the Ugandan raid.")


def test_a_gerund_after_for_is_not_the_subject_s_act() -> None:
    """ "criticised Israel for condemning X": Egypt does not condemn X."""
    events = _events("Egypt criticized Israel for condemning the Qatari mediators.")
    assert not [e for e in events if e.source is not None and e.source.country == "EGY" and e.target
                and e.target.country == "QAT"]  # fmt: skip


def test_a_call_for_a_ceasefire_is_coded_as_the_verb_is() -> None:
    assert {e.cameo for e in _events("Egypt's call for a ceasefire was ignored.")} == {"0256"}


def test_a_reporter_asking_is_no_appeal() -> None:
    text = "Asked by a BBC reporter whether Britain would send troops, the Polish president said no."
    assert not [e for e in _events(text) if e.cameo.startswith("02")]


def test_warning_that_a_move_will_do_harm_criticises_its_owner() -> None:
    text = "Ghana warned that the Togolese move would damage regional trade."
    assert ("GHA", "TGO", "111") in country_triples(text)


def test_saying_someone_s_move_is_unacceptable_criticises_them() -> None:
    text = '"The Russian decision is unacceptable," the Polish foreign minister said.'
    assert ("POL", "RUS", "111") in country_triples(text)
    assert _events("The Polish foreign minister said the weather was terrible.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The Kenyan ministry called Ethiopia\'s comments "egregious and insulting."', ("KEN", "ETH", "111")),
        ("The Polish government has been sharply critical of Hungary.", ("POL", "HUN", "111")),
        ("Turkey remains critical of Swedish policy.", ("TUR", "SWE", "111")),
        ("The Pakistani army gave the Taliban 48 hours to comply.", ("PAK", "AFG", "139")),
        ("The European Union dismissed Trump's tariff threats.", ("USA", None, "1312")),
        ("The Kenyan government rejected an offer from Ethiopia for direct talks.", ("KEN", "ETH", "125")),
        ("The journalist was accused of incitement by Cambodian prosecutors.", ("KHM", None, "1121")),
    ],
)
def test_criticism_threat_and_rejection_told_otherwise(text: str, expected: tuple[str | None, ...]) -> None:
    """A quoted complement the small model hangs on the object, an adjective of judgement after a
    copula, a deadline given, a threat told as a noun, the party whose offer is rejected."""
    assert expected in country_triples(text)


def test_a_critical_copula_keeps_its_negation() -> None:
    [event] = [e for e in _events("The Turkish president was not critical of Israel.") if e.cameo == "111"]
    assert event.negated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chinese foreign ministry condemned the attack.", ("111", None)),
        ("The Israeli prime minister rejected the arrest warrant on Friday.", ("120", None)),
        ("The Serbian leader defied the summons on Monday.", ("128", None)),
        ("Iran has breached the nuclear deal.", ("128", None)),
        ("The Kenyan opposition slammed the decision on Monday.", ("111", None)),
        ("Amnesty International decried the crackdown by Iranian security forces.", ("111", "IRN")),
    ],
)
def test_judging_an_act_or_an_order_is_the_speaker_s_act(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _coded(text)


def test_a_condemned_act_stays_an_event() -> None:
    """Criticism takes the act it condemns as done: "condemned the raid by X" is the speaker's 111
    and X's raid."""
    coded = country_triples("The Kenyan government condemned Tuesday's raid by Somali militants.")
    assert {("KEN", "SOM", "111"), ("SOM", None, "190")} <= coded


def test_a_condemned_act_aims_at_its_doer_not_its_victim() -> None:
    text = "Amnesty International condemned the arrest of the journalist by Cambodian police."
    assert [(e.target.country, e.target.sector) for e in _events(text) if e.cameo == "111" and e.target] == [
        ("KHM", "COP")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Human Rights Watch said the Ethiopian army was responsible for the abuses.", (None, "ETH", "112")),
        ("Kenyan prosecutors said the Ugandan businessman was involved in the fraud.", ("KEN", "UGA", "112")),
        ("The Sudanese army said the Rapid Support Forces were guilty of war crimes.", ("SDN", "SDN", "112")),
        ("The UN said Sudanese soldiers had committed atrocities in Darfur.", (None, "SDN", "112")),
        ("The US envoy said the Albanian minister was involved in corrupt acts.", ("USA", "ALB", "112")),
        (
            "The Iranian intelligence ministry was behind the plot, according to American prosecutors.",
            ("USA", "IRN", "112"),
        ),
        ("Kenya said Uganda had violated the border agreement.", ("KEN", "UGA", "112")),
        ("The United States said Iran is defying the Security Council.", ("USA", "IRN", "112")),
        ("The US said Iran is \u201cflagrantly\u201d defying the Security Council.", ("USA", "IRN", "112")),
    ],
)
def test_saying_someone_is_guilty_accuses_them(text: str, expected: tuple[str | None, str, str]) -> None:
    assert expected in country_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Human Rights Watch said the Ethiopian army was responsible for security in Tigray.",  # no wrong
        "Human Rights Watch said the Ethiopian army was not responsible for the abuses.",  # negated
        "Ukrainian officials said Russia was behind the attack.",  # an attribution, left to the attack
        "The Eritrean rebels said they were behind the bombing.",  # a claim
        "Russia was behind the attack, according to Ukrainian officials.",
    ],
)
def test_responsibility_that_is_no_accusation(text: str) -> None:
    assert not [c for _, _, c in country_triples(text) if c.startswith("112")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Malian junta refused to cooperate with the regional court.", "120"),
        ("The Bosnian Serb leader refused to recognize the state court.", "120"),
        ("The Eritrean government declined to attend the summit in Nairobi.", "120"),
        ("The Sudanese army refused to sign the peace agreement.", "127"),
        ("The Nicaraguan government refused to comply with the ruling.", "128"),
    ],
)
def test_refusing_an_act_that_names_no_actor_is_a_rejection(text: str, expected: str) -> None:
    assert expected in {c for _, _, c in country_triples(text)}


def test_hitting_out_at_someone_is_criticism_not_force() -> None:
    coded = country_triples("The Polish prime minister hit out at Germany over the pipeline.")
    assert ("POL", "DEU", "111") in coded
    assert not [c for _, _, c in coded if c.startswith("19")]


def test_urging_an_end_is_an_appeal_by_the_speaker() -> None:
    events = _events("The UN secretary-general urged an end to the war in Sudan.")
    assert [(e.cameo, e.source is not None) for e in events if e.cameo.startswith("02")] == [("020", True)]


@pytest.mark.parametrize(
    "text",
    [
        "The Iranian foreign minister called the American sanctions a crime against humanity.",
        "The Turkish president described the Israeli strikes as genocide.",
        "The Indian foreign ministry expressed strong displeasure over the Pakistani remarks.",
    ],
)
def test_a_noun_of_condemnation_or_voiced_anger_is_criticism(text: str) -> None:
    assert "111" in {c for s, t, c in country_triples(text) if s is not None and t is not None}


def test_voiced_concern_is_no_criticism() -> None:
    assert _events("The Greek prime minister expressed concern over Turkish drilling.") == []


def test_a_quote_without_a_verb_of_saying_asks_through_its_speaker() -> None:
    text = (
        '"Our troops will stay," the Kenyan foreign minister said on Monday.'
        ' "The Ethiopian government should respect our borders."'
    )
    assert ("KEN", "ETH", "020") in country_triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Polish foreign minister said the vote was illegal.", ("POL", None, "111")),
        ('"This is unacceptable," the Polish foreign minister said.', ("POL", None, "111")),
        (  # the verb of saying a parataxis of the judged clause
            "The core of this idea is “very hypocritical,” the Polish foreign minister added, because “the"
            " Communist Party allows these people to go only where it wants them to go.”",
            ("POL", None, "111"),
        ),
        ("The Polish foreign minister said Hungary was hypocritical.", ("POL", "HUN", "111")),
        ("Somali lawmakers said the extension was unconstitutional.", ("SOM", None, "111")),
        ("The Kenyan opposition leader called the election a sham.", ("KEN", None, "111")),
        # the condemning adjective on the noun the copula names
        ('"It is an unacceptable situation," the Polish foreign minister said.', ("POL", None, "111")),
        ("The Polish minister said Hungary's move was a reckless provocation.", ("POL", "HUN", "111")),
    ],
)
def test_a_condemning_judgement_said_is_criticism_whoever_it_names(
    text: str, expected: tuple[str | None, str | None, str]
) -> None:
    """A verb of saying whose complement condemns its subject: the subject is the target when it
    names an actor, else the criticism is the speaker's with no target."""
    assert expected in country_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Polish foreign minister said the Russian move was not illegal.",  # negated
        "Police said it is illegal to carry weapons in the city.",  # a rule, no judgement
        "Police said it is an illegal act to carry weapons in the city.",  # the same rule, told with a noun
        '"It is not an acceptable situation," the Polish foreign minister said.',  # no condemning word
    ],
)
def test_a_judgement_denied_or_a_rule_stated_is_no_criticism(text: str) -> None:
    assert not [c for _, _, c in country_triples(text) if c.startswith("11")]


def test_the_victims_of_a_condemned_act_are_not_its_target() -> None:
    """ "the journalists' detention was illegal": the journalists are the victims of the act judged."""
    text = "Amnesty International said the journalists' detention was illegal."
    assert [e.target for e in _events(text) if e.cameo == "111"] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States is deeply disappointed by the decision.", ("USA", None, "110")),
        ("The German government said it was disappointed by the approval of the bill.", ("DEU", None, "110")),
        ("The bill was passed amid growing opposition from Kenyan lawmakers.", ("KEN", None, "110")),
        ("The Russian opposition leader is a fierce critic of the Kremlin.", ("RUS", "RUS", "111")),
        ("The Russian opposition leader, a critic of the Kremlin, was arrested.", ("RUS", "RUS", "111")),
    ],
)
def test_disapproval_of_an_act_and_a_critic_named(text: str, expected: tuple[str | None, ...]) -> None:
    """Disappointment with an act whose doer the sentence leaves unnamed is the holder's disapproval;
    "a critic of Y" beside or after a name makes that name Y's critic."""
    assert expected in country_triples(text)


def test_disappointment_with_no_act_is_no_event() -> None:
    coded = country_triples("The United States is deeply disappointed by the result.")
    assert not [c for _, _, c in coded if c[:2] == "11"]


def test_opposition_from_no_one_named_is_not_the_opposition_s() -> None:
    """ "opposition from within the party": the noun that names the opposition party is the
    disapproval here, not its source."""
    events = _events("The plan met opposition from within the ruling party.")
    assert not [e for e in events if e.cameo[:2] == "11"]


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Ecuador disagreed over the border on Tuesday.",
        "Peru and Ecuador have been feuding over the border for years.",
    ],
)
def test_two_parties_disagreeing_disapprove_of_each_other(text: str) -> None:
    countries = country_triples(text)
    assert ("PER", "ECU", "110") in countries and ("ECU", "PER", "110") in countries


def test_a_quarrel_is_words_not_force() -> None:
    countries = country_triples("Peru and Ecuador quarrelled over the border on Tuesday.")
    assert ("PER", "ECU", "110") in countries and not any(c.startswith("19") for *_, c in countries)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump's threat to impose tariffs on Mexico rattled markets.", ("USA", None, "1312")),
        ("China's threat to use force against Taiwan worries Japan.", ("CHN", None, "130")),
        ("Russia's threat to cut gas supplies to Europe alarmed Germany.", ("RUS", None, "131")),
        ("The Islamic State's threat to kill the hostages shocked the world.", (None, None, "1383")),
    ],
)
def test_a_threat_told_as_a_noun_with_its_act(text: str, expected: tuple[str | None, ...]) -> None:
    """ "X's threat to <act>": the threatener named before the noun, the act coding the threat."""
    assert expected in country_triples(text)


def test_a_threat_to_something_names_no_threatener() -> None:
    codes = [c for _, _, c in country_triples("The threat to public health is serious.")]
    assert not [c for c in codes if c.startswith("13")]


@pytest.mark.parametrize(
    "text",
    [
        "Climate change threatens the livelihoods of Kenyan farmers.",
        "The US envoy said Dodik has been threatening the territorial integrity of Bosnia.",
    ],
)
def test_a_harm_to_a_state_of_things_is_no_threat(text: str) -> None:
    """ "threatens the stability of the region": no threat made to anyone (CAMEO 13)."""
    assert not [c for _, _, c in country_triples(text) if c.startswith("13")]


def test_a_party_threatened_is_still_a_threat() -> None:
    assert ("PRK", "USA", "130") in country_triples("North Korea threatened the United States.")
