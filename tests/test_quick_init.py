"""`quick_init` makes the objects a frozen dataclass's own `__init__` makes, with the same
parameters, defaults, factories and refusals, and leaves alone a class it cannot speed."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

import pytest

from newsevents.geo.toponyms import Toponym
from newsevents.model import Event, Evidence, quick_init


@dataclass(frozen=True)
class _Plain:
    a: int
    b: str = "x"
    c: tuple[int, ...] = field(default_factory=tuple)
    d: list[int] = field(default_factory=list)
    e: bool = field(default=False, kw_only=True)


@quick_init
@dataclass(frozen=True)
class _Quick:
    a: int
    b: str = "x"
    c: tuple[int, ...] = field(default_factory=tuple)
    d: list[int] = field(default_factory=list)
    e: bool = field(default=False, kw_only=True)


def _quick(cls: type) -> bool:
    """Whether the class's `__init__` is `quick_init`'s, which sets the fields as one dict."""
    return "__dict__" in cls.__init__.__code__.co_consts  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "y"), {}), ((1, "y", (2,), [3]), {"e": True}), ((), {"a": 4, "d": [5]})],
)
def test_the_same_fields_as_the_dataclass_init(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    assert vars(_Quick(*args, **kwargs)) == vars(_Plain(*args, **kwargs))


def test_a_factory_runs_for_each_object_and_the_init_is_replaced() -> None:
    assert _Quick(1).d is not _Quick(1).d
    assert _quick(_Quick) and not _quick(_Plain)
    assert _Quick.__init__.__qualname__ == "_Quick.__init__"


def test_it_refuses_what_the_dataclass_refuses() -> None:
    with pytest.raises(TypeError):
        _Quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Quick(1, "y", (), [], True)  # type: ignore[misc]  # e is keyword-only
    with pytest.raises(TypeError):
        _Quick(1, f=2)  # type: ignore[call-arg]


def test_the_objects_compare_hash_pickle_and_stay_frozen() -> None:
    made = Evidence(3, 7, "Gaza")
    assert made == Evidence(3, 7, "Gaza") and hash(made) == hash((3, 7, "Gaza"))
    assert pickle.loads(pickle.dumps(made)) == made
    with pytest.raises(AttributeError):
        made.start = 4  # type: ignore[misc]
    top = Toponym(0, 4, "Gaza", dateline=True)
    assert (top.label, top.cue, top.dateline, top.nation) == ("", False, True, None)
    assert _quick(Event) and _quick(Evidence) and _quick(Toponym)


def test_a_class_with_post_init_keeps_its_own() -> None:
    @dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    assert not _quick(quick_init(Checked))
    with pytest.raises(ValueError):
        Checked(-1)
