"""Links shared by both interactive views: names of targets, backlinks, wiring to the state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from loosstory.ui.state.state import PENDING_ENTITY
from loosstory.ui.views.colours import ViewColours
from loosstory.ui.views.panel import pretty_target


def build_titles(story: object) -> Callable[[str], str]:
    """Target id -> what the visitor reads on a "voir aussi" button."""
    names: dict[str, str] = {}
    for chapter in getattr(story, "chapters", []) or []:
        names[chapter.id] = f"Chapitre « {chapter.title} »"
        for page in chapter.pages:
            names[f"{chapter.id}/{page.id}"] = (
                page.title if page.title != chapter.title else chapter.title)
    schematic = getattr(story, "schematic", None)
    if schematic is not None:
        for element in schematic.elements:
            names[element.id] = f"{element.label} (la maison du code source)"
    timeline = getattr(story, "timeline", None)
    if timeline is not None:
        for period in timeline.periods:
            names[period.id] = f"{period.title} ({period.years})"
        for event in timeline.events:
            names[event.id] = f"{event.date_label} : {event.title}"
    return lambda target: names.get(target, pretty_target(target))


def build_related(story: object) -> dict[str, list[str]]:
    """Backlinks: for each id, whatever links to it (pages, elements, events, periods), so
    every panel and card shows its "voir aussi" in both directions."""
    related: dict[str, list[str]] = {}

    def add(source: str, target: str) -> None:
        if source != target:
            related.setdefault(target, [])
            if source not in related[target]:
                related[target].append(source)

    for chapter in getattr(story, "chapters", []) or []:
        for page in chapter.pages:
            for link in page.links:
                add(page.ref, link.target)
    schematic = getattr(story, "schematic", None)
    if schematic is not None:
        for element in schematic.elements:
            for target in element.links:
                add(element.id, target)
    timeline = getattr(story, "timeline", None)
    if timeline is not None:
        for item in [*timeline.periods, *timeline.events]:
            for target in item.links:
                add(item.id, target)
    return related


def view_page_ref(story: object, view_name: str) -> str:
    """The "chapter/page" that shows the view, or "" (also for a story without chapters)."""
    find = getattr(story, "view_page_ref", None)
    return find(view_name) if callable(find) else ""


class _Wiring(QObject):
    """Lives as the view's child, so its connections to the state die with the view."""

    def __init__(self, view: QWidget, state: object, page_ref: str,
                 opener: Callable[[str], bool], owns: Callable[[str], bool]) -> None:
        super().__init__(view)
        self.state = state
        self.page_ref = page_ref
        self.opener = opener
        self.owns = owns

    @Slot(str)
    def entity_requested(self, entity: str) -> None:
        if not self.owns(entity):
            return
        go = getattr(self.state, "go_to_ref", None)
        page = getattr(self.state, "page", None)
        current = getattr(page, "ref", "") if page is not None else ""
        if go is not None and self.page_ref and current != self.page_ref:
            # the page builds a new view, which opens the entity as soon as it exists
            set_pending(self.state, entity)
            go(self.page_ref)
            if take_pending(self.state) != entity:
                return
        self.opener(entity)


_PENDING = PENDING_ENTITY


def set_pending(state: object, entity: str) -> None:
    """Remember which element or event to open when the view's page is built."""
    if isinstance(state, QObject):
        state.setProperty(_PENDING, entity)


def take_pending(state: object) -> str:
    """The entity waiting to be opened ("" if none), forgotten once taken."""
    if not isinstance(state, QObject):
        return ""
    value = state.property(_PENDING) or ""
    state.setProperty(_PENDING, "")
    return str(value)


def connect_view(view: QWidget, state: object, story: object, view_name: str,
                 opener: Callable[[str], bool], owns: Callable[[str], bool]) -> None:
    """``link_activated`` -> ``state.navigate``; ``state.entity_requested`` -> open here."""
    navigate = getattr(state, "navigate", None)
    if navigate is not None:
        view.link_activated.connect(navigate)
    signal = getattr(state, "entity_requested", None)
    if signal is not None:
        wiring = _Wiring(view, state, view_page_ref(story, view_name), opener, owns)
        signal.connect(wiring.entity_requested)
    if isinstance(state, QObject):
        pending = str(state.property(_PENDING) or "")
        if pending and owns(pending):
            take_pending(state)
            # Once the view is shown and laid out at its size: opened now, during its
            # construction, the panel would cover the drawing instead of making room.
            QTimer.singleShot(0, view, lambda: opener(pending))


def placeholder(message: str, story: object, parent: QWidget | None = None) -> QWidget:
    """Shown instead of a view whose file could not be read: the rest of the story plays."""
    colours = ViewColours.from_look(getattr(story, "look", None))
    widget = QWidget(parent)
    widget.setObjectName("viewPlaceholder")
    widget.setStyleSheet(f"QWidget#viewPlaceholder {{ background: {colours.surface}; "
                         f"border: 2px dashed {colours.border}; border-radius: 12px; }}"
                         f"QLabel {{ color: {colours.ink}; font-size: 20px; "
                         "font-family: 'Atkinson Hyperlegible'; }")
    label = QLabel(message, widget)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(widget)
    layout.addWidget(label)
    widget.setAccessibleName(message)
    return widget
