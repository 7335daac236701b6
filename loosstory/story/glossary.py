"""The pupils' glossary (issue 18): ``<lang>/glossary.yaml`` read, checked, and its terms
marked in the pages' HTML (no Qt here).

A term is marked at its first occurrence on each page, in any of its forms, never inside a
link or a heading: ``<a class="gloss" href="glossaire:ID">form</a>``. The page screen opens
a short pop-up on such a link.
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from dataclasses import dataclass, field

from loosstory.story.located import Located
from loosstory.story.model import Problem, Story
from loosstory.story.refs import is_valid_id

GLOSSARY_FILE = "glossary.yaml"
SCHEME = "glossaire:"
TERM_KEYS = {"id", "term", "forms", "definition", "image", "alt", "credit", "sources", "see"}
_TAG = re.compile(r"(<[^>]*>)")
_APOSTROPHES = "'’"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    forms: tuple[str, ...] = ()  # every way the term is written, the term itself first
    image: str = ""
    alt: str = ""
    credit: str = ""
    sources: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    line: int = 0

    @property
    def sort_key(self) -> str:
        return fold(self.term)


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    path: str = ""
    _pattern: re.Pattern[str] | None = None
    _by_form: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)  # acronyms match in capitals only

    def term(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)

    def sorted(self) -> list[Term]:
        """A–Z, accents and case ignored."""
        return sorted(self.terms, key=lambda t: t.sort_key)

    def pattern(self) -> re.Pattern[str] | None:
        """One expression matching every form, longest first, on word boundaries."""
        if self._pattern is None and self.terms:
            forms: dict[str, str] = {}
            for term in self.terms:
                for form in term.forms:
                    forms.setdefault(_norm_form(form), term.id)
                    if _is_acronym(form):
                        self._exact.setdefault(_norm_form(form), form)
            self._by_form = forms
            alternatives = sorted(forms, key=len, reverse=True)
            body = "|".join(_form_regex(f) for f in alternatives)
            self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        return self._pattern

    def term_of(self, text: str) -> str:
        """The id of the term written ``text`` ("" if none; an acronym in lower case is
        not the acronym: "pat" is not the PAT)."""
        self.pattern()
        key = _norm_form(text)
        exact = self._exact.get(key)
        if exact is not None and exact != text:
            return ""
        return self._by_form.get(key, "")


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def fold(text: str) -> str:
    """Lower case without accents (sorting and comparing forms)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _norm_form(form: str) -> str:
    text = re.sub(r"\s+", " ", form.strip()).casefold()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "'")
    return text


def _form_regex(form: str) -> str:
    parts = []
    for char in form:
        if char == "'":
            parts.append("['’]")
        elif char == " ":
            parts.append(r"[\s\u00a0\u202f]+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def parse_glossary(located: Located, sources: dict[str, object]) -> tuple[Glossary, list[Problem]]:
    """The glossary in a parsed ``glossary.yaml`` (a ``terms:`` list, or a bare list)."""
    problems: list[Problem] = []
    glossary = Glossary(path=located.path)
    value = located.value
    base: tuple = ()
    if isinstance(value, dict):
        value, base = value.get("terms"), ("terms",)
    if not isinstance(value, list):
        problems.append(located.problem(base, "error",
                                        "le glossaire doit être une liste « terms: » de termes "
                                        "(id, term, forms, definition)"))
        return glossary, problems
    seen: dict[str, int] = {}
    owner: dict[str, str] = {}
    for index, item in enumerate(value):
        keys = (*base, index)
        line = located.where(*keys)[0]
        if not isinstance(item, dict):
            problems.append(located.problem(keys, "error",
                                            "chaque terme est un bloc avec id, term et definition"))
            continue
        for key in item:
            if key not in TERM_KEYS:
                problems.append(located.problem((*keys, key), "warning",
                                                f"clé « {key} » inconnue dans un terme (connues : "
                                                + ", ".join(sorted(TERM_KEYS)) + ")"))
        term_id = str(item.get("id") or "")
        text = str(item.get("term") or "").strip()
        definition = str(item.get("definition") or "").strip()
        if not is_valid_id(term_id):
            problems.append(located.problem((*keys, "id"), "error",
                                            f"identifiant de terme « {term_id} » absent ou invalide "
                                            ": minuscules sans accent, chiffres et tirets"))
            continue
        if term_id in seen:
            problems.append(located.problem((*keys, "id"), "error",
                                            f"terme « {term_id} » déjà défini ligne "
                                            f"{seen[term_id]} : un identifiant par terme"))
            continue
        seen[term_id] = line
        if not text or not definition:
            problems.append(located.problem(keys, "error",
                                            f"terme « {term_id} » sans « term » ou sans "
                                            "« definition » : écrivez les deux"))
            continue
        raw_forms = item.get("forms") or []
        if not isinstance(raw_forms, list):
            raw_forms = [raw_forms]
        forms: list[str] = []
        for form in [text, *[str(f) for f in raw_forms]]:
            if form.strip() and _norm_form(form) not in map(_norm_form, forms):
                forms.append(form.strip())
        for form in forms:
            other = owner.get(_norm_form(form))
            if other is not None and other != term_id:
                problems.append(located.problem((*keys, "forms"), "error",
                                                f"la forme « {form} » appartient déjà au terme "
                                                f"« {other} » : une forme ne désigne qu’un terme"))
            else:
                owner[_norm_form(form)] = term_id
        keys_list = _strings(item.get("sources"))
        for key in keys_list:
            if key not in sources:
                problems.append(located.problem((*keys, "sources"), "error",
                                                f"source « {key} » inconnue : ajoutez-la à "
                                                "sources.yaml ou corrigez la clé"))
        image = str(item.get("image") or "")
        alt, credit = str(item.get("alt") or ""), str(item.get("credit") or "")
        if image and (not alt or not credit):
            problems.append(located.problem((*keys, "image"), "error",
                                            f"image du terme « {term_id} » sans « alt » ou sans "
                                            "« credit » : écrivez les deux"))
        glossary.terms.append(Term(term_id, text, definition, tuple(forms), image, alt, credit,
                                   tuple(keys_list), tuple(_strings(item.get("see"))), line))
    known = {t.id for t in glossary.terms}
    for term in glossary.terms:
        for ref in term.see:
            if ref not in known:
                problems.append(Problem(located.path, term.line, 1, "error",
                                        f"le terme « {term.id} » renvoie à « {ref} », qui "
                                        "n’est pas dans le glossaire"))
    return glossary, problems


def _strings(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def mark_terms(html: str, glossary: Glossary, used: set[str] | None = None) -> tuple[str, set[str]]:
    """``html`` with the first occurrence of each term wrapped in a glossary link; the ids
    of the terms marked. ``used`` (terms already marked on this page) is extended."""
    pattern = glossary.pattern()
    marked: set[str] = set() if used is None else used
    if pattern is None or not html:
        return html, marked
    parts = _TAG.split(html)
    blocked = 0  # inside <a>, <h1-6>, <code>
    for index, part in enumerate(parts):
        if index % 2:
            name = part.strip("</> ").split(" ")[0].lower()
            if name in ("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"):
                blocked += -1 if part.startswith("</") else 1
                blocked = max(blocked, 0)
            continue
        if blocked or not part:
            continue
        parts[index] = _mark_text(part, glossary, pattern, marked)
    return "".join(parts), marked


def _mark_text(text: str, glossary: Glossary, pattern: re.Pattern[str], marked: set[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        term_id = glossary.term_of(htmllib.unescape(match.group(0)))
        if not term_id or term_id in marked:
            return match.group(0)
        marked.add(term_id)
        return f'<a class="gloss" href="{SCHEME}{term_id}">{match.group(0)}</a>'

    return pattern.sub(replace, text)


def glossary_target(url: str) -> str:
    """The term id of a ``glossaire:ID`` link, or ""."""
    return url[len(SCHEME):] if url.startswith(SCHEME) else ""


def apply_glossary(story: Story, glossary: Glossary, problems: list[Problem]) -> None:
    """Mark the terms in every page, and in the house's and timeline's panel texts; warn
    about terms no text uses."""
    used: set[str] = set()
    for chapter in story.chapters:
        for page in chapter.pages:
            if page.kind == "sources":
                continue
            page.html, found = mark_terms(page.html, glossary)
            page.terms = sorted(found)
            used |= found
            for level, html in page.levels.items():  # each reading level on its own
                page.levels[level], marked = mark_terms(html, glossary)
                used |= marked
    schematic = story.schematic
    if schematic is not None:
        for element in schematic.elements:
            element.detail_html, found = mark_terms(element.detail_html, glossary)
            used |= found
    timeline = story.timeline
    if timeline is not None:
        for event in timeline.events:
            event.text_html, found = mark_terms(event.text_html, glossary)
            used |= found
    for term in glossary.terms:
        if term.id not in used:
            problems.append(Problem(glossary.path, term.line, 1, "warning",
                                    f"terme « {term.term} » ({term.id}) utilisé par aucune page "
                                    "ni aucun panneau : ajoutez une forme (forms) ou retirez-le",
                                    blocking=False))
    story.glossary = glossary


def load_glossary(story: Story, lang_dir, language: str, problems: list[Problem]) -> None:
    """Read ``<lang>/glossary.yaml`` when present and mark its terms in the story."""
    import os

    from loosstory.story.files import read_text
    from loosstory.story.typography import french_spacing
    from loosstory.story.yamlsource import load_located

    file = lang_dir / GLOSSARY_FILE
    if not os.path.lexists(file):
        return
    rel = f"{language}/{GLOSSARY_FILE}"
    text, problem = read_text(file, rel, lang_dir.parent)
    if problem:
        problems.append(problem)
        return
    located, problem = load_located(text or "", rel)
    if problem or located is None:
        problems.extend([problem] if problem else [])
        return
    glossary, found = parse_glossary(located, story.sources)
    problems.extend(found)
    if language == "fr":
        glossary.terms = [Term(t.id, french_spacing(t.term), french_spacing(t.definition),
                               t.forms, t.image, french_spacing(t.alt), t.credit, t.sources,
                               t.see, t.line) for t in glossary.terms]
    apply_glossary(story, glossary, problems)
