"""The English check: other scripts are refused however short, and mixed in English words do
not hide them; English with a few foreign names or quotes still passes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import Problem
from newsevents.model import Article

Reader = Callable[..., list[Article | Problem]]  # the read_bounded fixture (conftest.py)

CHINESE = (
    "北京宣布新措施\n\n"
    "北京市政府周一宣布，将在全市范围内开展新一轮的环境整治行动。官员表示，这项行动将持续三个月。\n"
)
# Mostly Chinese, with enough English function words between its phrases (12 "words", half of
# them English) to pass a share-of-words test.
CHINESE_MIXED = (
    "北京宣布新措施\n\nThe 北京市政府周一宣布 said 将在全市范围内开展 that 新一轮的环境整治行动 "
    "and 官员表示这项行动 will 持续三个月并且不会延长 of 全市居民都将受到影响。\n"
)
JAPANESE = "東京で抗議デモ\n\n警察は日曜日、首都で抗議者に催涙ガスを発射した。政府は調査すると述べた。\n"
RUSSIAN = (
    "Полиция применила газ\n\n"
    "Полиция применила слезоточивый газ против протестующих в столице в воскресенье.\n"
)
RUSSIAN_MIXED = (
    "The police said it was the 'полиция применила слезоточивый газ против протестующих в столице' and "
    "they would 'расследовать столкновения и призвали к спокойствию всех граждан страны'.\n"
)
ARABIC = "أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين في العاصمة يوم الأحد، وقالت the UN إنها ستحقق.\n"
KOREAN = "경찰은 일요일 수도에서 시위대에게 최루탄을 발사했다. 정부는 조사하겠다고 밝혔다.\n"
ENGLISH_WITH_NAMES = (
    "Xi meets Putin in Moscow\n\nChinese President Xi Jinping (习近平) met Russian President Vladimir "
    "Putin (Владимир Путин) in Moscow on Monday, and the two leaders said they would deepen ties, "
    "according to a statement from the Kremlin published after the talks.\n"
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (CHINESE, ("Chinese",)),
        (CHINESE_MIXED, ("Chinese",)),
        (JAPANESE, ("Japanese",)),
        (KOREAN, ("Korean",)),
        (RUSSIAN, ("Russian", "Cyrillic")),
        (RUSSIAN_MIXED, ("Russian", "Cyrillic")),
        (ARABIC, ("Arabic",)),
    ],
    ids=["chinese", "chinese-mixed", "japanese", "korean", "russian", "russian-mixed", "arabic"],
)
def test_other_scripts_are_not_english(
    tmp_path: Path, read_bounded: Reader, text: str, names: tuple[str]
) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = read_bounded([str(tmp_path)])
    assert [getattr(i, "code", "article") for i in items] == ["E106", "E106"]
    assert all(any(n in str(i) for n in names) for i in items), items


def test_english_with_foreign_names_is_english(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH_WITH_NAMES, encoding="utf-8")
    (art,) = read_bounded([str(tmp_path)])
    assert isinstance(art, Article)


def test_voa_stories_are_english(seed_path: Path, read_bounded: Reader) -> None:
    voa = seed_path.parents[1] / "corpus" / "voa" / "voa_stories.jsonl"
    if not voa.is_file():
        pytest.fail(f"VOA stories missing at {voa}")
    items = read_bounded([str(voa)])
    assert items and [str(i) for i in items if not isinstance(i, Article)] == []
