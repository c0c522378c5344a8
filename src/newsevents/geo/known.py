"""Whether the gazetteer knows a name, asked once per name and process.

A name recurs as an entity and as a capitalised run, in each paragraph that names it, and in
article after article ("Gaza", "Kyiv"); each ask of `Gazetteer.lookup` normalizes the name and
sorts its candidates. The gazetteer is complete once loaded, so the answer for a name never
changes: it is kept on the gazetteer (`known_names`) for the process, emptied past a bound.
"""

from __future__ import annotations

from newsevents.geo.gazetteer import Gazetteer
from newsevents.geo.smallplaces import MEMO_LIMIT


class KnownNames(dict[str, bool]):
    """Whether the gazetteer knows a name, as a mapping: `knows["Aleppo"]`. One is made per
    article (`toponyms.py`); a name it has not met is read from the gazetteer's memo, and only a
    name the process has never met is looked up."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__()
        self.gazetteer = gazetteer

    def __missing__(self, text: str) -> bool:
        memo = self.gazetteer.known_names
        found = memo.get(text)
        if found is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            found = memo[text] = bool(self.gazetteer.lookup(text))
        self[text] = found
        return found
