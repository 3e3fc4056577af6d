"""One clean Unicode form for the text of every source file, applied where it is read.

Greek copy arrives from word processors, PDFs and web pages in many Unicode spellings
that look the same: decomposed accents, invisible characters inside words, a micro sign
for μ, Latin letters standing in for Greek ones. Headlines, slugs, tags and search would
treat each spelling as another word; :func:`normalize_text` gives them one. Every change
is invisible to a reader: the text shows exactly as it did.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]


def _ranges(chars: list[str]) -> str:
    """A regex class body for chars, with runs of consecutive code points as a-b ranges."""
    out: list[str] = []
    codes = sorted(ord(c) for c in chars)
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        out.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = code
    return "".join(out)


def _chars(ranges: list[tuple[int, int]]) -> list[str]:
    return [chr(code) for first, last in ranges for code in range(first, last + 1)]


# Greek letters used in writing for the Greek letter they stand for (as NFKC maps them),
# next to a Greek letter: «Σύµφωνα µε» typed with the MICRO SIGN, ϐ and ϑ from French
# typesetting, ϕ ϖ ϰ ϱ ϵ from TeX. Not next to a Greek letter they stay (5 µm, ϕ = 2). The
# lunate sigma ϲ is left alone: it is a deliberate letter form, and σ or ς would be a guess.
_SYMBOLS = {
    "\u00b5": "μ", "ϐ": "β", "ϑ": "θ", "ϒ": "Υ", "ϓ": "Ύ", "ϔ": "Ϋ", "ϕ": "φ",
    "ϖ": "π", "ϰ": "κ", "ϱ": "ρ", "ϴ": "Θ", "ϵ": "ε",
}  # fmt: skip
_SYMBOL_TABLE = str.maketrans(_SYMBOLS)
_GREEK = [  # Greek letters proper (no Coptic, no symbol forms)
    chr(code)
    for code in [*range(0x370, 0x400), *range(0x1F00, 0x2000)]
    if unicodedata.category(chr(code)).startswith("L")
    and unicodedata.name(chr(code), "").startswith("GREEK")
    and chr(code) not in _SYMBOLS
]
_G = _ranges(_GREEK)
_L = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"  # Latin letters (Basic Latin to Extended-B and Additional)
_M = "\u0300-\u036f"  # combining accents

# Latin letters drawn exactly like a Greek one (capitals, and o); v, i, u, k, x, p, y
# differ from ν, ι, υ, κ, χ, ρ, γ and stay.
_TWINS = dict(zip("ABEZHIKMNOPTXYo", "ΑΒΕΖΗΙΚΜΝΟΡΤΧΥο", strict=True))
_TO_GREEK = str.maketrans({**_TWINS, **_SYMBOLS})  # a word made Greek: ϐ is β there
_GREEK_TWINS = {g: latin for latin, g in _TWINS.items()}
_TO_LATIN = str.maketrans(_GREEK_TWINS)

# Characters nobody sees that split words, or that do not belong in text at all:
# - C0 and C1 controls except tab, newline and CR (line ends are the reader's business;
#   tabs stay, since Markdown indents with them); those that Python counts as white space
#   (VT, FF, FS to US, NEL) become a space, as they already split words and lines;
# - every format (Cf) character: soft hyphen, zero-width space and (non-)joiner, word
#   joiner, BOM, invisible operators, Arabic and Egyptian format marks, and the
#   bidirectional marks, embeddings, overrides and isolates. A Greek page reads left to
#   right and the Unicode bidi algorithm places an Arabic or Hebrew name correctly without
#   them; pasted from the web they only split words, and an override can make text show
#   otherwise than it reads. Two uses are kept: the zero-width joiner between two
#   non-letters (emoji sequences such as 👩‍💻) and the tag characters after 🏴
#   (flags of Scotland, Wales, England).
_CONTROLS = [(0x00, 0x08), (0x0E, 0x1B), (0x7F, 0x84), (0x86, 0x9F)]
_SPACE_CONTROLS = [(0x0B, 0x0C), (0x1C, 0x1F), (0x85, 0x85)]
_FORMAT = [
    (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
    (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200C), (0x200E, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
]  # fmt: skip
_JOINER = "\u200d"
_TAG_CHARS = frozenset(_chars([(0xE0020, 0xE007F)]))
# Noncharacters (U+FDD0-U+FDEF and the last two of every plane): XML forbids U+FFFE and
# U+FFFF in a feed, and none of them is text.
_NONCHARACTERS = [(0xFDD0, 0xFDEF)] + [
    (n * 0x10000 + 0xFFFE, n * 0x10000 + 0xFFFF) for n in range(17)
]
_DROP = frozenset(_chars(_CONTROLS + _FORMAT + _NONCHARACTERS))
# What no page or feed may carry (controls but tab and newline, noncharacters): the
# author is told where, since the reader sees the text without them.
FORBIDDEN = re.compile(f"[{_ranges(list(_chars(_CONTROLS + _SPACE_CONTROLS + _NONCHARACTERS)))}]")
_SPACE_SET = frozenset(_chars(_SPACE_CONTROLS))
_TAG_RUN = re.compile(f"[{_ranges(list(_TAG_CHARS))}]+")
_JOINER_RUN = re.compile(f"{_JOINER}+")
_SYMBOL_RUN = re.compile(f"[{''.join(_SYMBOLS)}]+")

# A Latin letter next to a Greek one (across accents): a word that mixes the two scripts.
_MIXED_TAIL = f"(?:(?<=[{_G}][{_L}])|(?<=[{_G}][{_M}][{_L}])|(?=[{_M}]*[{_G}]))"
_MIXED = re.compile(f"[{_L}]{_MIXED_TAIL}")
# The fast check for text with nothing to change: one scan over common characters that
# are in NFC whatever follows them and never odd (ASCII but Latin letters, Latin-1
# punctuation but the soft hyphen and µ, monotonic Greek but the ano teleia, general
# punctuation, spaces and currency signs but the format characters and the singletons
# U+2000, U+2001), stopping at each Latin word to check that no Greek letter touches it.
_CLEAN = (
    "\t\n\r -@\\[-`{-~\u00a0-\u00ac\u00ae-\u00b4\u00b6-\u00bf\u00d7\u00f7"
    "\u0384-\u0386\u0388-\u038a\u038c\u038e-\u03a1\u03a3-\u03ce"
    "\u2002-\u200a\u2010-\u2027\u202f-\u205f\u20a0-\u20bf\u2116\u2122"
)
_CLEAN_RUN = re.compile(f"[{_CLEAN}]*")
_ASCII_WORD = re.compile("[A-Za-z]+")
_GREEK_LETTERS = frozenset(_GREEK)
_MAX_LATIN_WORDS = 64  # beyond this many, the regex passes are quicker than this loop
# Otherwise one scan finds the odd characters and mixed words (beyond the BMP, where the
# regex engine is slower, a second one when the text has such characters). Each starts
# with a single class, so that the engine skips ahead to the rare candidates.
_ODD = _ranges([c for c in (*_DROP, *_SPACE_SET, _JOINER, *_SYMBOLS) if c <= "\uffff"])
_SUSPECT = re.compile(f"[{_ODD}{_L}](?:(?<=[{_ODD}])|{_MIXED_TAIL})")
_ASTRAL_ODD = re.compile("[" + _ranges([c for c in (*_DROP, *_TAG_CHARS) if c > "\uffff"]) + "]")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)  # text itself when it is (a quick check)


def _is_clean(text: str) -> bool:
    """Whether text has nothing to change, by the fast check (_CLEAN); False may be wrong."""
    end, words = len(text), 0
    pos = _CLEAN_RUN.match(text).end()
    while pos < end:
        word = _ASCII_WORD.match(text, pos)
        words += 1
        if word is None or words > _MAX_LATIN_WORDS or text[pos - 1 : pos] in _GREEK_LETTERS:
            return False
        pos = word.end()
        if text[pos : pos + 1] in _GREEK_LETTERS:
            return False
        pos = _CLEAN_RUN.match(text, pos).end()
    return True


def _script(letter: str) -> str:
    """'greek', 'latin' or 'other' for a letter, by its Unicode name."""
    name = unicodedata.name(letter, "")
    return "greek" if name.startswith("GREEK") else "latin" if name.startswith("LATIN") else "other"


def _fix_word(word: str) -> str:
    """A word of Greek and Latin letters in one script, when its look-alikes allow it.

    Greek when every Latin letter has a Greek twin (Πoύτιν, Tούρκους, and NAΤΟ: a Greek
    site writes ΝΑΤΟ and ΚΚΕ in Greek). Latin when a single Greek letter, with a Latin
    twin, slipped into a Latin word (GΟOGLE with a Greek Ο). Otherwise, or with letters of
    a third script, the word stays as it is (ΕΡΤflix: its Ρ is not a P). Accented twins
    follow, compared decomposed: a Latin ó in a Greek word is ό."""
    letters = unicodedata.normalize("NFD", word)
    greek = 0
    greek_only = latin_only = False
    for c in letters:
        if unicodedata.combining(c):
            continue
        script = _script(c)
        if script == "other":
            return word
        if script == "greek":
            greek += 1
            greek_only = greek_only or c not in _GREEK_TWINS
        else:
            latin_only = latin_only or c not in _TWINS
    if not latin_only:
        table = _TO_GREEK
    elif not greek_only and greek == 1:
        table = _TO_LATIN
    else:
        return word
    return unicodedata.normalize("NFC", letters.translate(table))


def _is_word_char(c: str) -> bool:
    return c.isalpha() or unicodedata.combining(c) > 0


def _fix_mixed_words(text: str) -> str:
    """Every word (run of letters) with Greek and Latin letters side by side, fixed."""
    out: list[str] = []
    last = 0
    for match in _MIXED.finditer(text):
        start, end = match.start(), match.end()
        if start < last:
            continue  # a later pair in a word already fixed
        while start > last and _is_word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        out += [text[last:start], _fix_word(text[start:end])]
        last = end
    return "".join(out) + text[last:] if out else text


def _odd_characters(text: str) -> set[str]:
    """The odd characters of text, and the Latin letters that touch a Greek one."""
    found = {match.group() for match in _SUSPECT.finditer(text)}
    if len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text):  # beyond the BMP
        found.update(_ASTRAL_ODD.findall(text))
    return found


def _flag_tags(match: re.Match[str]) -> str:
    return match.group() if match.string[match.start() - 1 : match.start()] == "🏴" else ""


def _emoji_joiners(match: re.Match[str]) -> str:
    """Joiners kept between non-letters; a letter's accents count as the letter."""
    text, start = match.string, match.start()
    while start and unicodedata.combining(text[start - 1]):
        start -= 1
    near = text[start - 1 : start] + text[match.end() : match.end() + 1]
    return "" if any(c.isalnum() or c == "_" for c in near) else match.group()


def _greek_symbols(match: re.Match[str]) -> str:
    before, after = match.string[match.start() - 1 : match.start()], match.string[match.end() :][:1]
    near_greek = before in _GREEK_LETTERS or after in _GREEK_LETTERS
    return match.group().translate(_SYMBOL_TABLE) if near_greek else match.group()


def normalize_text(text: str) -> str:
    """Text in NFC, without invisible and control characters, Greek words in Greek letters.

    1. NFC (canonical composition: a decomposed ά is one character, ; for the Greek
       question mark; nothing changes how the text looks).
    2. Format characters and controls removed (see _FORMAT), white-space controls made a
       space; NFC again, as a removal can bring an accent next to its letter.
    3. µ ϐ ϑ ϕ ϖ ϰ ϱ ϵ ϒ ϴ next to a Greek letter become μ β θ φ π κ ρ ε Υ Θ.
    4. A word mixing Greek and Latin look-alike letters is written in one script
       (Tούρκους with a Latin T is Τούρκους); see _fix_word. Words in one script, Latin
       ones included, stay as they are.

    Text that is already clean is returned as it is, after one fast scan."""
    if _is_clean(text):
        return text
    text = _nfc(text)
    found = _odd_characters(text)
    if not found:
        return text
    for c in found & _DROP:
        text = text.replace(c, "")
    if found & _TAG_CHARS:
        text = _TAG_RUN.sub(_flag_tags, text)
    text = _nfc(text)  # an accent may have come next to its letter, a joiner to a letter
    while _JOINER in found and text != (joined := _nfc(_JOINER_RUN.sub(_emoji_joiners, text))):
        text = joined  # again: with a joiner gone, an accent may make a letter of the next
    for c in found & _SPACE_SET:
        text = text.replace(c, " ")
    if not found.isdisjoint(_SYMBOLS):
        text = _SYMBOL_RUN.sub(_greek_symbols, text)
    return _fix_mixed_words(text)
