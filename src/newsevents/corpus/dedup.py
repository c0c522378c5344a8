"""Near-duplicate articles: syndicated wire copy and updated versions of one story.

Each article's body (headline and page furniture left out, since outlets rewrite headlines
and add their own credits) becomes a set of word 3-shingles. MinHash sketches of those sets go
into an LSH ensemble that finds candidate pairs by *containment* (the share of the smaller
article's shingles found in the larger one), because a trimmed, expanded or updated copy of a
wire story keeps most of its sentences but not its length; Jaccard similarity would fall below
any sensible cut for a story cut to half its length. Every candidate is then checked exactly on
the shingle hashes, so the sketch only decides which pairs are looked at, never the answer.

Groups are the connected components of the pairs that pass, so a copy of a copy joins its
group even when it shares little with the first version. The numbers below were tuned on
../shared/corpus/duplicates.json (see docs/accuracy.md, "Deduplication"): with word
3-shingles every syndicated pair there scores 0.31 or more (0.63 or more when not translated
back from another language) and the most similar pair of independent reports 0.16.

Pure functions over (article_id, text) pairs: no store, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 3  # words per shingle
THRESHOLD = 0.25  # similarity at or above which two articles are copies of one story
NUM_PERM = 64  # MinHash permutations: more finds candidates more reliably, costs time
MIN_SHINGLES = 20  # below this many shingles the smaller text is too short for containment
PARTITIONS = 4  # LSH ensemble partitions by set size
LSH_DEPTH = 4  # LSH ensemble band configurations per partition: fewer index faster
_MIX = 0x01000193  # FNV prime: spreads each word's hash before the next is added
_MASK = 0xFFFFFFFF
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class GroupMember:
    """One article of a group, with its highest similarity to another member (0 to 1)."""

    article_id: str
    similarity: float


@dataclass(frozen=True)
class ArticleGroup:
    """Articles that are copies of one story.

    `group_id` is the id of the member published first (undated articles count as last; ties
    go to the smallest id), so it names the original report and stays the same when later
    copies join. `members` lists every article, the first one first, then by id.
    """

    group_id: str
    members: tuple[GroupMember, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(m.article_id for m in self.members)


def article_body(text: str, skip: Iterable[tuple[int, int]] = ()) -> str:
    """`text` with the `skip` spans (headline, furniture) blanked out, so they never count."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(skip):
        if start > pos:
            parts.append(text[pos:start])
        pos = max(pos, end)
    parts.append(text[pos:])
    return " ".join(parts)


def words(text: str) -> list[str]:
    """Lower-case word tokens after Unicode normalisation (curly quotes, ligatures, widths)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted, distinct 32-bit hashes of the word `size`-shingles of `text`.

    Each word is hashed once with CRC32 (stable across processes, unlike `hash()`) and a
    shingle's hash mixes its words' hashes by position, so the same text always gives the
    same sketch. A text shorter than one shingle gives one shingle of all its words.
    """
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    word_hashes = np.array([zlib.crc32(t.encode("utf-8")) for t in tokens], dtype=np.uint64)
    count = max(1, len(tokens) - size + 1)
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(min(size, len(tokens))):
        mixed = (mixed * np.uint64(_MIX) + word_hashes[offset : offset + count]) & np.uint64(_MASK)
    return np.unique(mixed.astype(np.uint32))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Containment of the smaller shingle set in the larger; Jaccard when either is tiny."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    small = min(len(a), len(b))
    if small < MIN_SHINGLES:
        return shared / (len(a) + len(b) - shared)
    return shared / small


def find_groups(
    docs: Iterable[tuple[str, str]],
    *,
    published: Mapping[str, str | None] | None = None,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
) -> list[ArticleGroup]:
    """Groups of two or more near-duplicate articles among `docs` ((article_id, body) pairs).

    Pass bodies without headline and furniture (see `article_body`). `published` maps ids to
    YYYY-MM-DD dates and decides which member names the group. Articles with no copy are in no
    group. The result is sorted by group id and does not depend on the order of `docs`.
    """
    shingles = {art_id: shingle_hashes(text) for art_id, text in docs}
    best: dict[str, float] = {}
    parent = {art_id: art_id for art_id in shingles}
    for a, b in _candidate_pairs(shingles, threshold, num_perm):
        score = similarity(shingles[a], shingles[b])
        if score >= threshold:
            best[a] = max(best.get(a, 0.0), score)
            best[b] = max(best.get(b, 0.0), score)
            _union(parent, a, b)
    components: dict[str, list[str]] = {}
    for art_id in best:
        components.setdefault(_find(parent, art_id), []).append(art_id)
    dates = published or {}
    groups = []
    for ids in components.values():
        ordered = sorted(ids, key=lambda i: (dates.get(i) is None, dates.get(i) or "", i))
        first, rest = ordered[0], sorted(ordered[1:])
        members = tuple(GroupMember(i, round(best[i], 4)) for i in [first, *rest])
        groups.append(ArticleGroup(first, members))
    return sorted(groups, key=lambda g: g.group_id)


def _candidate_pairs(
    shingles: Mapping[str, np.ndarray], threshold: float, num_perm: int
) -> set[tuple[str, str]]:
    """Pairs whose sketches suggest containment near `threshold` or more, each once (a < b).

    The LSH cut sits a little below `threshold` so that a sketch's estimation error does not
    lose a pair the exact check would accept; extra candidates only cost one exact check.
    Tiny texts, compared by Jaccard, are found too: Jaccard never exceeds containment.
    """
    from datasketch import MinHash, MinHashLSHEnsemble  # imported on use: only deduplication needs it

    usable = {k: v for k, v in shingles.items() if len(v)}
    if len(usable) < 2:
        return set()
    # One set of permutations for all sketches: building them is most of a sketch's cost.
    seed = MinHash(num_perm=num_perm, hashfunc=_as_int)
    sketches = {}
    for art_id, hashes in usable.items():
        sketch = MinHash(
            num_perm=num_perm, hashfunc=_as_int, permutations=seed.permutations, scheme=seed.scheme
        )
        sketch.update_batch(hashes.tolist())
        sketches[art_id] = sketch
    index = MinHashLSHEnsemble(
        threshold=max(0.05, threshold * 0.6), num_perm=num_perm, num_part=PARTITIONS, m=LSH_DEPTH
    )
    index.index((k, sketches[k], len(usable[k])) for k in sorted(usable))
    pairs: set[tuple[str, str]] = set()
    for art_id in sorted(usable):
        for other in index.query(sketches[art_id], len(usable[art_id])):
            if other != art_id:
                pairs.add((min(art_id, other), max(art_id, other)))
    return pairs


def _as_int(value: int) -> int:
    """The shingles are hashed already; MinHash applies its permutations to these values."""
    return value


def _find(parent: dict[str, str], item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
