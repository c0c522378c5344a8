"""Speakers read from the text when no actor mention names them: one construction per test."""

from __future__ import annotations

import pytest

from newsevents.model import Actor, ActorMention, Quote
from newsevents.quotes import find_quotes

ASSAD = Actor("Assad", "Bashar al-Assad", "SYRGOV", "SYR", "GOV")
OXFAM = Actor("Oxfam", "Oxfam", "NGO", None, "NGO")
KENYA = Actor("Kenya", "Kenya", "KEN", "KEN", None)
TURKEY_FM = Actor("the Turkish foreign minister", "Turkish foreign minister", "TURGOV", "TUR", "GOV")
WITNESSES = Actor("Witnesses", "witnesses", "CVL", None, "CVL")

pytestmark = pytest.mark.model


def _mention(doc, phrase: str, actor: Actor) -> ActorMention:  # type: ignore[no-untyped-def]
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert span is not None, phrase
    return ActorMention(actor, span.start, span.end, span.root.i)


def _quotes(  # type: ignore[no-untyped-def]
    quote_lexicon, parse, text: str, *known: tuple[str, Actor],
) -> list[Quote]:
    article, doc = parse(text)
    found = find_quotes(doc, article, [_mention(doc, p, a) for p, a in known], lexicon=quote_lexicon)
    for q in found:
        if q.speaker is not None and q.speaker.evidence is not None:
            ev = q.speaker.evidence
            assert ev.text == q.speaker.text == article.text[ev.start : ev.end]
    return found


def _who(quotes: list[Quote]) -> list[tuple[str, str, str, str | None] | None]:
    return [(s.text, s.name, s.code, s.country) if (s := q.speaker) else None for q in quotes]


def test_named_person_unknown_to_the_dictionaries(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    got = _quotes(quote_lexicon, parse, "“We will keep the clinics open all winter,” said Maria Lopez.")
    assert _who(got) == [("Maria Lopez", "Maria Lopez", "", None)]
    assert got[0].speaker is not None and got[0].speaker.sector is None


def test_surname_later_takes_the_full_name(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Maria Lopez runs the only clinic in the town.\n\n“We have no more beds for the sick,” Lopez said."
    assert _who(_quotes(quote_lexicon, parse, text)) == [("Lopez", "Maria Lopez", "", None)]


def test_title_and_surname_take_the_full_name(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "John Harwood met the inspectors on Monday.\n\n"
        "“The report is simply wrong on every count,” Mr Harwood said."
    )
    assert _who(_quotes(quote_lexicon, parse, text)) == [("Mr Harwood", "John Harwood", "", None)]


def test_pronoun_takes_the_last_person_named_as_subject(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "Anna Berg spoke to reporters in the capital.\n\n"
        "“Nobody has told us anything about the plan,” she said."
    )
    assert _who(_quotes(quote_lexicon, parse, text)) == [("she", "Anna Berg", "", None)]


def test_pronoun_never_takes_a_person_of_the_other_title(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    text = (
        "Mrs Anna Berg spoke to reporters in the capital.\n\n"
        "“Nobody has told us anything about the plan,” he said."
    )
    assert _who(_quotes(quote_lexicon, parse, text)) == [None]


def test_appositive_role_with_an_organisation_gives_its_code(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    text = "“The camps are running out of clean water,” said John Smith, a spokesman for Oxfam."
    assert _who(_quotes(
        quote_lexicon, parse, text, ("Oxfam", OXFAM)
    )) == [("John Smith", "John Smith", "NGO", None)]


def test_appositive_office_gives_the_mention_code(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Ahmet Kaya, the Turkish foreign minister, said that the border would stay closed to trucks."
    got = _quotes(quote_lexicon, parse, text, ("the Turkish foreign minister", TURKEY_FM))
    assert _who(got) == [("Ahmet Kaya", "Ahmet Kaya", "TURGOV", "TUR")]


def test_a_country_where_the_speaker_lives_gives_way_to_the_body_they_serve(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    # the parse makes "living" a noun, so "in Kenya" sits in the role phrase beside Oxfam
    text = (
        "“The camps are running out of clean water,” agreed John Smith, a nurse living in Kenya "
        "and the deputy head of Oxfam.\n\n“We need more tanks,” he said."
    )
    got = _who(_quotes(quote_lexicon, parse, text, ("Kenya", KENYA), ("Oxfam", OXFAM)))
    assert got and all(who is not None and who[2] == "NGO" for who in got), got


def test_a_country_alone_in_the_role_phrase_stays_the_role(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "“The camps are running out of clean water,” said John Smith, a nurse in Kenya."
    got = _who(_quotes(quote_lexicon, parse, text, ("Kenya", KENYA)))
    assert got == [("John Smith", "John Smith", "KEN", "KEN")]


def test_role_at_the_introduction_carries_to_the_surname(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    text = (
        "John Smith, a spokesman for Oxfam, visited the camps on Monday.\n\n"
        "“The camps are running out of clean water,” Smith said."
    )
    assert _who(_quotes(
        quote_lexicon, parse, text, ("Oxfam", OXFAM)
    )) == [("Smith", "John Smith", "NGO", None)]


def test_according_to_a_named_person(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    got = _quotes(
        quote_lexicon,
        parse,
        "The convoy was stopped at the border for three days, according to Leila Haddad.",
    )
    assert [(q.cue, q.direct) for q in got] == [("according to", False)]
    assert _who(got) == [("Leila Haddad", "Leila Haddad", "", None)]


def test_organisation_subject_is_named_as_written(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    got = _quotes(
        quote_lexicon, parse, "The New York Times reported that the talks had collapsed on Friday night."
    )
    assert _who(got) == [("The New York Times", "New York Times", "", None)]


def test_organisation_subject_uses_its_mention(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    got = _quotes(
        quote_lexicon, parse, "“The camps are running out of clean water,” Oxfam said.", ("Oxfam", OXFAM)
    )
    assert got[0].speaker == OXFAM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We saw the tanks enter the town at dawn,” a source close to the talks said.",
            ("a source close to the talks", "source close to the talks", "", None),
        ),
        ("“We saw the tanks enter the town at dawn,” residents said.", ("residents", "residents", "", None)),
        (
            "“The decision will be announced next week,” the ministry said.",
            ("the ministry", "ministry", "", None),
        ),
    ],
)
def test_generic_subject_speaks_as_written(quote_lexicon, parse, text, expected):  # type: ignore[no-untyped-def]
    """A group or source no mention covers is the speaker in its own words, with no code: an
    analyst sees "a source close to the talks" said it, and no name is made up."""
    assert _who(_quotes(quote_lexicon, parse, text)) == [expected]


def test_asked_object_is_no_speaker(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    """ "asked the crowd": who is asked is no speaker, though "said Assad" puts the speaker there."""
    text = (
        'Bobby Scott beamed and asked the crowd to welcome the governor - "my new best friend in Richmond."'
    )
    got = _quotes(quote_lexicon, parse, text)
    assert [q.cue for q in got] == ["asked"]
    assert got[0].speaker is None


def test_generic_subject_resolved_by_the_actor_stage(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Witnesses said that the army had shelled the market twice."
    got = _quotes(quote_lexicon, parse, text, ("Witnesses", WITNESSES))
    assert got[0].speaker == WITNESSES


def test_relative_pronoun_speaks_for_its_antecedent(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "The report was written by Maria Lopez, who said that the town had run out of medicine."
    assert _who(_quotes(quote_lexicon, parse, text)) == [("Maria Lopez", "Maria Lopez", "", None)]


def test_known_person_introduced_by_a_mention_stays_that_actor(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    text = (
        "Bashar al-Assad met the envoy in Damascus.\n\n"
        "“We will never surrender to the terrorists,” Mr Assad said."
    )
    got = _quotes(quote_lexicon, parse, text, ("Bashar al-Assad", ASSAD))
    assert _who(got) == [("Mr Assad", "Bashar al-Assad", "SYRGOV", "SYR")]


def test_passive_subject_of_a_speech_verb_is_not_the_speaker(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    got = _quotes(
        quote_lexicon, parse, "Maria Lopez was told that the clinic would close at the end of the month."
    )
    assert got and all(q.speaker is None for q in got)


def test_user_title_sets_the_pronoun_it_allows(tmp_path, parse):  # type: ignore[no-untyped-def]
    from newsevents.errors import ResourceError
    from newsevents.quotes import load_quote_lexicon

    user = tmp_path / "titles.yml"
    user.write_text("titles:\n  hajji: he\n", encoding="utf-8")
    lex = load_quote_lexicon([user])
    article, doc = parse(
        "Hajji Yusuf Ali led the prayers.\n\n“We ask everyone to stay calm tonight,” she said."
    )
    assert [q.speaker for q in find_quotes(doc, article, [], lexicon=lex)] == [None]
    bad = tmp_path / "bad.yml"
    bad.write_text("titles:\n  hajji: male\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_quote_lexicon([bad])
    assert f"{bad}:2 -> titles.hajji" in str(err.value)


def test_cue_the_parse_left_without_subject_takes_the_noun_before_it(  # type: ignore[no-untyped-def]
    quote_lexicon, nlp,
):
    """A hand-built parse of a common failure: "said" hangs as a conjunct of the quoted verb and
    "Monday" is its only noun; the name right before the cue still speaks."""
    from spacy.tokens import Doc

    from newsevents.model import Article

    words = ["“", "We", "will", "win", "this", "case", ",", "”", "Chief", "Jordan", "said", "Monday", "."]
    spaces = [False, True, True, True, True, False, False, True, True, True, True, False, False]
    heads = [3, 3, 3, 3, 5, 3, 3, 3, 9, 3, 3, 10, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "det", "dobj", "punct", "punct", "compound", "dep", "conj"]
    deps += ["npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "PROPN", "PROPN", "VERB"]
    pos += ["PROPN", "PUNCT"]
    tags = ["``", "PRP", "MD", "VB", "DT", "NN", ",", "''", "NNP", "NNP", "VBD", "NNP", "."]
    lemmas = [w.lower() for w in words[:10]] + ["say", "monday", "."]
    ents = ["O"] * 8 + ["B-PERSON", "I-PERSON", "O", "B-DATE", "O"]
    sents = [True] + [False] * 12
    doc = Doc(
        nlp.vocab,
        words,
        spaces,
        tags=tags,
        pos=pos,
        heads=heads,
        deps=deps,
        lemmas=lemmas,
        ents=ents,
        sent_starts=sents,
    )
    article = Article("hand", doc.text)
    got = find_quotes(doc, article, [], lexicon=quote_lexicon)
    assert _who(got) == [("Chief Jordan", "Jordan", "", None)]


def test_they_takes_the_joined_subject_before_it(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "Senators Chuck Grassley and Patrick Leahy wrote to the department on Tuesday.\n\n"
        "“The program has become plagued by fraud and abuse and should be allowed to expire,” they wrote."
    )
    assert _who(_quotes(quote_lexicon, parse, text)) == [
        ("they", "Senators Chuck Grassley and Patrick Leahy", "", None)
    ]


def test_they_takes_the_plural_subject_with_its_actor(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "Witnesses in the town counted eleven tanks on the main road.\n\n"
        "“The shelling went on for the whole night,” they said."
    )
    got = _quotes(quote_lexicon, parse, text, ("Witnesses", WITNESSES))
    assert _who(got) == [("they", "witnesses", "CVL", None)]


def test_it_takes_the_organisation_subject(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "The International Committee of the Red Cross sent water trucks to the camps on Monday.\n\n"
        "“The camps are running out of clean water and medicine,” it said."
    )
    assert _who(_quotes(quote_lexicon, parse, text)) == [
        ("it", "International Committee of the Red Cross", "", None)
    ]


def test_it_never_takes_a_plural_subject(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Witnesses counted eleven tanks on the road.\n\n“The shelling went on all night long,” it said."
    assert _who(_quotes(quote_lexicon, parse, text, ("Witnesses", WITNESSES))) == [None]


def test_surname_the_model_tags_as_a_common_noun(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    """The small model tags "Sanders" before "said" as a plural noun (NNS); it is still his name."""
    text = (
        "Bernie Sanders campaigned in Ohio on Friday.\n\n"
        "“We are looking at the needs of the American people,” Sanders said."
    )
    assert _who(_quotes(quote_lexicon, parse, text)) == [("Sanders", "Bernie Sanders", "", None)]


def test_transcript_labels_name_the_people_the_article_names(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "Chris Wallace asked Mike Pence about the debate. Partial transcript as follows:\n\n"
        "“WALLACE: Let us start with the news on the debate story and the front row.\n\n"
        "“PENCE: Gennifer Flowers will not be at the debate on Monday night."
    )
    got = _quotes(quote_lexicon, parse, text)
    assert [(q.text[:12], q.cue) for q in got] == [("Let us start", None), ("Gennifer Flo", None)]
    assert _who(got) == [("WALLACE", "Chris Wallace", "", None), ("PENCE", "Mike Pence", "", None)]


def test_transcript_without_quote_marks(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "Bashar al-Assad gave an interview to the agency on Thursday.\n\n"
        "Q: Will the army attack the rebels in Aleppo before the talks?\n\n"
        "ASSAD: We will fight the terrorists in every town until the end."
    )
    got = _quotes(quote_lexicon, parse, text)
    assert [(q.text, q.direct) for q in got] == [
        ("Will the army attack the rebels in Aleppo before the talks?", True),
        ("We will fight the terrorists in every town until the end.", True),
    ]
    assert _who(got) == [None, ("ASSAD", "Bashar al-Assad", "", None)]  # "Q" names a role, not a person


def test_dateline_is_no_transcript_label(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "KHARTOUM: The army shelled the southern town of Kadugli on Sunday, killing four people."
    assert _quotes(quote_lexicon, parse, text) == []
    interview = (
        f"{text}\n\nQ: Will the army attack the rebels before the talks?\n\n"
        "A: We will fight the terrorists in every town until the end."
    )
    got = _quotes(quote_lexicon, parse, interview)
    assert [q.text[:9] for q in got] == ["Will the ", "We will f"]  # the dateline's paragraph is none
    assert _who(got) == [None, None]


def test_definite_noun_takes_the_actor_it_names_again(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = (
        "Syria's Foreign Ministry condemned the raid on Monday.\n\n"
        "“The attack was a crime against humanity and a breach of the truce,” the ministry said."
    )
    syria = Actor("Syria's Foreign Ministry", "Syrian government", "SYRGOV", "SYR", "GOV")
    got = _quotes(quote_lexicon, parse, text, ("Syria's Foreign Ministry", syria))
    assert _who(got) == [("the ministry", "Syrian government", "SYRGOV", "SYR")]
