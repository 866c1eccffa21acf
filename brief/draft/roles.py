"""A role written before a name and set off by commas: "The hospital's chief executive, Mark
Ruiz, said", "A spokesman for the county, John Lee,", "La directora del hospital, Ana Pérez,".

In: the text of one piece before a name and after it, and the language's `Words`. Out: the role
as the article writes it (an opening determiner put in lower case: "the hospital's chief
executive"), or "" when there is none.

The rule, the same in every language: the name follows a comma and is closed by a comma, a full
stop, a semicolon, a bracket or the end of the piece. The clause before that comma (back to the
previous comma or sentence mark) holds a run of office words (`Words.offices`) that ends the
clause or is followed by a complement opening with a link word (`Words.links`: of, for, del,
de, des) and made only of nouns, names, determiners and links (no speech verb, no closed word
such as "that", no date word, no number). Before the office, the role keeps the words back to a
determiner (`Words.determiners`: the, its, la, l') or a possessive ("the hospital's", "Ms
Ardern's"); lower-case words that no determiner or possessive opens ("praised deputy mayor")
are left out. So a list of names, a place ("In Paris, France,"), a sentence adverb ("However,")
or a date ("On Monday,") gives no role: none of them holds an office word.
"""

from __future__ import annotations

import re

from brief.draft.words.vocabulary import Words

#: The most words a role may have ("the chief of staff to the governor of the state": 9).
MAX_ROLE_WORDS = 12
#: The most words of a complement after the office ("for the county's water authority").
MAX_COMPLEMENT_WORDS = 8
_BEFORE = re.compile(r",[ \t]+$")
_CLOSED_AFTER = re.compile(r"^[ \t]*(?:[,.;)]|$)")
_BOUNDARY = re.compile(r"[,;:!?()\[\]\"“”«»—–]|\.(?=\s)")
_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.)*[A-Z]$")
_TOKEN = re.compile(r"\S+")
_ELIDED = ("l'", "l’", "d'", "d’")


def role_before(before: str, after: str, words: Words) -> str:
    """Return the role set off by commas before a name, `before` and `after` being the text of
    its piece on either side of the name, or ""."""
    comma = _BEFORE.search(before)
    if comma is None or not _CLOSED_AFTER.match(after):
        return ""
    start = _clause_start(before, comma.start(), words)
    tokens = [(m.start(), m[0]) for m in _TOKEN.finditer(before, start, comma.start())]
    texts = [text for _, text in tokens]
    head = _head(texts, words)
    if head is None:
        return ""
    first = _first(texts, head, words)
    if len(texts) - first > MAX_ROLE_WORDS:
        return ""
    role = before[tokens[first][0] : comma.start()]
    opening = texts[first].lower()
    if opening in words.determiners or opening[:2] in words.determiners:
        role = role[:1].lower() + role[1:]
    return role


def _clause_start(text: str, end: int, words: Words) -> int:
    """Return where the clause ending at `end` begins: after the last comma, bracket, quote
    mark or sentence end, a full stop after an initial or a title ("Ms.", "U.S.") not ending
    a sentence."""
    titles = {word.rstrip(".") for word in words.male | words.female | words.offices}
    start = 0
    for mark in _BOUNDARY.finditer(text, 0, end):
        if mark[0] == ".":
            word = text[: mark.start()].rsplit(None, 1)[-1] if text[: mark.start()].strip() else ""
            if word.lower() in titles or _INITIALS.search(word):
                continue
        start = mark.end()
    return start


def _bare(token: str) -> str:
    """Return a token in lower case without its final full stop or an elided article."""
    word = token.lower().rstrip(".")
    return word[2:] if word.startswith(_ELIDED) and len(word) > 2 else word


def _head(texts: list[str], words: Words) -> int | None:
    """Return the index of the first office word whose run ends the clause or is followed by a
    complement ("spokesman for the county"), or None."""
    index = 0
    while index < len(texts):
        if _bare(texts[index]) not in words.offices:
            index += 1
            continue
        end = index
        while end + 1 < len(texts) and _bare(texts[end + 1]) in words.offices:
            end += 1
        rest = texts[end + 1 :]
        if not rest or (_bare(rest[0]) in words.links and _complement(rest, words)):
            return index
        index = end + 1
    return None


def _complement(texts: list[str], words: Words) -> bool:
    """Tell whether words after an office say whose office it is: nouns, names, determiners
    and links only."""
    if len(texts) > MAX_COMPLEMENT_WORDS:
        return False
    for text in texts:
        word = _bare(text)
        if word in words.links or word in words.determiners or _possessive(word):
            continue
        if not word.replace("-", "").isalpha() or _dated(word, words) or word in words.speech:
            return False
        if not text[:1].isupper() and word in words.closed:
            return False
    return True


def _first(texts: list[str], head: int, words: Words) -> int:
    """Return the index of the role's first word: back from the office over offices, names and
    possessives, and over other words only up to a determiner or a possessive."""
    first, pending = head, False
    for index in range(head - 1, -1, -1):
        text, word = texts[index], texts[index].lower()
        if word in words.determiners or (len(word) > 2 and word[:2] in words.determiners):
            return index  # "the", "its", or an elided "l'" opening the word ("l'ancien")
        if _possessive(word):
            first, pending = index, False
        elif not pending and (word in words.offices or _name_word(text, words)):
            first = index
        elif word.isalpha() and word not in words.closed and word not in words.speech:
            pending = True  # "acting", "county": kept if a determiner or possessive opens them
        else:
            break
    return first


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’")) and len(word) > 2


def _name_word(text: str, words: Words) -> bool:
    """Tell whether a capitalised word may be part of a role ("Ms", "Health" in "the Health
    Minister"), not a date or a closed word opening the sentence ("Yesterday", "However")."""
    word = text.lower().rstrip(".")
    if not text[:1].isupper() or not word.replace("-", "").replace(".", "").isalpha():
        return False
    titles = {title.rstrip(".") for title in words.male | words.female}
    if text.endswith(".") and word not in titles and not _INITIALS.search(text.rstrip(".")):
        return False
    return word not in words.closed and not _dated(word, words)


def _dated(word: str, words: Words) -> bool:
    return word in words.months or word in words.weekdays or word in words.relative_days
