"""The converted PETRARCH dictionaries and the dated roles, through the real model and pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents import extract
from newsevents.actors.converted import Codes, read_actors, read_agents
from newsevents.actors.roles import ROLE_COLUMNS, read_offices
from newsevents.data import reader, shipped
from newsevents.errors import ResourceError
from newsevents.model import Article

ROOT = Path(__file__).resolve().parents[2]
PETRARCH = ROOT / "src" / "newsevents" / "data" / "petrarch"
ASSAD = "Syrian President Bashar al-Assad said on Sunday that the army would retake every town."


def _codes_of(text: str, published: str | None) -> dict[str, str]:
    """Actor text -> code from the whole pipeline over one article."""
    result = extract(Article(id="t", text=text, published=published))
    return {m.actor.text: m.actor.code for m in result.actors}


def _curated_words() -> set[str]:
    names = shipped("actors/people.yml").read_text(encoding="utf-8")
    return set((names + shipped("actors/sectors.yml").read_text(encoding="utf-8")).lower().split())


@pytest.mark.model
def test_the_same_sentence_codes_assad_by_the_publication_date() -> None:
    """Assad is SYRGOV until 2024-12-08 (roles.tsv) and a former official after."""
    before = _codes_of(ASSAD, "2016-02-12")
    after = _codes_of(ASSAD, "2025-03-01")
    assert before["Bashar al-Assad"] == "SYRGOV"
    assert after["Bashar al-Assad"] == "SYRELI"


@pytest.mark.model
def test_a_group_that_took_power_is_the_government_from_that_day() -> None:
    """The Taliban (a roles.tsv group) are rebels before the fall of Kabul and AFG GOV after;
    the Pakistani Taliban, a group of their own, stay Pakistani rebels."""
    text = "The Taliban banned the newspaper on Sunday. Pakistani Taliban fighters attacked a police post."
    before, after = _codes_of(text, "2019-05-01"), _codes_of(text, "2023-05-01")
    assert (before["The Taliban"], after["The Taliban"]) == ("AFGREB", "AFGGOV")
    assert before["Pakistani Taliban fighters"] == after["Pakistani Taliban fighters"] == "PAKREB"


@pytest.mark.model
def test_a_petrarch_state_actor_not_in_the_curated_files_is_recognised() -> None:
    row = next(line for line in (PETRARCH / "countries.tsv").read_text(encoding="utf-8").splitlines()
               if line.startswith("Hamid Karzai\t"))
    assert "karzai" not in _curated_words()
    assert "AFGGOV 2001-12-22.." in row
    got = _codes_of("Hamid Karzai met tribal elders on Monday.", "2010-05-01")
    assert got["Hamid Karzai"] == "AFGGOV"


@pytest.mark.model
def test_an_agent_noun_of_the_converted_agents_file_gets_its_sector() -> None:
    assert "mercenaries" not in _curated_words()
    text = "Mercenaries attacked the convoy near the border."
    result = extract(Article(id="t", text=text, published="2020-01-01"))
    sectors = {m.actor.text: m.actor.sector for m in result.actors}
    assert sectors["Mercenaries"] == "UAF"


def _codes() -> Codes:
    from newsevents.actors import load_dictionary

    dictionary = load_dictionary()
    return Codes(dictionary.countries, dictionary.sector_labels)


@pytest.fixture(scope="module")
def codes() -> Codes:
    return _codes()


def _copy_with(tmp_path: Path, name: str, line: int, replacement: str) -> Path:
    """A copy of a shipped converted file with one line replaced."""
    lines = (PETRARCH / name).read_text(encoding="utf-8").split("\n")
    lines[line - 1] = replacement
    out = tmp_path / name
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def test_a_bad_row_of_a_converted_file_is_one_error_naming_file_and_line(
    tmp_path: Path, codes: Codes
) -> None:
    lines = (PETRARCH / "countries.tsv").read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("Hamid Karzai\t"))
    bad = lines[line - 1].replace("AFGGOV 2001-12-22..", "AFGGOV 2001-13-45..")
    path = _copy_with(tmp_path, "countries.tsv", line, bad)
    with pytest.raises(ResourceError) as info:
        read_actors(path, codes)
    assert info.value.code == "E207"
    assert f"{path}:{line} -> roles" in str(info.value)
    assert "\n" not in str(info.value)


def test_a_short_row_of_the_agents_file_names_file_and_line(tmp_path: Path, codes: Codes) -> None:
    path = _copy_with(tmp_path, "agents.tsv", 7, "smuggler|smugglers")
    with pytest.raises(ResourceError, match=rf"E202.*{path.name}:7 -> row"):
        read_agents(path, codes)


def test_a_bad_roles_row_is_one_error_naming_file_and_line(tmp_path: Path, codes: Codes) -> None:
    text = shipped("actors/roles.tsv").read_text(encoding="utf-8").rstrip("\n").split("\n")
    text.append("Nobody\t\tSYR\tGOV\t2020-02-30\t\tPresident\thttps://example.org/nobody")
    path = tmp_path / "roles.tsv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        read_offices(str(path), set(codes.countries), set(codes.labels))
    assert info.value.code == "E208"
    assert f"{path}:{len(text)} -> start" in str(info.value)


def test_the_shipped_roles_file_reads_and_cites_a_source_per_row(codes: Codes) -> None:
    rows = reader.rows(shipped("actors/roles.tsv"), ROLE_COLUMNS)
    offices = read_offices(str(shipped("actors/roles.tsv")), set(codes.countries), set(codes.labels))
    assert len(offices) == len(rows) > 0
    assert all(o.origin and o.role.start for o in offices)


FOLDER = Path(os.environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared")) / "dictionaries" / "petrarch2"


@pytest.mark.skipif(not (FOLDER / "Phoenix.agents.txt").is_file(),
                    reason=f"the PETRARCH dictionaries folder is absent ({FOLDER}): nothing to convert")
def test_the_conversion_reproduces_the_committed_files(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "convert_petrarch_actors.py"
    done = subprocess.run([sys.executable, str(script), str(FOLDER), "--out", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == ["LICENSE", "agents.tsv", "countries.tsv", "international.tsv", "nonstate.tsv"]
    for name in made:
        assert (tmp_path / name).read_bytes() == (PETRARCH / name).read_bytes(), name


@pytest.mark.model
def test_an_international_official_of_the_roles_file_is_coded_by_the_body() -> None:
    """roles.tsv writes UN officials with their body's code for a country; they code as that body,
    a whole international code (IGOUNO), not the bare marker a sector-only code would be taken for."""
    rows = shipped("actors/roles.tsv").read_text(encoding="utf-8").splitlines()
    assert any(r.startswith("Filippo Grandi\t") and "\tIGOUNO\tIGO\t" in r for r in rows)
    got = _codes_of("Filippo Grandi visited refugees in Chad on Monday.", "2020-05-01")
    assert got["Filippo Grandi"] == "IGOUNO"


@pytest.mark.model
def test_offices_of_countries_the_first_groups_left_out_are_dated() -> None:
    """Rows of the fifth group: Hun Sen is Cambodia's prime minister until 2023-08-22 and heads
    its Senate (LEG) from 2024-04-03, his son prime minister after him; a US national security
    adviser is American on the days he held the office (before, PETRARCH had neither son nor
    adviser, and the son's title gave a country-less GOV)."""
    text = "Prime Minister Hun Manet and Hun Sen met Jake Sullivan on Monday."
    got = _codes_of(text, "2024-10-24")
    assert (got["Prime Minister Hun Manet"], got["Hun Sen"]) == ("KHMGOV", "KHMLEG")
    assert _codes_of("Hun Sen met Jake Sullivan on Monday.", "2021-05-10") == {
        "Hun Sen": "KHMGOV", "Jake Sullivan": "USAGOV"}
