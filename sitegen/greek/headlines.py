"""Headlines and summaries derived from a news lead, by the rules of Greek news style.

A headline is the lead's main clause, shortened the way a news desk shortens: the
subject, the finite verb and what follows it, without opening phrases, discourse words,
appositions, asides in brackets or dashes, time words and subordinate clauses, cut at the
end of a clause or a phrase so that it fits; a quote-first lead becomes `X: «…»`. A lead
whose first sentence has no main clause (a form of address) gives the next one that has.
An ellipsis only when no cut leaves a grammatical phrase that fits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.greek.clauses import (
    Word,
    analysed,
    is_finite_verb,
)
from sitegen.greek.cutting import balanced, best_cut, cut_at_word, shorten, trim_end
from sitegen.greek.pruning import (
    MIN_CLAUSE,
    ROOM_AFTER_VERB,
    drop_aside,
    drop_brackets,
    drop_discourse,
    drop_time_words,
    subject_and_predicate,
    verb_within_reach,
    without_attribution,
    without_participle,
)
from sitegen.greek.text import LETTER, sentences, upper_first

HEADLINE_MAX = 90
SUMMARY_MAX = 160

_QUOTE_ROOM = 45  # the least room a quote should have beside its speaker
_SENTENCES_TRIED = 3  # a lead's main clause is in its first sentences, or nowhere
# a sentence end that the splitter let through: '...χιλιόμετρα. γ) Ο', '...αγοραστούν;Σε'
_INNER_END = re.compile(rf"[.;!](?<={LETTER}{{4}}[.;!])(?=\s*\w\)|\s*«?[Α-ΩΆ-Ώ])")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[α-ωa-z][)]|[-–•])\s+")
_QUOTE_LEAD = re.compile(
    r"^«(?P<quote>[^«»]+)»,?\s+(?P<verb>\w+)(?:\s+\w+)?\s+(?:ο|η|οι)\s+(?P<rest>.+)$"
)
_SPEAKER_END = re.compile(
    r",|\s(?:στον|στη|στην|στο|στους|σε|κατά|για|με|από|μετά|ενώ|όταν)\s"
    r"|\s\w+(?:όμενος|όμενη|ώντας|οντας)\s"  # a participle starts the speaker's action
)
_WORD = re.compile(r"\S+")


def _quote_headline(sentence: str, limit: int) -> str | None:
    """'«Quote», δήλωσε ο Πούτιν ...' -> 'Πούτιν: «Quote»', the quote cut to fit."""
    match = _QUOTE_LEAD.match(sentence.rstrip("."))
    if not match:
        return None
    rest = match.group("rest")
    end = _SPEAKER_END.search(" " + rest + " ")
    speaker = upper_first((rest[: end.start() - 1] if end else rest).strip())
    if limit - len(speaker) - 4 < _QUOTE_ROOM:
        # 'ο καθηγητής ... του Πανεπιστημίου ΜΙΤ Τζόσουα Τενενμπάουμ': the name is enough
        name = speaker.split()[-2:]
        if all(w[:1].isupper() and not w.isupper() for w in name):
            speaker = " ".join(name)
    room = limit - len(speaker) - 4
    if not speaker or room < MIN_CLAUSE:
        return None
    quote = shorten(match.group("quote").rstrip("."), room).rstrip("»")
    return f"{speaker}: «{quote}»"


def headline(first_paragraph: str, limit: int = HEADLINE_MAX) -> str:
    """A headline from the lead (the first paragraph) of a news article."""
    found = sentences(first_paragraph)
    if not found:
        return ""
    quoted = _quote_headline(found[0], limit)
    if quoted:
        return balanced(quoted)
    for sentence in found[:_SENTENCES_TRIED]:
        made, keep = main_clause(sentence, limit)
        if made:
            return balanced(made)
        if keep:
            break  # the lead's own sentence, too hard to cut well, beats a later one
    # no main clause that fits: the first sentence as it stands, shortened
    text = drop_discourse(_first_sentence(found[0].rstrip(".…").strip()))
    return balanced(shorten(upper_first(drop_time_words(drop_aside(text))), limit))


def main_clause(sentence: str, limit: int = HEADLINE_MAX) -> tuple[str | None, bool]:
    """(headline, keep to this sentence): the sentence's main clause cut to fit in limit;
    no headline when it has no finite verb outside subordinate clauses or no cut fits.
    The flag says the sentence still beats a later one (its verb is in a quote, say)."""
    ending = sentence.rstrip()[-1:] if sentence.rstrip()[-1:] in ";!" else ""
    text = _LIST_MARK.sub("", sentence.rstrip(".…;! ").lstrip("»”) "))  # '8. Ενημερώθηκαν'
    text = drop_discourse(drop_brackets(text))
    text = drop_time_words(drop_aside(text))
    words, verb = analysed(text)
    if verb is None and text.startswith("«") and "»" not in text[:-1]:
        made, _ = main_clause(text[1:].rstrip("»"), limit - 2)  # all one quote
        return (f"«{made.rstrip('…')}»" if made else None), True
    if verb is None:
        # 'Για τον Παπανδρέου, «η συμφωνία αποτελεί αφετηρία»': the quote holds the verb
        return None, any(w.depth and is_finite_verb(w.bare) for w in words)
    if _is_attribution(words, verb):
        # '«Θα έχουμε πρόταση», είπε χαρακτηριστικά': the quote is the news
        return _quoted_clause(text, limit), True
    said = _speaker_and_quote(text, words, verb, limit)
    if said:
        return said, True  # 'ο κ. Τζανακόπουλος τόνισε ότι «...»' -> 'Τζανακόπουλος: «...»'
    text = without_participle(without_attribution(subject_and_predicate(text, words, verb)))
    text = upper_first(text[3:] if text.startswith("κ. ") else text)  # no 'Κ.' from 'κ.'
    text = _first_sentence(text)
    if len(text) <= limit:
        return trim_end(text) + ending, True
    words, verb = analysed(text)
    if verb is None:
        return None, True
    if words[verb].end > limit - ROOM_AFTER_VERB:
        text = verb_within_reach(text, words, verb, limit)
        words, verb = analysed(text)
        if verb is None:
            return None, True
        if len(text) <= limit:
            return trim_end(text) + ending, True
    cut = best_cut(text, words, verb, limit)
    if cut:
        return trim_end(text[:cut]), True
    if words[verb].end <= limit - 2:
        return cut_at_word(text, limit), True  # nothing shorter is faithful: an ellipsis
    return None, False  # the verb is out of reach: a later sentence may do better


def _first_sentence(text: str) -> str:
    """The text up to a sentence end the splitter let through ('χιλιόμετρα. γ) Ο ...')."""
    match = _INNER_END.search(text)
    return text[: match.start() + (1 if match.group()[0] == ";" else 0)] if match else text


def _speaker_and_quote(text: str, words: Sequence[Word], verb: int, limit: int) -> str | None:
    """'X τόνισε ότι «...»' -> 'X: «...»', the speaker the name right before the verb."""
    if verb + 2 >= len(words) or words[verb + 1].bare not in ("οτι", "πωσ"):
        return None
    quote = text[words[verb + 1].end :].strip()
    if not quote.startswith("«") or quote.count("»") == 0:
        return None
    names: list[str] = []
    for word in reversed(words[:verb]):
        if not word.capital or word.depth or not word.text.isalpha():
            break
        names.insert(0, word.text)
    before = [w.bare for w in words[: verb - len(names)]][-2:]
    if not names or len(names) > 3 or any(w in ("του", "τησ", "των") for w in before):
        return None  # the speaker is named in the nominative: not 'του κ. Πλουμπίδη'
    speaker = text[words[verb - len(names)].start : words[verb - 1].end]  # 'Π. Τρόντζας'
    inner = _first_sentence(quote[1 : quote.index("»")]).rstrip(".,")
    made = shorten(upper_first(inner), limit - len(speaker) - 4).rstrip("»")
    return None if made.endswith("…") else f"{speaker}: «{made}»"


def _is_attribution(words: Sequence[Word], verb: int) -> bool:
    """Is the main clause only a verb of saying after a quote, with no speaker named?"""
    last = len(words) - 1
    return words[0].depth > 0 and (verb == last or (verb == last - 1 and not words[-1].capital))


def _quoted_clause(text: str, limit: int) -> str | None:
    """The quote that opens a sentence, as the headline, cut to fit."""
    end = text.find("»")
    if not text.startswith("«") or end < 0:
        return None
    quote = text[1:end].rstrip(".,")
    made = shorten(quote, limit - 2).rstrip("»")
    return None if made.endswith("…") else f"«{made}»"


def summary(paragraphs: list[str], limit: int = SUMMARY_MAX) -> str:
    """Whole sentences from the start, up to limit characters (the first one cut if longer)."""
    chosen: list[str] = []
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if len(" ".join([*chosen, sentence])) > limit:
                return " ".join(chosen) if chosen else cut_at_word(sentence, limit)
            chosen.append(sentence)
    return " ".join(chosen)
