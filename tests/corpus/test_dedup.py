"""Near-duplicate articles: copies of one story group together, other reports stay apart."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from newsevents.corpus.dedup import THRESHOLD, article_body, find_groups, shingle_hashes, similarity

log = logging.getLogger(__name__)
# The shared folder the other end-to-end tests read (NEWSEVENTS_SHARED), so the test runs from
# any checkout, not only one that sits beside ../shared.
CORPUS = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "corpus"

WIRE = (
    "KANO, Nigeria (Wire) - Gunmen on motorcycles stormed the village of Tunga in northern Nigeria "
    "before dawn on Sunday, killing at least 12 people and setting fire to dozens of homes, police "
    "and residents said. The attackers arrived shortly after 4 a.m. and shot at villagers as they "
    "fled toward the nearby forest, said local councillor Musa Bello. Police spokesman Abdullahi "
    "Haruna said officers had been deployed to the area and that a search for the attackers was "
    "under way. No group has claimed responsibility for the raid. Armed gangs known locally as "
    "bandits have killed hundreds of people in the region this year, raiding villages, stealing "
    "cattle and kidnapping residents for ransom. Residents said the army base nearest to Tunga is "
    "more than 40 kilometres away and that soldiers arrived several hours after the attack ended. "
    "The state governor condemned the killings and promised to rebuild the burned homes."
)
# The same wire story on another site: its own byline, the last paragraph cut.
COPY = "By Staff Reporter\n" + WIRE.rsplit(" The state governor", 1)[0]
# Updated later: a higher toll and a new closing paragraph.
UPDATE = (
    WIRE.replace("at least 12 people", "at least 19 people")
    + " On Monday the toll rose to 19 after seven of the wounded died in hospital, a health official said."
)
# Same topic, same country, written independently.
OTHER = (
    "ABUJA (Daily Paper) - Suspected bandits killed nine farmers in a village in Zamfara state on "
    "Tuesday, the state police command said in a statement. The gunmen surrounded the farmers in "
    "their fields at midday and opened fire, according to a survivor who spoke by telephone. The "
    "police said a tactical team had been sent to the village and two suspects were arrested. "
    "Violence by armed gangs has forced thousands of people from their homes across the north-west "
    "in recent months, and farmers say they can no longer reach their land safely."
)


def test_syndicated_copy_and_update_group_and_other_report_stays_apart() -> None:
    docs = [("c", COPY), ("w", WIRE), ("u", UPDATE), ("o", OTHER)]
    published = {"w": "2021-05-02", "c": "2021-05-02", "u": "2021-05-03", "o": "2021-05-02"}
    (group,) = find_groups(docs, published=published)
    assert set(group.article_ids) == {"w", "c", "u"}
    # The first published names the group; a tie on the date goes to the smaller id.
    assert group.group_id == "c" and group.article_ids[0] == "c"
    assert all(THRESHOLD <= m.similarity <= 1 for m in group.members)


def test_groups_do_not_depend_on_input_order() -> None:
    docs = [("c", COPY), ("w", WIRE), ("u", UPDATE), ("o", OTHER)]
    assert find_groups(docs) == find_groups(list(reversed(docs)))


def test_same_topic_reports_score_far_below_the_threshold() -> None:
    assert similarity(shingle_hashes(WIRE), shingle_hashes(OTHER)) < THRESHOLD / 2
    assert similarity(shingle_hashes(WIRE), shingle_hashes(COPY)) > 0.9


def test_headline_and_furniture_are_left_out() -> None:
    text = "Headline here\n\nPhoto: AFP\nBody text."
    body = article_body(text, [(0, 13), (15, 25)])
    assert "Headline" not in body and "AFP" not in body and "Body text." in body


def test_articles_without_copies_and_empty_texts_make_no_group() -> None:
    assert find_groups([("a", WIRE), ("b", OTHER), ("e", "")]) == []
    assert find_groups([]) == []


def _corpus_docs() -> tuple[list[tuple[str, str]], dict[str, str | None]]:
    from benchmarks.evaluation.duplicates import corpus_docs

    from newsevents.settings import load_settings

    return corpus_docs(CORPUS / "articles", load_settings(None))


@pytest.mark.skipif(not (CORPUS / "duplicates.json").exists(), reason="needs ../shared/corpus")
def test_shared_corpus_syndicated_groups_come_out_whole() -> None:
    """Figures for docs/accuracy.md ("Deduplication"): groups whole, articles wrongly merged."""
    truth = json.loads((CORPUS / "duplicates.json").read_text())["syndicated"]
    docs, published = _corpus_docs()
    found = [set(g.article_ids) for g in find_groups(docs, published=published)]
    whole = sum(1 for want in truth if set(want) in found)
    group_of = {a: i for i, want in enumerate(truth) for a in want}
    wrong = sorted(
        a for g in found for a in g if len({group_of.get(x, x) for x in g}) > 1 and a not in group_of
    )
    split_pairs = sum(1 for g in found if len({group_of.get(x, x) for x in g}) > 1)
    message = (
        f"dedup on {len(docs)} corpus articles: {whole}/{len(truth)} syndicated groups whole, "
        f"{len(found)} groups found, {split_pairs} mixing articles of different stories, "
        f"{len(wrong)} unlisted articles wrongly merged {wrong}"
    )
    log.info(message)
    print(message)
    assert whole >= len(truth) - 1
    assert split_pairs == 0 and not wrong
