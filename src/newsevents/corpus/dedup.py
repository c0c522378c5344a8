"""Near-duplicate articles: syndicated wire copy and updated versions of one story.

Each article's body (headline and page furniture left out, since outlets rewrite headlines
and add their own credits) becomes a set of word 3-shingles. MinHash sketches of those sets give
each article one key per band (`sketch`); articles sharing keys are candidate pairs, kept when
their estimated *containment* (the share of the smaller article's shingles found in the larger
one) comes near the threshold (`likely_copies`), because a trimmed, expanded or updated copy of a
wire story keeps most of its sentences but not its length; Jaccard similarity would fall below
any sensible cut for a story cut to half its length. Every candidate is then checked exactly on
the shingle hashes, so the sketch only decides which pairs are looked at, never the answer.

Groups are the connected components of the pairs that pass, so a copy of a copy joins its
group even when it shares little with the first version. The numbers below were tuned on
../shared/corpus/duplicates.json (see docs/accuracy.md, "Deduplication"): with word
3-shingles every syndicated pair there scores 0.31 or more (0.63 or more when not translated
back from another language) and the most similar pair of independent reports 0.16.

The candidate rule looks at one pair at a time, so the store, which keeps every article's keys
and finds a new article's candidates by an indexed lookup, groups exactly as `find_groups` does
over the whole corpus. Pure functions over (article_id, text) pairs: no store, no I/O.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

SHINGLE_WORDS = 3  # words per shingle
THRESHOLD = 0.25  # similarity at or above which two articles are copies of one story
NUM_PERM = 64  # MinHash permutations: more finds candidates more reliably, costs time
MIN_SHINGLES = 20  # below this many shingles the smaller text is too short for containment
MIN_SHARED_KEYS = 2  # band keys two articles must share to be compared at all
CANDIDATE_CUT = 0.6  # compare pairs whose estimated similarity reaches this share of THRESHOLD
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
    return group_shingles(shingles, published=published, threshold=threshold, num_perm=num_perm)


def group_shingles(
    shingles: Mapping[str, np.ndarray],
    *,
    sketches: Mapping[str, np.ndarray] | None = None,
    published: Mapping[str, str | None] | None = None,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
) -> list[ArticleGroup]:
    """`find_groups` over shingle sets already made (and their `sketch`es, when made too)."""
    best: dict[str, float] = {}
    parent = {art_id: art_id for art_id in shingles}
    for a, b in _candidate_pairs(shingles, sketches or {}, threshold, num_perm):
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


def sketch(hashes: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature of one shingle set: `num_perm` values below 2**32, the same in every
    process (fixed permutations), empty for an empty set. Value `i` is the article's key in band
    `i`; the store keeps these keys so a new article finds its candidates by an indexed lookup."""
    from datasketch import MinHash  # imported on use: only deduplication needs it

    if len(hashes) == 0:
        return np.zeros(0, dtype=np.int64)
    seed = _seed(num_perm)
    found = MinHash(num_perm=num_perm, hashfunc=_as_int, permutations=seed.permutations, scheme=seed.scheme)
    found.update_batch(hashes.tolist())
    return np.asarray(found.hashvalues, dtype=np.int64)


def likely_copies(shared_keys: int, size_a: int, size_b: int, threshold: float = THRESHOLD,
                  num_perm: int = NUM_PERM) -> bool:
    """Whether two articles sharing `shared_keys` of their MinHash band keys (of sets of `size_a`
    and `size_b` shingles) are worth the exact check.

    Two shared keys are needed (one is chance: a common phrase is some article's minimum), then
    the containment estimated from the Jaccard estimate and the sizes must reach a cut a little
    below `threshold`, so a sketch's estimation error does not lose a pair the exact check would
    accept; extra candidates only cost one exact check. The rule looks at one pair only, so the
    store's lookup and `find_groups` over a whole corpus pick the same pairs.
    """
    if shared_keys < MIN_SHARED_KEYS or not size_a or not size_b:
        return False
    jaccard = shared_keys / num_perm
    small = min(size_a, size_b)
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    estimate = shared / small if small >= MIN_SHINGLES else jaccard
    return estimate >= threshold * CANDIDATE_CUT


def _candidate_pairs(
    shingles: Mapping[str, np.ndarray], sketches: Mapping[str, np.ndarray], threshold: float, num_perm: int
) -> set[tuple[str, str]]:
    """Pairs `likely_copies` accepts, each once (a < b), from an inverted index of band keys."""
    sizes = {k: len(v) for k, v in shingles.items() if len(v)}
    shared: Counter[tuple[str, str]] = Counter()
    postings: dict[tuple[int, int], list[str]] = defaultdict(list)
    for art_id in sorted(sizes):
        keys = sketches[art_id] if art_id in sketches else sketch(shingles[art_id], num_perm)
        for band, key in enumerate(keys.tolist()):
            for other in postings[(band, key)]:
                shared[(other, art_id)] += 1
            postings[(band, key)].append(art_id)
    return {
        pair for pair, n in shared.items()
        if likely_copies(n, sizes[pair[0]], sizes[pair[1]], threshold, num_perm)
    }  # fmt: skip


@functools.cache
def _seed(num_perm: int) -> Any:
    """One set of permutations for all sketches (building them is most of a sketch's cost), made
    once per process from datasketch's fixed seed, so every process gives the same keys."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, hashfunc=_as_int)


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
