"""Readability of a Dutch citizen text at language level B1 (rule hard_to_read, docs/lint.md).

Three measures, each with the limit that plain-language guides for B1 Dutch give:

- no sentence longer than ``LONG_SENTENCE`` words;
- on average at most ``AVERAGE_SENTENCE`` words per sentence, in a text of at least
  ``AVERAGE_FROM`` sentences (one or two sentences are judged by the first limit alone);
- at most ``LONG_WORD_SHARE`` of the words ``LONG_WORD`` letters or longer, in a text of at least
  ``LONG_WORDS_FROM`` words (Dutch writes compounds as one word, so a few long words are normal).

A sentence ends at ".", "!" or "?" followed by a space, or at a line break; a semicolon does not
end one (a reader reads on), except in reasons: the result shows each part of a reason as a
sentence of its own (``report.as_sentences``), so that is what is measured. A word is a run of
characters with a letter or digit in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_SENTENCE = 25
AVERAGE_SENTENCE = 15
AVERAGE_FROM = 3
LONG_WORD = 15
LONG_WORD_SHARE = 0.20
LONG_WORDS_FROM = 10

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+|\n+")
_REASON_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+|\n+|;\s+")
_LETTERS = re.compile(r"[^\W\d_]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
"""What ``str.isalnum`` accepts, one character: a word character that is not an underscore."""


@dataclass(frozen=True)
class Readability:
    sentences: tuple[int, ...]
    """Words per sentence, in order."""
    words: int
    long_words: int

    @property
    def longest(self) -> int:
        return max(self.sentences, default=0)

    @property
    def average(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    def problems(self) -> list[str]:
        """What is over the B1 limits, as message parts ("" when nothing is)."""
        found: list[str] = []
        if self.longest > LONG_SENTENCE:
            found.append(f"a sentence of {self.longest} words (at most {LONG_SENTENCE})")
        if len(self.sentences) >= AVERAGE_FROM and self.average > AVERAGE_SENTENCE:
            found.append(
                f"{self.average:.1f} words per sentence on average (at most {AVERAGE_SENTENCE})"
            )
        if self.words >= LONG_WORDS_FROM and self.long_words > LONG_WORD_SHARE * self.words:
            found.append(
                f"{self.long_words} of {self.words} words of {LONG_WORD} letters or more "
                f"(at most {LONG_WORD_SHARE:.0%})"
            )
        return found


def measure(text: str, *, semicolon_ends: bool = False) -> Readability:
    """The measures of ``text``; ``semicolon_ends`` for texts shown split at "; " (reasons)."""
    ends = _REASON_END if semicolon_ends else _SENTENCE_END
    sentences = [part for part in ends.split(text) if part and part.strip()]
    is_word = _LETTER_OR_DIGIT.search  # a token is a word when it holds a letter or digit
    counts = tuple(sum(1 for t in s.split() if is_word(t)) for s in sentences)
    tokens = [t for t in text.split() if is_word(t)]
    # only a token of LONG_WORD characters can hold LONG_WORD letters: count letters in those
    long_words = sum(
        1 for t in tokens if len(t) >= LONG_WORD and len(_LETTERS.findall(t)) >= LONG_WORD
    )
    return Readability(tuple(c for c in counts if c), len(tokens), long_words)
