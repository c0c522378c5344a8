"""`newsevents extract` over every kind of bad input at once, on SQLite and on PostgreSQL.

The README promises that bad input never stops a batch, that each problem is one line naming
the file, and that the run exits 1 when anything was skipped. The first tests check the run as a
whole; `test_kind_*` check each kind on its own (the test id names the kind that broke).
"""

from __future__ import annotations

import pytest
from tests.hostile.conftest import LIGHT
from tests.hostile.harness import GOOD, MixedRun, judge, odd_lines, stray_lines, under
from tests.hostile.kinds import KINDS

pytestmark = pytest.mark.model

EXIT_SKIPPED = 1  # README: "exits with 1 if anything was skipped"


@pytest.fixture(params=["sqlite", "postgresql"])
def mixed(request: pytest.FixtureRequest) -> MixedRun:
    return request.getfixturevalue(f"{request.param}_run")  # type: ignore[no-any-return]


def test_run_ends_by_itself(mixed: MixedRun) -> None:
    run = mixed.run
    assert not run.timed_out, f"still running after {run.seconds:.0f}s: {run.stderr[-2000:]}"


def test_exit_code_says_something_was_skipped(mixed: MixedRun) -> None:
    assert mixed.run.exit_code == EXIT_SKIPPED, mixed.run.stderr[-3000:]


def test_no_traceback(mixed: MixedRun) -> None:
    assert "Traceback" not in mixed.run.stderr + mixed.run.stdout, mixed.run.stderr[-3000:]


def test_every_line_is_a_problem_or_the_commands_own(mixed: MixedRun) -> None:
    """A message split over lines, or a traceback, leaves lines that are neither."""
    assert odd_lines(mixed.run.stderr) == []


def test_ends_with_the_summary_line(mixed: MixedRun) -> None:
    last = mixed.run.stderr.strip().splitlines()[-1:]
    assert last and last[0].startswith("newsevents: read "), mixed.run.stderr[-2000:]


def test_no_worker_left_behind(mixed: MixedRun) -> None:
    assert mixed.run.leftovers == []


def test_store_is_readable(mixed: MixedRun) -> None:
    assert mixed.store_error is None


def test_good_articles_stored_exactly_once(mixed: MixedRun) -> None:
    prefix = under(mixed.root, GOOD)
    stored = [row.origin for row in mixed.rows if row.origin.startswith(prefix)]
    assert len(stored) == len(set(stored)) == mixed.good, stored


def test_good_articles_draw_no_problem_line(mixed: MixedRun) -> None:
    prefix = under(mixed.root, GOOD)
    assert [line for line in mixed.run.problem_lines if prefix in line] == []


def test_every_problem_line_names_its_input(mixed: MixedRun) -> None:
    assert stray_lines(mixed.root, [*mixed.made, GOOD], mixed.run.problem_lines) == []


@pytest.mark.parametrize("name", sorted(KINDS))
def test_kind_sqlite(sqlite_run: MixedRun, name: str) -> None:
    made = sqlite_run.made[name]
    assert judge(sqlite_run.root, name, made, sqlite_run.run.problem_lines, sqlite_run.rows) == []


@pytest.mark.parametrize("name", sorted(LIGHT))
def test_kind_postgresql(postgresql_run: MixedRun, name: str) -> None:
    made = postgresql_run.made[name]
    assert judge(postgresql_run.root, name, made, postgresql_run.run.problem_lines, postgresql_run.rows) == []
