"""The biomedical tokenizer: scispaCy's rules, plus splits at hyphens and slashes inside words.

scispaCy's ``combined_rule_tokenizer`` keeps "FeLV-infected", "doxorubicin-induced"
and "UCB/UCB-MNC" whole; the standard corpora annotate the parts ("FeLV",
"doxorubicin"), so this tokenizer also splits at a hyphen or slash between letters
or digits. Names still match across the split: "non-Hodgkin" and "IL-2" normalize
to the same keys either way. The "(T)" that marks a type strain is a token of its own
("0533(T)": "0533", "(T)"), so the strain's code is one. A short form in parentheses joined to
the next word is split off ("nitroglycerin (NTG)-induced": "(", "NTG", ")", "-", "induced"), so
that it is defined and tagged; stereo descriptors and locants stay whole ("(+)-baclofen"). A hyphen
a word suspends is a token of its own ("lidocaine- and bupivacaine-induced": "lidocaine", "-").
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from types import SimpleNamespace

from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

__all__ = ["MAX_WORD_LENGTH", "BoundedTokenizer", "biomedical_tokenizer", "create_biomedical_tokenizer"]

_WORD_JOINER = r"(?<=[0-9A-Za-zα-ωΑ-Ω])[-‐‑–/](?=[0-9A-Za-zα-ωΑ-Ω])"
#: The mark of a type strain after its code ("0533(T)").
_TYPE_STRAIN_MARK = r"(?<=[0-9A-Za-z])\(T\)$"
#: A short form: 2 to 10 letters or digits, one of them a capital.
_SHORT_FORM = r"(?=[A-Za-z0-9]{0,9}[A-Z])[A-Za-z0-9]{2,10}"
#: A short form in parentheses joined to the next word ("nitroglycerin (NTG)-induced"), split into "(", the short
#: form, ")", "-" and the word, as the corpora annotate the short form: prefixes peeled one at a time, the first
#: two only in this shape (not "(+)-baclofen", "beta(1)-integrin", "(COX)-2"), the last two wherever a word
#: follows (")-induced", "-induced").
_JOINED_SHORT_FORM = (
    rf"^\((?={_SHORT_FORM}\)-[A-Za-z])|^{_SHORT_FORM}(?=\)-[A-Za-z])"
    r"|^\)(?=-[A-Za-z])|^-(?=[A-Za-z])"
)
#: The hyphen that a word suspends before "and"/"or" ("lidocaine- and bupivacaine-induced"), a token of its own.
_SUSPENDED_HYPHEN = r"(?<=[0-9A-Za-z]{2})[-‐‑]$"
#: Control characters (NUL, BEL, ESC...) become tokens of their own instead of sticking to a word.
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


#: Runs of text without whitespace longer than this are tokenized in pieces of this many characters.
MAX_WORD_LENGTH = 250
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD_LENGTH + 1},}}")


class BoundedTokenizer(Tokenizer):
    """spaCy's tokenizer, linear in the length of the text.

    spaCy splits a word's prefixes and suffixes one at a time and searches the rest of the word
    again after each: quadratic in the word's length (20,000 "(" in a row took 44 s, a megabyte of
    "a-a-a-" minutes). A run of more than :data:`MAX_WORD_LENGTH` characters without whitespace (no
    word, name or URL is that long) is therefore cut every :data:`MAX_WORD_LENGTH` characters and
    each piece tokenized alone; the text of the Doc is the text given, as always.
    """

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN.search(text) is None:
            return super().__call__(text)
        cuts = [0]
        for run in _LONG_RUN.finditer(text):
            cuts += range(run.start() + MAX_WORD_LENGTH, run.end(), MAX_WORD_LENGTH)
        cuts.append(len(text))
        words: list[str] = []
        spaces: list[bool] = []
        for start, end in zip(cuts, cuts[1:]):
            for token in super().__call__(text[start:end]):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(self.vocab, words=words, spaces=spaces)


def biomedical_tokenizer(nlp: Language) -> Tokenizer:
    """scispaCy's tokenizer for ``nlp`` that also splits hyphenated and slashed words."""
    # scispaCy reads the URL pattern from nlp.tokenizer, which does not exist yet while a config is resolved.
    default = SimpleNamespace(token_match=nlp.Defaults.token_match)
    language = SimpleNamespace(vocab=nlp.vocab, Defaults=nlp.Defaults, tokenizer=default)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # scispaCy's character classes trip a regex warning
        rules = combined_rule_tokenizer(language)
        tokenizer = BoundedTokenizer(nlp.vocab, rules.rules, rules.prefix_search, rules.suffix_search,
                                     rules.infix_finditer, rules.token_match, rules.url_match)  # fmt: skip
        infixes, prefixes, suffixes = (getattr(tokenizer, name).__self__.pattern
                                       for name in ("infix_finditer", "prefix_search", "suffix_search"))  # fmt: skip
        tokenizer.infix_finditer = re.compile(f"{infixes}|{_WORD_JOINER}|{_CONTROL}").finditer
        tokenizer.prefix_search = re.compile(f"{prefixes}|^{_CONTROL}|{_JOINED_SHORT_FORM}").search
        tokenizer.suffix_search = re.compile(f"{suffixes}|{_TYPE_STRAIN_MARK}|{_SUSPENDED_HYPHEN}|{_CONTROL}$").search
    tokenizer.url_match = nlp.Defaults.url_match  # keep URLs whole despite the new splits
    return tokenizer


@registry.tokenizers("entitylink.BiomedicalTokenizer.v1")
def create_biomedical_tokenizer() -> Callable[[Language], Tokenizer]:
    """The config entry of :func:`biomedical_tokenizer` (``@tokenizers = "entitylink.BiomedicalTokenizer.v1"``)."""
    return biomedical_tokenizer
