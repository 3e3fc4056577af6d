"""Greek clauses without a parser model, for headlines: the words of a sentence, finite
verbs told by their endings, the words that open a subordinate clause, and the main verb.

Greek finite verbs have distinctive endings (-ει, -ουν, -ηκε, -εται, -ονται, a past in
-ε or -αν); nouns and adjectives rarely share them, and the few adverbs and numerals
that do are listed. A subordinator (που, ότι, όταν, ενώ, ...) takes the next finite
verb for its own clause, so the main verb is the first one no subordinator claimed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from sitegen.greek.lexicon import Lexicon
from sitegen.greek.text import FUNCTION_WORDS, fold

_LEXICON = Lexicon()  # word frequencies, loaded on the first look-up

# Folded endings of finite verbs, longest first where one ends another.
_VERB_ENDINGS = (
    "ομαστε",
    "ουνται",
    "ιουνται",
    "ονται",
    "οντουσαν",
    "ονταν",
    "οταν",
    "ειται",
    "ιεται",
    "ωνται",
    "αται",
    "εται",
    "ομαι",
    "εσαι",
    "εστε",
    "ηκαν",
    "ηκε",
    "ηκα",
    "ουμε",
    "ουνε",
    "ουν",
    "ετε",
    "ατε",
    "αμε",
    "ανε",
    "αει",
    "εις",
    "ει",
    "αν",
    "ε",
    "ω",
)
# Lower-case words with a verb's ending that are no verbs: adverbs, numerals, nouns.
_NOT_VERBS = frozenset(
    (
        "τοτε ποτε ουτε ωστε μητε καποτε οποτε πεντε αποψε τιποτε ποτε σαν παν εκει "
        "εντασει εντουτοισ κατω πανω εξω πισω μεσω λογω ανω εμπροσ μπλε καφε ρε ντε "
        "οταν εναν μιαν καν ιδεαν ισωσ ηδη αριστερα δεξια εντελει ενδεκα δωδεκα "
        "οπουδηποτε οτιδηποτε οποιαδηποτε οποτεδηποτε πουθενα ενταξει χωρισ "
        "μπροστα κοντα καλα πολλα ξανα μαζι φορα σειρα χαρα "
        "κυριε αγαπητε φιλε θεε αξιοτιμε σεβαστε εντιμοτατε"  # forms of address
    ).split()
)
_NOT_VERB_ENDINGS = ("δηποτε", "ποτε", "πανω", "κατω", "μεσω", "λογω", "εξω", "πισω")
# Forms of έχω that, before another verb form, make one perfect tense with it.
_HAVE = frozenset("εχω εχεισ εχει εχουμε εχετε εχουν ειχα ειχεσ ειχε ειχαμε ειχατε ειχαν".split())
# Words after which the next finite verb belongs to a subordinate clause (folded).
SUBORDINATORS = frozenset(
    (
        "που οτι πωσ αν εαν οταν ενω καθωσ αφου επειδη διοτι ωστε προκειμενου μολονοτι "
        "παροτι οπωσ οπου να εφοσον οσο γιατι"
    ).split()
)
# Question words spelt like subordinators but for their accent: Πώς σχολιάζετε; Πού πάτε;
_QUESTIONS = frozenset(["Πώς", "πώς", "Πού", "πού"])
# Adverbs that open a clause only when a verb follows: 'μόλις έφτασε', not 'μόλις χθες'.
_WHEN_A_VERB_FOLLOWS = frozenset(["μολισ", "πριν"])
RELATIVE = re.compile("^οποι(?:οσ|ου|ο|ον|α|ασ|ων|οι|εσ|ουσ)$")
# Words that open a phrase: a cut just before one leaves the phrase before it whole.
PREPOSITIONS = frozenset(
    (
        "σε στο στη στην στον στα στουσ στισ στου με για απο κατα μετα προσ χωρισ μεσω "
        "εωσ μεχρι λογω εναντιον ενατια υπερ παρα ωσ αντι εκτοσ εντοσ υστερα βασει"
    ).split()
)
# Words that open a phrase with a preposition: κάτω από, μέσα στον, πριν από, σχετικά με.
PREPOSITION_HEADS = frozenset(
    (
        "κατω πανω μεσα εξω γυρω διπλα κοντα μακρια πισω μπροστα πριν αναφορικα σχετικα "
        "αναλογα συμφωνα μαζι ενοψει"
    ).split()
)
_WORD = re.compile(r"\S+")
_MARKS = re.compile("[«»()“”]")
_new = tuple.__new__  # a Word without NamedTuple's keyword handling: words_of makes many
_PUNCTUATION = "«»\"“”'’,.;:·!()[]–-…"


class Word(NamedTuple):
    """A word of a sentence: where it starts and ends, its folded bare form, and how deep
    in «» or () it stands."""

    start: int
    end: int
    bare: str
    depth: int
    capital: bool
    text: str  # as written, without punctuation
    comma: bool  # a comma follows it


@lru_cache(maxsize=1 << 12)
def words_of(text: str) -> tuple[Word, ...]:
    """The words of a sentence with their positions and nesting in quotes and brackets
    (kept: a headline looks at the same sentence several times)."""
    out: list[Word] = []
    depth = 0
    for match in _WORD.finditer(text):
        raw = match.group()
        if raw.isalpha():  # the usual word: no punctuation to look at
            start, end = match.span()
            out.append(_new(Word, (start, end, fold(raw), depth, raw[0].isupper(), raw, False)))
            continue
        opening = closing = 0
        if _MARKS.search(raw):
            opening = raw.count("«") + raw.count("(") + raw.count("“")
            closing = raw.count("»") + raw.count(")") + raw.count("”")
            if opening == closing:  # «μιλάνε»: a word in quotes is still a word
                opening = closing = 0
        stripped = raw.strip(_PUNCTUATION)
        # a word that opens a quote is inside it; one that closes it still is
        inner = depth + opening if opening and raw[0] in "«(“" else depth
        out.append(
            Word(
                match.start(),
                match.end(),
                fold(stripped),
                inner,
                stripped[:1].isupper(),
                stripped,
                raw[-1] == "," or (closing > 0 and raw.rstrip("»”)").endswith(",")),
            )
        )
        if opening or closing:
            depth = max(0, depth + opening - closing)
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def is_finite_verb(bare: str) -> bool:
    """Does a folded word look like a finite Greek verb (πρόσθεσε, ανακοίνωσαν, είναι)?"""
    if len(bare) < 3 or not bare.isalpha() or bare in FUNCTION_WORDS or bare in _NOT_VERBS:
        return False
    if bare in ("ειναι", "ειμαι", "εισαι", "ειμαστε", "ειστε"):
        return True
    if bare.endswith(_NOT_VERB_ENDINGS) or bare.isascii():
        return False
    return bare.endswith(_VERB_ENDINGS)


# Words bound to the verb they precede: a negation and θα/να (δεν θα έρθει), and a weak
# pronoun after one of them (δεν το είπε); a pronoun alone may be a noun's (η οικογένειά
# τους έφυγε).
_PARTICLES = frozenset("δεν δε μην μη θα να ασ".split())
_WEAK_PRONOUNS = frozenset("το τα τον την τη τουσ τισ του τησ μου σου μασ σασ".split())


def verb_start(words: Sequence[Word], verb: int) -> int:
    """Where the verb's group starts: 'δεν το είπε', 'θα ενημερώσουν'."""
    start = verb
    while start > 0 and not words[start - 1].depth:
        before = words[start - 1].bare
        if before in _PARTICLES:
            start -= 1
        elif before in _WEAK_PRONOUNS and start > 1 and words[start - 2].bare in _PARTICLES:
            start -= 2
        else:
            break
    return words[start].start


@lru_cache(maxsize=1 << 14)
def opens_clause(bare: str) -> bool:
    """Does this word open a subordinate clause (που, ότι, όταν, ο οποίος)?"""
    return bare in SUBORDINATORS or bool(RELATIVE.match(bare))


@lru_cache(maxsize=1 << 12)
def analysed(text: str) -> tuple[tuple[Word, ...], int | None]:
    """The words of a sentence and the index of its main verb (kept: a headline looks at
    the same sentence several times)."""
    words = words_of(text)
    return words, main_verb(words)


def main_verb(words: Sequence[Word]) -> int | None:
    """The index of the main clause's finite verb: the first one that no subordinator
    before it claimed (Ένα από τα πράγματα που με ενθουσιάζουν ... είναι ...). A verb
    that ends in -ά (συνιστά, αφορά) counts when its -ούν form is a common Greek word
    (συνιστούν), which few nouns in -ά have."""
    return _first_free(words, lambda word: is_finite_verb(word.bare) or _is_contracted(word))


def _first_free(words: Sequence[Word], is_verb: Callable[[Word], bool]) -> int | None:
    pending = 0  # subordinate clauses opened whose verb has not come yet
    joined = False  # 'όσο κι αν', 'ώστε να': one clause, not two
    closed = False  # a subordinate clause has had its verb since the last comma
    since = 0  # words since the last subordinator
    for i, word in enumerate(words):
        if word.depth:
            continue  # a verb inside «» or () is the quote's or the aside's
        opens = opens_clause(word.bare) and word.text not in _QUESTIONS
        since += 1
        if opens or (word.bare in _WHEN_A_VERB_FOLLOWS and _verb_next(words, i)):
            pending += not joined
            joined = True
            since = 0
        elif is_verb(word) and not (word.capital and i > 0):
            if i and words[i - 1].bare in _HAVE:
                continue  # 'είχε τεθεί', 'έχει γίνει': one verb with its auxiliary
            if not pending:
                return i
            pending -= 1
            closed = True
        if not opens and word.bare not in ("κι", "και"):
            joined = False
        if word.comma and (closed or since > 1):
            # '..., όσο κι αν γκρινιάζουν, βρίσκεται ...', 'Ο Χ, όπως και ο Υ, δήλωσε'
            pending, closed = 0, False
    return None


def _verb_next(words: Sequence[Word], i: int) -> bool:
    """Is the next word a verb or a particle of one ('μόλις έφτασε', 'πριν να φύγει')?"""
    return i + 1 < len(words) and (
        words[i + 1].bare in _PARTICLES or is_finite_verb(words[i + 1].bare)
    )


def _is_contracted(word: Word) -> bool:
    if not word.text.endswith("ά"):
        return False
    text = word.text.lower()
    return (
        len(text) > 3
        and word.bare not in _NOT_VERBS
        and _LEXICON.frequency(text[:-1] + "ούν") >= 2.0
    )
