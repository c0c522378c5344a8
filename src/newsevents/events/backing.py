"""Who a backer stands behind: "a Russian-backed offensive" is by the actor the article showed Russia backing.

An "X-backed" attack noun with no actor of its own is done by the actor the article has already
shown X backing (an earlier act of backing, 051/062/071/072, with X as its source). Split from
`coding.py`, which keeps the acts of backing it has coded and asks here.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.events.sides import same_actor
from newsevents.model import Actor, Event

# Acts of backing that are military (cooperation, funding, arms): shown first
MILITARY_BACKING = frozenset({"062", "071", "072"})


def backed_by(backing: Sequence[Event], who: Actor) -> Actor | None:
    """The actor the article has shown `who` backing (its acts of backing so far, in text order);
    None when unknown or ambiguous: its backed actors must be of one country; military backing
    first, then the latest."""
    shown = [e for e in backing if e.source is not None and e.target is not None]
    shown = [e for e in shown if e.source is not None and same_actor(e.source, who)]
    if len({e.target.country for e in shown if e.target is not None}) != 1:
        return None
    military = [e for e in shown if e.cameo in MILITARY_BACKING]
    return (military or shown)[-1].target
