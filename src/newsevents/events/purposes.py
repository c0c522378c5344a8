"""A protest and what it is for: one event.

A protest staged "to demand", "to protest" or "in protest against" something is one protest,
aimed at whom its purpose names: "students staged demonstrations to demand reforms from the
government" is a protest against the government, not also a demand of it. The purpose is no act
of its own: the students demand by protesting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

Events = dict[int, list[Event]]


PURPOSE_ROOTS = frozenset({"02", "10", "14"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})


def _purposes(token: Token) -> list[Token]:
    """Clauses and "in protest" phrases that say what a protest is for, on the protest word or on
    the verb that stages it ("staged demonstrations to demand reforms", "a hunger strike in protest
    against ...")."""
    hosts = [token] if token.pos_ == "VERB" or token.head.i == token.i else [token, token.head]
    out: list[Token] = []
    for host in hosts:
        for child in host.children:
            if child.dep_ in PURPOSE_DEPS:
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ == "in":
                out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def protest_purposes(doc: Sequence[Token], by_token: Events) -> None:
    """One protest, aimed at whom its purpose names: "students staged demonstrations to demand
    reforms from the government" is a protest against the government, not also a demand; in place."""
    for token, events in by_token.items():
        if not events or events[0].cameo_root != "14":
            continue
        for purpose in _purposes(doc[token]):
            said = [e for e in by_token.get(purpose.i, []) if e.cameo_root in PURPOSE_ROOTS]
            if purpose.i == token or not said:
                continue
            targets = [e.target for e in said if e.target is not None] or [None]
            by_token[token] = [
                replace(e, target=t)
                for e in events for t in ([e.target] if e.target is not None else targets)
            ]  # fmt: skip
            by_token[purpose.i] = []
            break
