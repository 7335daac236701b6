"""Reading levels (issue 18): a page's *facile* and *approfondi* versions beside its
standard text, and how readable each is (no Qt here).

Written as callout blocks placed IMMEDIATELY after the page's ``## Title {#id}`` line
(blank lines aside), before the standard text::

    ## La crise {#crise}

    > [!facile]
    > Dans les années 1980, les mines ferment.
    > Beaucoup d’habitants perdent leur travail.

    > [!approfondi]
    > …

    Le texte du client, gardé mot pour mot (le niveau standard).

Readability (French): sentence length, long words, and the Kandel–Moles score
(207 − 1.015 × words per sentence − 73.6 × syllables per word, the French adaptation of
Flesch; 60 and more reads easily). Syllables are counted by vowel groups with French rules
(a silent final « e », « es », « ent » of verbs), close enough to pyphen's for a score and
without a new dependency.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

LEVELS = ("facile", "standard", "approfondi")
_MARKER = re.compile(r"^\s*>\s*\[!\s*(?P<name>[\wéè]+)\s*\]\s*$", re.IGNORECASE)
_QUOTE = re.compile(r"^\s*>\s?(?P<text>.*)$")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)*|\d[\d\s\u00a0\u202f,.]*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ö«“\"0-9])")
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"

# what a *facile* text keeps to (the easy-to-read rules)
MAX_WORDS = 15
LONG_WORD_SYLLABLES = 4
MAX_LONG_WORD_SHARE = 0.15
MIN_KANDEL_MOLES = 60.0


@dataclass(frozen=True)
class LevelText:
    level: str
    markdown: str
    line: int  # the marker's line
    lines: tuple[tuple[int, str], ...]  # (line, text) of its content


def split_levels(body: list[tuple[int, str]], report: Callable[..., None]
                 ) -> tuple[list[tuple[int, str]], dict[str, LevelText]]:
    """Take the level blocks off the top of a page's body lines."""
    levels: dict[str, LevelText] = {}
    index = 0
    while index < len(body):
        number, text = body[index]
        if not text.strip():
            index += 1
            continue
        match = _MARKER.match(text)
        if match is None or match.group("name").lower() not in ("facile", "approfondi"):
            break
        name = match.group("name").lower()
        content: list[tuple[int, str]] = []
        index += 1
        while index < len(body):
            quoted = _QUOTE.match(body[index][1])
            if quoted is None or _MARKER.match(body[index][1]):
                break
            content.append((body[index][0], quoted.group("text")))
            index += 1
        if name in levels:
            report(number, 1, "error", f"deux versions « {name} » pour cette page : gardez-en une")
        elif not any(t.strip() for _, t in content):
            report(number, 1, "error", f"version « {name} » vide : écrivez son texte sur les "
                                       "lignes suivantes, chacune commençant par « > »")
        else:
            levels[name] = LevelText(name, "\n".join(t for _, t in content), number,
                                     tuple(content))
    rest = body[index:]
    for number, text in rest:  # a level block further down is not read: say so
        match = _MARKER.match(text)
        if match and match.group("name").lower() in ("facile", "approfondi"):
            report(number, 1, "warning",
                   f"bloc « [!{match.group('name')}] » ignoré : placez les niveaux de lecture "
                   "juste après le titre de la page, avant le texte")
    return rest, levels


# -- measuring -----------------------------------------------------------------------------
def syllables(word: str) -> int:
    """French syllables of ``word`` (written, as a reader says it slowly)."""
    w = word.lower().replace("’", "'").split("'")[-1]
    if not w:
        return 0
    if len(w) > 3 and w.endswith("ent") and not w.endswith(("ment", "ient")):
        w = w[:-3]  # « ils mangent »: the verb ending is silent (not « moment »)
    elif len(w) > 2 and w.endswith("es"):
        w = w[:-2]
    elif len(w) > 2 and w.endswith("e"):
        w = w[:-1]
    groups = 0
    previous = False
    for char in w:
        vowel = char in _VOWELS
        if vowel and not previous:
            groups += 1
        previous = vowel
    return max(1, groups)


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if not w[0].isdigit()]


def sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text).strip()
    return [s for s in _SENTENCE_END.split(flat) if words(s)]


@dataclass(frozen=True)
class Measure:
    sentences: int
    words: int
    longest: int  # words in its longest sentence
    long_words: int  # words of LONG_WORD_SYLLABLES syllables or more
    kandel_moles: float

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def measure(text: str) -> Measure:
    plain = _plain(text)
    found = sentences(plain)
    all_words = words(plain)
    if not all_words:
        return Measure(0, 0, 0, 0, 0.0)
    counts = [syllables(w) for w in all_words]
    per_sentence = len(all_words) / max(1, len(found))
    score = 207 - 1.015 * per_sentence - 73.6 * (sum(counts) / len(all_words))
    return Measure(len(found), len(all_words), max(len(words(s)) for s in found),
                   sum(1 for c in counts if c >= LONG_WORD_SYLLABLES), round(score, 1))


def _plain(markdown_text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?", " ", markdown_text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]", "", text)
    # a list item or a title line ends a sentence as a full stop would
    return re.sub(r"\n\s*(?:[-+]|\d+\.)\s+", ". ", text)


def check_easy(level: LevelText, french: bool = True) -> list[tuple[int, str]]:
    """(line, message) for each way a *facile* text breaks the easy-to-read rules (the
    Kandel–Moles score is French: other languages get the other rules)."""
    found: list[tuple[int, str]] = []
    for number, line in level.lines:
        plain = _plain(line)
        for sentence in sentences(plain):
            count = len(words(sentence))
            if count > MAX_WORDS:
                found.append((number, f"phrase de {count} mots dans la version facile "
                                      f"(au plus {MAX_WORDS}) : « {sentence[:60]}… » — "
                                      "coupez-la en deux idées"))
        if "%" in plain:
            found.append((number, "pourcentage dans la version facile : écrivez « la moitié », "
                                  "« presque tous »… plutôt qu’un nombre en %"))
        acronyms = [w for w in words(plain) if len(w) >= 2 and w.isupper()]
        if acronyms:
            found.append((number, f"abréviation « {acronyms[0]} » dans la version facile : "
                                  "écrivez le nom en entier ou expliquez-le"))
    result = measure(level.markdown)
    if result.words >= 20:
        if french and result.kandel_moles < MIN_KANDEL_MOLES:
            found.append((level.line, f"version facile difficile à lire : score de "
                                      f"Kandel–Moles {result.kandel_moles:.0f} (visez "
                                      f"{MIN_KANDEL_MOLES:.0f} ou plus : phrases plus courtes, "
                                      "mots plus simples)"))
        if french and result.long_words / result.words > MAX_LONG_WORD_SHARE:
            found.append((level.line, f"{result.long_words} mots longs (4 syllabes ou plus) sur "
                                      f"{result.words} dans la version facile : préférez des "
                                      "mots courants"))
    return found
