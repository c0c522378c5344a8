"""Whose office a person holds when the words name a country and an international body
(actors/envoys.py), read through the real parse and dictionary."""

from __future__ import annotations

from tests.actors.test_resolve import by_text


def test_a_known_person_in_an_international_role_is_that_body(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """The dictionary knows Cordovez from Ecuador's government; "U.N. mediator" says he acts for
    the UN here. Named alone, he keeps the dictionary's code (Ecuador's, in office or former)."""
    got = by_text(actor_dictionary, parse, "U.N. mediator Diego Cordovez met Afghan rebels.")
    assert got["Diego Cordovez"][:3] == ("IGOUNO", None, "IGO")
    alone = by_text(actor_dictionary, parse, "Diego Cordovez met U.N. officials in Geneva.")
    assert alone["Diego Cordovez"][1] == "ECU"


def test_a_country_owning_the_role_makes_its_official(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Iran's U.N. ambassador Amir Saeid Iravani criticised Israel.")
    assert next(v for k, v in got.items() if k.endswith("Iravani"))[:3] == ("IRNGOV", "IRN", "GOV")


def test_a_country_the_post_is_aimed_at_leaves_the_body(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "The UN's Syria envoy Geir Pedersen met Assad.")
    assert next(v for k, v in got.items() if k.endswith("Pedersen"))[0] == "IGOUNO"


def test_a_country_owning_an_unnamed_role_makes_its_official(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """The role alone, with no name: "Iran's U.N. ambassador" is still Iran's government."""
    got = by_text(actor_dictionary, parse, "Iran's U.N. ambassador criticised Israel.")
    assert next(v for k, v in got.items() if k.endswith("ambassador"))[:3] == ("IRNGOV", "IRN", "GOV")
    demonym = by_text(actor_dictionary, parse, "The Iranian U.N. envoy criticised Israel.")
    assert next(v for k, v in demonym.items() if k.endswith("envoy"))[:3] == ("IRNGOV", "IRN", "GOV")
