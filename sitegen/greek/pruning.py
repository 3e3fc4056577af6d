"""What a news desk prunes from a lead sentence to leave its main clause: time words,
asides and discourse words, brackets and dashes, opening phrases and appositions before
the verb, a closing attribution (..., ανακοίνωσε η αστυνομία), and, when the subject is
too long, the phrase between its head and the verb. Used by sitegen.greek.headlines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.greek.clauses import (
    PREPOSITION_HEADS,
    PREPOSITIONS,
    SUBORDINATORS,
    Word,
    analysed,
    is_finite_verb,
    main_verb,
    verb_start,
    words_of,
)
from sitegen.greek.text import fold

MIN_CLAUSE = 30  # a clause shorter than this makes a poor headline
# Time words that age badly in a headline (folded).
TIME_WORDS = frozenset("σημερα χθεσ χτεσ αυριο προχθεσ φετοσ περυσι νωριτερα αποψε".split())
_ACCENTED = {"α": "[αά]", "ε": "[εέ]", "η": "[ηή]", "ι": "[ιίϊΐ]", "ο": "[οό]", "υ": "[υύϋΰ]",
             "ω": "[ωώ]", "σ": "[σς]"}  # fmt: skip
# A quick test for a time word in lower-case text, accented or not (no fold of the text).
_TIME_HINT = re.compile(
    r"\b(?:"
    + "|".join("".join(_ACCENTED.get(c, c) for c in word) for word in sorted(TIME_WORDS))
    + r")\b"
)
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
ROOM_AFTER_VERB = 12  # a headline says what the verb did, not only that it did
# Words that tie a sentence to the one before it (folded).
_DISCOURSE = frozenset(
    (
        "ομωσ επισησ αλλωστε ωστοσο παντωσ ακομη ακομα επιπλεον εξαλλου παραλληλα "
        "ειδικοτερα συγκεκριμενα αντιθετα αντιθετωσ ηδη μαλιστα βεβαια επομενωσ συνεπωσ "
        "αρα λοιπον τελοσ εντουτοισ πραγματι φυσικα οντωσ και αλλα κι"
    ).split()
)
_INNER_DISCOURSE = re.compile(
    r"\s+(?:ωστόσο|όμως|εξάλλου|πάντως|επίσης|άλλωστε|βέβαια|λοιπόν)(?=[\s,])"
)
# Adverbs that open a sentence with a comma: 'Αρχικά,', 'Πρώτα,'.
_ADVERBS = frozenset("αρχικα πρωτα επειτα ακολουθωσ τελικα ενδεικτικα παρομοια".split())
# Words that open a phrase before the subject: 'Βάσει των στοιχείων, ...'.
_OPENERS = frozenset("βασει συμφωνα σχετικα οσον εντωμεταξυ μολισ μονο".split()) | _DISCOURSE
_PARTICIPLES = ("οντασ", "ωντασ")
_ADDRESS = frozenset(
    "κυριε κυρια κυριεσ κυριοι αγαπητε αγαπητη αγαπητοι αγαπητεσ φιλε φιλοι φιλεσ".split()
)
_QUESTION_WORDS = frozenset(["πώς", "πού"])  # (γιατί may also mean "because")
_ARTICLES = frozenset("ο η το οι τα ενασ μια ενα ενοσ".split())
_BEFORE_RELATIVE = PREPOSITIONS | _ARTICLES
_PLACE_PREPOSITIONS = frozenset("στη στην στο στον στα στισ στουσ".split())
_COMMA_OR_QUOTE = re.compile("[,«»]")
_BRACKETS = re.compile(r"\s*\([^()]*\)|\s*\[[^\[\]]*\]")
_DASHES = re.compile(r"\s+[-–]\s?[^-–\s][^-–]*?\s[-–](?=\s)")


def drop_time_words(text: str) -> str:
    """'συναντήθηκε σήμερα το πρωί με ...' -> 'συναντήθηκε με ...'."""
    if not _TIME_HINT.search(text.lower()):
        return text
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


def drop_aside(text: str) -> str:
    """'Σύμφωνα με ανακοίνωση, ο υπουργός ...' -> 'ο υπουργός ...'."""
    lowered = text[:24].lower()
    for aside in ASIDES:
        if lowered.startswith(aside + " ") or lowered.startswith(aside + ","):
            comma = top_level_commas(text)
            if comma and comma[0] < 80 and len(text) - comma[0] > MIN_CLAUSE:
                return text[comma[0] + 1 :].strip()
            if " " not in aside and lowered.startswith(aside + " "):
                return text[len(aside) :].strip()  # a lone adverb: 'Νωρίτερα φέτος ...'
    return text


def top_level_commas(text: str) -> list[int]:
    """Commas outside «» and not inside numbers (2,5) or ό,τι."""
    out, depth = [], 0
    for match in _COMMA_OR_QUOTE.finditer(text):
        ch, i = match.group(), match.start()
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth = max(0, depth - 1)
        elif depth == 0:
            before, after = text[i - 1 : i], text[i + 1 : i + 2]
            if before.isdigit() and after.isdigit():
                continue
            if fold(text[max(0, i - 1) : i + 3]) == "ο,τι":
                continue
            out.append(i)
    return out


def verb_within_reach(text: str, words: Sequence[Word], verb: int, limit: int) -> str:
    """A subject too long for a headline loses what stands between its head and the verb:
    a phrase, a relative clause or a participle (Οι τρεις αναισθησιολόγοι του νοσοκομείου
    [με επιστολή τους προς τη διοίκηση] έκαναν γνωστό ...). The least is dropped, and a
    relative clause goes whole (not 'Οι διασώστες που δρουν [στις περιοχές]')."""
    starts: list[int] = []
    relative = False
    for i in range(2, verb):
        word = words[i]
        if word.depth or relative or not _opens_adjunct(word):
            continue
        relative = word.bare == "που" or word.bare.startswith("οποι")
        start = i - 1 if relative and words[i - 1].bare in _BEFORE_RELATIVE else i
        if start > 1 and words[start - 1].bare in PREPOSITION_HEADS:
            start -= 1  # 'κάτω από το όριο'
        starts.append(start)  # ('στο οποίο', 'η οποία': with its article or preposition)
    tail = verb_start(words, verb)
    # what is kept is the subject's head, no phrase of it: not 'Ένα από τα πράγματα'
    starts = [i for i in starts if not any(w.bare in PREPOSITIONS for w in words[1:i])]
    for i in reversed(starts):
        if words[i].start + (words[verb].end - tail) <= limit - ROOM_AFTER_VERB:
            return text[: words[i].start].rstrip(" ,") + " " + text[tail:]
    return text


def _opens_adjunct(word: Word) -> bool:
    """Does a phrase that a subject can do without start here?"""
    return (
        word.bare in PREPOSITIONS
        or word.bare == "που"
        or word.bare.endswith(_PARTICIPLES)
        or word.bare.startswith("οποι")
    )


def without_participle(text: str) -> str:
    """'Ο πρόεδρος, σχολιάζοντας τα αποτελέσματα, τόνισε ...' -> 'Ο πρόεδρος τόνισε ...':
    a participle phrase before the main verb is an aside."""
    if "ντας" not in text:  # no participle at all: the usual case, quickly
        return text
    words, verb = analysed(text)
    if verb is None:
        return text
    for word in words[1:verb]:
        if not word.depth and word.bare.endswith(_PARTICIPLES):
            return text[: word.start].rstrip(" ,") + " " + text[verb_start(words, verb) :]
    return text


def without_attribution(text: str) -> str:
    """'..., ανακοίνωσε η αστυνομία': a closing attribution is no part of a headline."""
    commas = top_level_commas(text)
    if not commas:
        return text
    tail = words_of(text[commas[-1] + 1 :])
    if 2 <= len(tail) <= 10 and is_finite_verb(tail[0].bare) and tail[1].bare in _ARTICLES:
        return text[: commas[-1]]
    return text


def subject_and_predicate(text: str, words: Sequence[Word], verb: int) -> str:
    """The clause of the main verb, with the subject that a comma parted from it: opening
    phrases, subordinate clauses and appositions before the verb are dropped, a person's
    name in apposition is kept (Ο υπουργός Υγείας, Νίκος Αλεξίου, δήλωσε -> Ο υπουργός
    Υγείας Νίκος Αλεξίου δήλωσε)."""
    commas = [c for c in top_level_commas(text) if c < words[verb].start]
    if not commas:
        return text
    bounds = zip([0, *commas], [*commas, len(text)], strict=True)
    chunks = [text[a:b].strip(" ,") for a, b in bounds]
    predicate = text[commas[-1] + 1 :].strip()
    first = chunks[0]
    if first.split()[0].lower() in _QUESTION_WORDS:
        return first + " " + predicate  # 'Πώς, αυτοί οι ερευνητές κατέληξαν ...;'
    if _is_setting(first):
        return first + ", " + predicate  # 'Στη Θεσσαλονίκη, σημειώθηκε έκρηξη ...'
    if not _is_subject(first):
        return predicate
    people = [chunk for chunk in chunks[1:-1] if _is_person(chunk)]
    if len(people) > 1 and any(chunk.startswith("και ") for chunk in chunks[1:-1]):
        # 'Ο τομεάρχης ..., Γιάννης Βρούτσης, και ο αναπληρωτής ..., Θεόδωρος Καράογλου,
        # αναφέρθηκαν' -> 'Γιάννης Βρούτσης και Θεόδωρος Καράογλου αναφέρθηκαν'
        return " και ".join(people) + " " + predicate
    kept = [first]
    if len(chunks) == 3 and _is_person(chunks[-2]):
        kept.append(chunks[-2])
    return " ".join([*kept, predicate])


def _is_subject(chunk: str) -> bool:
    """Could this phrase before a comma be the clause's subject? Not an opening phrase
    (a preposition, a subordinate clause, a participle, an adverb, a phrase of time or
    place without an article), not a form of address (Κύριε Πρόεδρε), and no finite
    verb of its own outside a relative clause."""
    words = words_of(chunk)
    if not words:
        return False
    first = words[0].bare
    if first in PREPOSITIONS or first in SUBORDINATORS or first in _OPENERS:
        return False
    if first.endswith(_PARTICIPLES) or first in _ADDRESS:
        return False  # 'Θεωρώντας ότι ...', 'Κύριε Πρόεδρε'
    top = [w.bare for w in words if not w.depth]
    if any(w in ("μετα", "πριν") for w in top):
        return False  # 'Λίγες ώρες μετά την ψήφιση'
    if first not in _ARTICLES and any(w in PREPOSITIONS for w in top):
        return False  # 'Μόνο στο χθεσινό ματς'
    return main_verb(words) is None


def _is_setting(chunk: str) -> bool:
    """A short opening place: 'Στη Θεσσαλονίκη', 'Στην Κρήτη'."""
    words = words_of(chunk)
    return (
        1 < len(words) <= 4
        and words[0].bare in _PLACE_PREPOSITIONS
        and all(w.capital for w in words[1:])
    )


def _is_person(chunk: str) -> bool:
    """A name of two or three capitalised words: 'Νίκος Αλεξίου'."""
    parts = chunk.split()
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() and p.isalpha() for p in parts)


def drop_discourse(text: str) -> str:
    """'Ειδικότερα, το ...', 'Όμως η ...' -> 'το ...', 'η ...': discourse words that tie
    the sentence to one before it mean nothing in a headline."""
    while True:
        first, _, rest = text.partition(" ")
        bare = fold(first.strip(",«"))
        if not rest or (bare not in _DISCOURSE and not (first.endswith(",") and bare in _ADVERBS)):
            break
        text = rest.lstrip(", ")
    # and inside: 'Σχολίασε ωστόσο ότι ...', 'υπενθύμισε εξάλλου ότι ...'
    return _INNER_DISCOURSE.sub("", text) if _INNER_DISCOURSE.search(text) else text


def drop_brackets(text: str) -> str:
    """Asides in brackets or between dashes: 'Οι θεσμοί (η Επιτροπή, ...) θα ...'."""
    if "(" in text or "[" in text:
        text = _BRACKETS.sub("", text)
    return _DASHES.sub("", text) if "-" in text or "–" in text else text
