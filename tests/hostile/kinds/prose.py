"""Good English articles made on demand, each different, to sit beside the bad input.

Every article id is a hash of its text, so two kinds that wrote the same good article would see
the second one "already stored"; `article(tag)` weaves the tag into the text to keep each unique.
"""

from __future__ import annotations

import hashlib

SENTENCES = (
    "Officials in the northern province said on Tuesday that the council would meet again after "
    "the talks with the {tag} delegation ended without an agreement.",
    "The governor told reporters that the government was ready to discuss the water dispute and "
    "that he expected the opposition to return to the table within a week.",
    "Hundreds of people gathered outside the ministry in the capital to demand that the talks "
    "resume, and police said the protest was peaceful.",
    "A spokesman for the United Nations said the organisation was watching the situation and "
    "urged both sides to respect the agreement they signed last year.",
    "The delegation of {tag} said in a statement that it had not been consulted about the new "
    "rules and that it would not accept them as they stand.",
    "Local newspapers reported that the army had moved troops into two villages near the border "
    "on Monday, but the defence ministry denied it.",
)


def number(tag: str) -> int:
    """A stable number for a tag, so a text reads naturally and still differs per tag."""
    return int(hashlib.sha256(tag.encode()).hexdigest()[:6], 16) % 90_000 + 10_000


def body(tag: str, sentences: int = 6) -> str:
    """`sentences` sentences of plain news English mentioning `tag`."""
    marked = f"{tag} (file {number(tag)})"
    return " ".join(SENTENCES[i % len(SENTENCES)].format(tag=marked) for i in range(sentences))


def article(tag: str, sentences: int = 6) -> str:
    """A plain-text article in the corpus format: title line, blank line, body."""
    return f"Talks on the water dispute stall, file {number(tag)}\n\n{body(tag, sentences)}\n"


def with_figure(tag: str, figure: str) -> str:
    """An article whose lead states `figure` ("At least 3 billion people were displaced")."""
    lead = f"{figure} in the fighting near the border, officials said on Tuesday."
    return f"Fighting near the border, file {number(tag)}\n\n{lead} {body(tag, 4)}\n"
