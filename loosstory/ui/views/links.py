"""Links shared by both interactive views: names of targets, backlinks, wiring to the state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from loosstory.story.model import Story
from loosstory.ui.look.theme import BODY_FAMILY
from loosstory.ui.state import ReaderState
from loosstory.ui.views.colours import ViewColours
from loosstory.ui.views.interactive import InteractiveView
from loosstory.ui.views.panel import pretty_target


def build_titles(story: Story) -> Callable[[str], str]:
    """Target id -> what the visitor reads on a "voir aussi" button."""
    names: dict[str, str] = {}
    for chapter in story.chapters:
        names[chapter.id] = QCoreApplication.translate("ViewLinks", "Chapitre « %1 »").replace("%1", chapter.title)
        for page in chapter.pages:
            names[f"{chapter.id}/{page.id}"] = (
                page.title if page.title != chapter.title else chapter.title)
    schematic = story.schematic
    if schematic is not None:
        for element in schematic.elements:
            names[element.id] = f"{element.label} (la maison du code source)"
    timeline = story.timeline
    if timeline is not None:
        for period in timeline.periods:
            names[period.id] = f"{period.title} ({period.years})"
        for event in timeline.events:
            names[event.id] = f"{event.date_label} : {event.title}"
    return lambda target: names.get(target, pretty_target(target))


def build_related(story: Story) -> dict[str, list[str]]:
    """Backlinks: for each id, whatever links to it (pages, elements, events, periods), so
    every panel and card shows its "voir aussi" in both directions."""
    related: dict[str, list[str]] = {}

    def add(source: str, target: str) -> None:
        if source != target:
            related.setdefault(target, [])
            if source not in related[target]:
                related[target].append(source)

    for chapter in story.chapters:
        for page in chapter.pages:
            for link in page.links:
                add(page.ref, link.target)
    schematic = story.schematic
    if schematic is not None:
        for element in schematic.elements:
            for target in element.links:
                add(element.id, target)
    timeline = story.timeline
    if timeline is not None:
        for item in [*timeline.periods, *timeline.events]:
            for target in item.links:
                add(item.id, target)
    return related


class _Wiring(QObject):
    """Lives as the view's child, so its connections to the state die with the view."""

    def __init__(self, view: InteractiveView, state: ReaderState, view_name: str,
                 page_ref: str) -> None:
        super().__init__(view)
        self.view = view
        self.state = state
        self.view_name = view_name
        self.page_ref = page_ref
        self.opened_at_build = ""  # what this view opens by itself, once laid out

    @Slot(str)
    def entity_requested(self, entity: str) -> None:
        if not self.view.owns(entity):
            return
        if entity == self.opened_at_build:  # built while navigate() moved to its page
            self.opened_at_build = ""
            return
        page = self.state.page
        if self.page_ref and (page is None or page.ref != self.page_ref):
            self.state.navigate(entity)  # to the view's page first, which asks again
            return
        self.view.open_entity(entity)

    @Slot(str)
    def opened(self, entity: str) -> None:
        self.state.report_opened(self.view_name, entity)

    @Slot(object)
    def settings_changed(self, _settings: object) -> None:
        self.view.reduced_motion = self.state.reduced_motion


def connect_view(view: InteractiveView, state: ReaderState, story: Story, view_name: str) -> None:
    """``link_activated`` -> ``state.navigate``; ``state.entity_requested`` -> open here;
    ``opened`` -> ``state.report_opened``. A view built while :meth:`ReaderState.navigate`
    moves to its page opens the entity being opened (``state.opening``) itself."""
    view.link_activated.connect(state.navigate)
    wiring = _Wiring(view, state, view_name, story.view_page_ref(view_name))
    state.entity_requested.connect(wiring.entity_requested)
    view.opened.connect(wiring.opened)
    state.settings_changed.connect(wiring.settings_changed)
    opening = state.opening
    if opening and view.owns(opening):
        wiring.opened_at_build = opening
        # Once the view is shown and laid out at its size: opened now, during its
        # construction, the panel would cover the drawing instead of making room.
        QTimer.singleShot(0, view, lambda: view.open_entity(opening))


def placeholder(message: str, story: Story, parent: QWidget | None = None) -> QWidget:
    """Shown instead of a view whose file could not be read: the rest of the story plays."""
    colours = ViewColours.from_look(story.look)
    widget = QWidget(parent)
    widget.setObjectName("viewPlaceholder")
    widget.setStyleSheet(f"QWidget#viewPlaceholder {{ background: {colours.surface}; "
                         f"border: 2px dashed {colours.border}; border-radius: 12px; }}"
                         f"QLabel {{ color: {colours.ink}; font-size: 20px; "
                         f"font-family: '{BODY_FAMILY}'; }}")
    label = QLabel(message, widget)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(widget)
    layout.addWidget(label)
    widget.setAccessibleName(message)
    return widget
