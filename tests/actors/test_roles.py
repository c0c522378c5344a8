"""Roles in time: which code holds on a day, from roles.tsv rows, curated years and PETRARCH ranges."""

from __future__ import annotations

import datetime as dt

from newsevents.actors.roles import RANKS, Role, code_at, curated_role, parse_roles

D = dt.date.fromisoformat


def _petrarch(text: str) -> tuple[Role, ...]:
    roles = parse_roles(text, RANKS["converted"])
    assert isinstance(roles, tuple), roles
    return roles


ASSAD = (
    Role("SYRGOV", D("2000-07-17"), D("2024-12-08"), RANKS["roles"]),
    curated_role("SYRGOV", 2000, 2024),
    *_petrarch("SYRELI 1983-01-01..2000-01-01;SYRGOV 2000-07-17..;SYRELI"),
)


def test_a_row_holds_between_its_days_and_a_former_official_after() -> None:
    assert code_at(ASSAD, D("2016-02-12"), person=True) == "SYRGOV"
    assert code_at(ASSAD, D("2024-12-08"), person=True) == "SYRGOV"  # both ends included
    assert code_at(ASSAD, D("2024-12-09"), person=True) == "SYRELI"
    assert code_at(ASSAD, D("2025-03-01"), person=True) == "SYRELI"


def test_an_article_without_a_date_gets_the_latest_office() -> None:
    """No day says the office ended, so the latest office holds, not the former-official code."""
    assert code_at(ASSAD, None, person=True) == "SYRGOV"
    envoy = _petrarch("USAELI 1955-01-01..;USAGOV 1989-01-20..1993-01-20")
    assert code_at(envoy, None, person=True) == "USAGOV"
    sharaa = (Role("SYRREB", D("2012-01-23"), D("2024-12-08"), RANKS["roles"]),
              Role("SYRGOV", D("2024-12-08"), None, RANKS["roles"]), curated_role("SYRGOV", 2024, None))
    assert code_at(sharaa, None, person=True) == "SYRGOV"


def test_before_the_rows_the_older_sources_decide() -> None:
    assert code_at(ASSAD, D("1995-06-01"), person=True) == "SYRELI"  # PETRARCH's range


def test_an_open_petrarch_range_is_cut_where_a_later_row_starts() -> None:
    roles = (*_petrarch("IRQGOV 2006-05-20.."), Role("IRQREB", D("2015-01-01"), None, RANKS["roles"]))
    assert code_at(roles, D("2010-01-01"), person=True) == "IRQGOV"
    assert code_at(roles, D("2016-01-01"), person=True) == "IRQREB"


def test_a_later_row_of_a_lower_source_says_otherwise_after_the_last_office() -> None:
    roles = (Role("USAGOV", D("2009-01-20"), D("2017-01-20"), RANKS["roles"]),
             Role("IGOUNO", D("2019-01-01"), None, RANKS["converted"]))
    assert code_at(roles, D("2018-01-01"), person=True) == "USAELI"
    assert code_at(roles, D("2020-01-01"), person=True) == "IGOUNO"


def test_a_group_keeps_its_last_code_after_its_rows_end() -> None:
    roles = (Role("PSEREB", D("1987-12-10"), D("2007-06-14"), RANKS["roles"]),)
    assert code_at(roles, D("2010-01-01"), person=False) == "PSEREB"


def test_curated_years_run_from_the_first_to_the_last_day_of_the_year() -> None:
    obama = (curated_role("USAGOV", 2009, 2017),)
    assert code_at(obama, D("2017-12-31"), person=True) == "USAGOV"
    assert code_at(obama, D("2020-05-01"), person=True) == "USAELI"
    assert code_at((curated_role("SYRGOV", None, None),), D("1990-01-01"), person=True) == "SYRGOV"


def test_malformed_role_texts_say_why() -> None:
    assert isinstance(parse_roles("SYRGOV 2000-02-30..", 0), str)
    assert isinstance(parse_roles("SYRGOV 2010-01-01..2000-01-01", 0), str)
    assert isinstance(parse_roles("SYRGO", 0), str)
