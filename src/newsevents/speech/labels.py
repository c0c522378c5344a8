"""Transcript labels: a paragraph opening with an upper-case speaker label ("WALLACE: Let's
start ...", "Q: Will you ...") is that speaker's words, though no verb of saying names them.

A dateline ("KHARTOUM: ...") and a one-off rubric ("VIDEO: ...", "CLARIFICATION: ...") look
the same, so a label counts only when the article names the person (its last word is a
person's surname in the text: "WALLACE" for Chris Wallace), when it is a role label of the
word lists ("Q", "A"), or when the same label opens two or more paragraphs, as a speaker's
does in a transcript and a dateline never does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

# A paragraph's opening label: up to four upper-case words before a colon, after an optional
# opening quote mark, with words after it.
LABEL = re.compile(r"^[ \t]*[\"“]?(?P<label>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}):[ \t]+(?=\S)", re.M)


@dataclass(frozen=True)
class Label:
    """A paragraph's speaker label: `label` the label's span, `content` the words after it."""

    label: tuple[int, int]
    content: tuple[int, int]
    role: str | None  # "interviewer"/"interviewee" for a role label, None for a name

    def text(self, article_text: str) -> str:
        """The label as written ("WALLACE")."""
        return article_text[self.label[0] : self.label[1]]


def transcript_labels(
    text: str, roles: dict[str, str], known: Callable[[str, tuple[int, int]], bool]
) -> list[Label]:
    """The speaker labels of the article's paragraphs, kept as the module docstring says.

    `roles` maps role labels (lower case) to their role; `known(word, span)` says whether a
    lower-case last word is the surname of a person the article names outside the label's `span`
    (the model may take an upper-case dateline, "KHARTOUM", for a person).
    """
    found: list[Label] = []
    seen: Counter[str] = Counter()
    for m in LABEL.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        words = m.group("label")
        role = roles.get(words.lower().rstrip("."))
        found.append(Label(m.span("label"), (m.end(), end), role))
        seen[words] += 1
    return [
        f
        for f in found
        if f.role is not None or seen[f.text(text)] >= 2 or known(label_key(f.text(text)), f.label)
    ]


def label_key(label: str) -> str:
    """The lower-case last word of a label, the key a person's surname is registered by."""
    return re.sub(r"[^\w-]", "", label.split()[-1]).lower()
