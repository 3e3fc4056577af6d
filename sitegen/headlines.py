"""Headlines and summaries derived from a news lead, by the rules of Greek news style.

A headline is the lead's first sentence without its asides and time words, cut at a
clause boundary when long; it never ends on a function word and keeps «» balanced.
"""

from __future__ import annotations

import re

from sitegen.greek import FUNCTION_WORDS, fold, sentences

HEADLINE_MAX = 90
SUMMARY_MAX = 160
_MIN_CLAUSE = 30  # a clause shorter than this makes a poor headline

# Linking words that open a new clause: a headline may be cut just before them.
LINKING_WORDS = frozenset(
    "οπου ενω μετα καθωσ αφου οταν ωστε προκειμενου επειδη διοτι γιατι ομωσ αλλα "
    "ωστοσο ενωπιον παρα".split()
)
# Time words that age badly in a headline (folded).
TIME_WORDS = frozenset("σημερα χθεσ χτεσ αυριο προχθεσ φετοσ περυσι νωριτερα αποψε".split())
_DAY_PARTS = frozenset("πρωι μεσημερι απογευμα βραδυ".split())
# Openings that are asides, not the news: dropped up to their comma.
ASIDES = (
    "σύμφωνα με",
    "κατά την",
    "κατά τον",
    "όπως",
    "νωρίτερα",
    "παράλληλα",
    "στο μεταξύ",
    "εν τω μεταξύ",
    "την ίδια ώρα",
    "την ίδια στιγμή",
    "ταυτόχρονα",
    "επιπλέον",
)
_QUOTE_LEAD = re.compile(
    r"^«(?P<quote>[^«»]+)»,?\s+(?P<verb>\w+)(?:\s+\w+)?\s+(?:ο|η|οι)\s+(?P<rest>.+)$"
)
_SPEAKER_END = re.compile(
    r",|\s(?:στον|στη|στην|στο|στους|σε|κατά|για|με|από|μετά|ενώ|όταν)\s"
    r"|\s\w+(?:όμενος|όμενη|ώντας|οντας)\s"  # a participle starts the speaker's action
)
_WORD = re.compile(r"\S+")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _drop_time_words(text: str) -> str:
    """'συναντήθηκε σήμερα το πρωί με ...' -> 'συναντήθηκε με ...'."""
    words = text.split(" ")
    kept: list[str] = []
    i = 0
    while i < len(words):
        if fold(words[i].rstrip(",")) in TIME_WORDS:
            i += 1
            if i + 1 < len(words) and fold(words[i]) == "το" and fold(words[i + 1]) in _DAY_PARTS:
                i += 2
            continue
        kept.append(words[i])
        i += 1
    return " ".join(kept) if kept else text


def _drop_aside(text: str) -> str:
    """'Σύμφωνα με ανακοίνωση, ο υπουργός ...' -> 'ο υπουργός ...'."""
    lowered = text.lower()
    for aside in ASIDES:
        if lowered.startswith(aside + " ") or lowered.startswith(aside + ","):
            comma = _top_level_commas(text)
            if comma and comma[0] < 80 and len(text) - comma[0] > _MIN_CLAUSE:
                return text[comma[0] + 1 :].strip()
            if " " not in aside and lowered.startswith(aside + " "):
                return text[len(aside) :].strip()  # a lone adverb: 'Νωρίτερα φέτος ...'
    return text


def _top_level_commas(text: str) -> list[int]:
    """Commas outside «» and not inside numbers (2,5) or ό,τι."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            before, after = text[i - 1 : i], text[i + 1 : i + 2]
            if before.isdigit() and after.isdigit():
                continue
            if fold(text[max(0, i - 1) : i + 3]) == "ο,τι":
                continue
            out.append(i)
    return out


def _clause_cuts(text: str) -> list[int]:
    """Positions where a clause ends: top-level commas, and before linking words."""
    cuts = set(_top_level_commas(text))
    depth = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if depth == 0 and fold(word.strip("«»,.")) in LINKING_WORDS and match.start() > 0:
            cuts.add(match.start() - 1)
        depth += word.count("«") - word.count("»")
    return sorted(cuts)


def _strip_end(text: str) -> str:
    """Drop trailing function words and punctuation: never end on 'της' or a comma."""
    words = text.rstrip(" ,:·-–").split(" ")
    while len(words) > 1 and fold(words[-1].strip("«»,")) in FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(" ,:·-–")


def _trim_end(text: str) -> str:
    """Strip the end and close an open «."""
    text = _strip_end(text)
    return text + "»" if text.count("«") > text.count("»") else text


def _shorten(text: str, limit: int) -> str:
    """Fit text in limit: at the last clause boundary that fits, else at a word with '…'."""
    if len(text) <= limit:
        return _trim_end(text)
    cuts = [c for c in _clause_cuts(text) if _MIN_CLAUSE <= c <= limit - 1]
    if cuts:
        return _trim_end(text[: cuts[-1]])
    return cut_at_word(text, limit)


def _quote_headline(sentence: str, limit: int) -> str | None:
    """'«Quote», δήλωσε ο Πούτιν ...' -> 'Πούτιν: «Quote»', the quote cut to fit."""
    match = _QUOTE_LEAD.match(sentence.rstrip("."))
    if not match:
        return None
    rest = match.group("rest")
    end = _SPEAKER_END.search(" " + rest + " ")
    speaker = _capitalize((rest[: end.start() - 1] if end else rest).strip())
    room = limit - len(speaker) - 4
    if not speaker or room < _MIN_CLAUSE:
        return None
    quote = _shorten(match.group("quote").rstrip("."), room).rstrip("»")
    return f"{speaker}: «{quote}»"


def headline(first_paragraph: str, limit: int = HEADLINE_MAX) -> str:
    """A headline from the lead (the first paragraph) of a news article."""
    found = sentences(first_paragraph)
    if not found:
        return ""
    first = found[0]
    quoted = _quote_headline(first, limit)
    if quoted:
        return quoted
    text = first.rstrip(".…").strip()
    return _shorten(_capitalize(_drop_time_words(_drop_aside(text))), limit)


def cut_at_word(text: str, limit: int) -> str:
    """Cut text to at most limit characters at a word, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    head = _strip_end(text[: limit - 2].rsplit(" ", 1)[0])
    return head + ("…»" if head.count("«") > head.count("»") else "…")


def summary(paragraphs: list[str], limit: int = SUMMARY_MAX) -> str:
    """Whole sentences from the start, up to limit characters (the first one cut if longer)."""
    chosen: list[str] = []
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if len(" ".join([*chosen, sentence])) > limit:
                return " ".join(chosen) if chosen else cut_at_word(sentence, limit)
            chosen.append(sentence)
    return " ".join(chosen)
