"""The interactive resilience timeline: drag, swipe, wheel and keys move through time."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QGraphicsScene, QVBoxLayout, QWidget

from loosstory.story.timeline import Timeline
from loosstory.ui.views.colours import ViewColours
from loosstory.ui.views.interactive import InteractiveView
from loosstory.ui.views.panel import DetailPanel
from loosstory.ui.views.timeline.canvas import TimelineCanvas
from loosstory.ui.views.timeline.header import TimelineHeader, body_px_for, header_style_sheet
from loosstory.ui.views.timeline.items import AxisItem, EventItem, LeadersItem, PeriodItem
from loosstory.ui.views.timeline.layout import layout_timeline
from loosstory.ui.views.timeline.motion import TimeScroller


class TimelineView(InteractiveView):
    """A :class:`Timeline`, standalone. ``link_activated(target)`` for links that leave it."""

    def __init__(self, timeline: Timeline, colours: ViewColours | Mapping[str, str] | object = None,
                 parent: QWidget | None = None, *, reduced_motion: bool = False,
                 titles: Callable[[str], str] | None = None,
                 related: Mapping[str, Sequence[str]] | None = None,
                 sources: Mapping[str, object] | None = None,
                 start_year: int | None = None) -> None:
        super().__init__(colours, parent, object_name="timelineView",
                         reduced_motion=reduced_motion, titles=titles, related=related)
        self.timeline = timeline
        self._sources = sources or {}
        self.start_year = start_year

        self.header = TimelineHeader(self, timeline.title, timeline.description)
        self.title, self.hint = self.header.title, self.header.hint
        self.earlier, self.later = self.header.earlier, self.header.later
        self.earlier.clicked.connect(lambda: self.page(-1))
        self.later.clicked.connect(lambda: self.page(1))
        # one style sheet for every type size, set before any child is polished
        self.setStyleSheet(header_style_sheet(self.colours, self.objectName()))

        # the canvas is created first so that it is destroyed first: it must never scroll
        # over a scene whose items are already gone
        self.canvas = TimelineCanvas(self)
        self.scene = QGraphicsScene(self)
        self.scene.setBackgroundBrush(QColor(self.colours.background))
        self.canvas.setScene(self.scene)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addLayout(self.header.layout)
        outer.addWidget(self.canvas, 1)

        self.axis = AxisItem(self.colours)
        self.scene.addItem(self.axis)
        self.leaders = LeadersItem(self.colours)
        self.scene.addItem(self.leaders)
        self.periods: dict[str, PeriodItem] = {}
        for period in timeline.periods:
            item = PeriodItem(period, self.colours)
            self.periods[period.id] = item
            self.scene.addItem(item)
        self.events: dict[str, EventItem] = {}
        for event in timeline.events:
            item = EventItem(event, timeline.period(event.period), self.colours)
            self.events[event.id] = item
            self.scene.addItem(item)
        self.items_in_order: list[EventItem | PeriodItem] = []
        self.focus_item: EventItem | PeriodItem | None = None
        self.hover_item: EventItem | PeriodItem | None = None
        self.layout_info = None
        self.scroller = TimeScroller(self.canvas.horizontalScrollBar(), self,
                                     lambda: self.reduced_motion)
        self._first_layout = True
        self._sized = QSize()  # the view's size its own resizeEvent has handled
        self._laid = QSize()  # the strip's size the items are placed for
        self.setAccessibleName(timeline.title)
        self.setAccessibleDescription(timeline.description)
        self.canvas.setAccessibleName(timeline.title)
        self.canvas.setAccessibleDescription(timeline.description)

    # -- what the reader asks of an interactive view ------------------------------------
    def owns(self, entity_id: str) -> bool:
        return entity_id in self.events or entity_id in self.periods

    def stop_motion(self) -> None:
        self.stop_glide()

    # -- the detail card, built on first use (a dozen widgets and a style sheet) ----------
    @property
    def panel(self) -> DetailPanel:
        if self._panel is None:
            accents = [i.accent.name() for i in self.events.values()]
            accents += [i.fill.name() for i in self.periods.values()]
            lay = self.layout_info
            panel = DetailPanel(self.colours, self.title_for, self,
                                body_px=lay.body_px if lay is not None else 18, accents=accents)
            panel.link_activated.connect(self._follow)
            panel.closed.connect(lambda: self.canvas.setFocus(Qt.FocusReason.OtherFocusReason))
            self._panel = panel
            self._place_panel()
        return self._panel

    # -- names --------------------------------------------------------------------------
    def title_for(self, target: str) -> str:
        if target in self.events:
            return self.events[target].accessible_name
        if target in self.periods:
            return self.periods[target].accessible_name
        return self._titles(target)

    def own_links(self, entity_id: str) -> list[str]:
        entry = self.timeline.event(entity_id) or self.timeline.period(entity_id)
        return list(entry.links) if entry else []

    # -- layout -------------------------------------------------------------------------
    def relayout(self) -> None:
        vw, vh = self.canvas.viewport().width(), self.canvas.viewport().height()
        if vw <= 0 or vh <= 0:
            return
        self._laid = QSize(vw, vh)
        anchor_year = None
        if not self._first_layout and self.layout_info is not None:
            left = self.canvas.horizontalScrollBar().value() + self.layout_info.scale.xs[0]
            anchor_year = self.layout_info.scale.year(left)
        lay = layout_timeline(self.timeline, vw, vh)
        self.layout_info = lay
        self.scene.setSceneRect(0, 0, lay.width, vh)
        self.axis.place(lay, self.timeline.first_year, self.timeline.last_year)
        for period_id, item in self.periods.items():
            p = item.period
            item.place(QRectF(*lay.band_rect(period_id, p.start, p.end)), lay.body_px)
        for event_id, item in self.events.items():
            x = lay.event_x[event_id]
            until = item.timeline_event.until
            item.place(QPointF(x, lay.axis_y), QRectF(*lay.label_rect(event_id)), lay.body_px,
                       lay.scale.x(until.position) if until else None)
        self.leaders.place([(lay.event_x[i], item.label.bottom(), lay.axis_y)
                            for i, item in self.events.items()])
        self.items_in_order = sorted(
            [*self.periods.values(), *self.events.values()],
            key=lambda i: (i.sort_x, 0 if isinstance(i, PeriodItem) else 1))
        if self._panel is not None:
            self._panel.apply_scale(lay.body_px)  # does nothing if the size is the same
        self._place_panel()
        bar = self.canvas.horizontalScrollBar()
        if self._first_layout:
            self._first_layout = False
            year = self.start_year if self.start_year is not None else self.timeline.first_year
            bar.setValue(int(lay.scale.x(year) - 30) if self.start_year is not None else 0)
        elif anchor_year is not None:
            bar.setValue(int(lay.scale.x(anchor_year) - lay.scale.xs[0]))
        if self.focus_item is not None:
            self.ensure_visible(self.focus_item, animate=False)
        self.scrolled()

    def canvas_resized(self) -> None:
        """The strip has a new size: lay it out, unless the view is being resized (its own
        resizeEvent, which follows, lays out once, with the header's new type size)."""
        if self.size() == self._sized:
            self.relayout()

    def _place_panel(self) -> None:
        if self._panel is None:
            return
        margin = 12
        # wider on a large screen (its text grows with it), a third of the view at most
        pw = int(min(max(520, self.width() * 0.3), max(340, self.width() * 0.36)))
        if self.width() - pw < 420:
            pw = self.width() - 2 * margin
        self._panel.setGeometry(self.width() - pw - margin, margin, pw,
                                self.height() - 2 * margin)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.hint.setVisible(self.height() >= 560 and self.width() >= 700)  # room for the strip
        self.header.set_scale(body_px_for(self.width(), self.height()))  # the strip's scale
        self._sized = self.size()
        self.layout().activate()  # the strip gets its final size (and lays out if it changed)
        super().resizeEvent(event)
        viewport = self.canvas.viewport()
        if self.canvas.isVisible() and viewport.size() != self._laid:
            self.relayout()  # resized by the layout before this event: not laid out yet
        self._place_panel()

    def visible_scene_rect(self) -> QRectF:
        return self.canvas.mapToScene(self.canvas.viewport().rect()).boundingRect()

    def scrolled(self) -> None:
        if self.canvas.scene() is None:
            return
        rect = self.visible_scene_rect()
        for item in self.periods.values():
            item.visible_left, item.visible_right = rect.left(), rect.right()
            item.update()
        if self.layout_info is not None:
            bar = self.canvas.horizontalScrollBar()
            self.earlier.setEnabled(bar.value() > bar.minimum())
            self.later.setEnabled(bar.value() < bar.maximum())

    def visible_year(self) -> float:
        """The year at the middle of the visible strip."""
        if self.layout_info is None:
            return float(self.timeline.first_year)
        return self.layout_info.scale.year(self.visible_scene_rect().center().x())

    # -- moving through time ------------------------------------------------------------
    def page(self, direction: int) -> None:
        bar = self.canvas.horizontalScrollBar()
        self.scroller.scroll_to(bar.value() + direction * int(self.canvas.viewport().width() * 0.8))

    def glide(self, velocity_px_per_s: float) -> None:  # momentum after a swipe
        self.scroller.glide(velocity_px_per_s)

    def stop_glide(self) -> None:
        self.scroller.stop()

    def ensure_visible(self, item: EventItem | PeriodItem, animate: bool = True) -> None:
        rect = self.visible_scene_rect()
        usable_right = rect.right()
        if self.panel_open() and self.panel.x() > self.width() * 0.3:
            usable_right = rect.left() + self.panel.x() - 16
        target = item.focus_rect()
        if self.panel_open() and isinstance(item, EventItem):
            # an event opened beside the panel sits in the middle of the room left of it,
            # with its neighbours on either side (issue 15: nothing hidden under the panel)
            room = usable_right - rect.left()
            wanted = int(target.center().x() - room / 2)
            if abs(wanted - int(rect.left())) > room * 0.2 or target.right() + 24 > usable_right:
                self.scroller.scroll_to(wanted, animate)
            return
        if isinstance(item, PeriodItem):
            if target.right() > rect.left() + 40 and target.left() < usable_right - 40:
                return
            self.scroller.scroll_to(int(target.left() - 30), animate)
            return
        if target.left() - 24 >= rect.left() and target.right() + 24 <= usable_right:
            return
        width = usable_right - rect.left()
        self.scroller.scroll_to(int(target.left() - min(width * 0.3, 160)), animate)

    # -- focus, hover, opening ----------------------------------------------------------
    def set_hover_item(self, item) -> None:
        if self.hover_item is item:
            return
        if self.hover_item is not None:
            self.hover_item.hovered = False
            self.hover_item.update()
        self.hover_item = item
        if item is not None:
            item.hovered = True
            item.update()

    def set_focus_item(self, item, animate: bool = True) -> None:
        if self.focus_item is not None:
            self.focus_item.focused = False
            self.focus_item.update()
        self.focus_item = item
        if item is None:
            self.canvas.setAccessibleName(self.timeline.title)
            self.canvas.setAccessibleDescription(self.timeline.description)
            return
        item.focused = True
        item.setZValue(5 if isinstance(item, EventItem) else -4)
        item.update()
        for other in self.events.values():
            if other is not item:
                other.setZValue(0)
        self.canvas.setAccessibleName(item.accessible_name)
        self.canvas.setAccessibleDescription(item.accessible_description)
        self.ensure_visible(item, animate)

    def step_focus(self, step: int, wrap: bool = True) -> bool:
        order = self.items_in_order
        if not order:
            return False
        if self.focus_item is None:
            # start from what is on screen
            left = self.visible_scene_rect().left()
            visible = [i for i in order if i.sort_x >= left] or order
            index = order.index(visible[0]) if step > 0 else len(order) - 1
        else:
            index = order.index(self.focus_item) + step
            if not 0 <= index < len(order):
                if not wrap:
                    self.set_focus_item(None)
                    return False
                index = max(0, min(len(order) - 1, index))
        self.set_focus_item(order[index])
        return True

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step_focus(-1)
        elif key == Qt.Key.Key_PageDown:
            self.page(1)
        elif key == Qt.Key.Key_PageUp:
            self.page(-1)
        elif key == Qt.Key.Key_Home and self.items_in_order:
            self.set_focus_item(self.items_in_order[0])
        elif key == Qt.Key.Key_End and self.items_in_order:
            self.set_focus_item(self.items_in_order[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.focus_item is None:
                self.step_focus(1)
            if self.focus_item is not None:
                self.activate(self.focus_item)
        elif key == Qt.Key.Key_Escape and self.panel_open():
            self.panel.close_panel()
        else:
            return False
        return True

    def activate(self, item) -> None:
        if isinstance(item, EventItem):
            self.open_event(item.timeline_event.id)
        elif isinstance(item, PeriodItem):
            self.open_period(item.period.id)

    def _source_line(self, keys: Sequence[str]) -> str:
        names = []
        for key in keys:
            source = self._sources.get(key)
            title = source.title if source is not None else ""
            names.append(title or key)  # a readable title; the key is for authors only
        label = (QCoreApplication.translate("TimelineView", "Source : %1") if len(names) == 1
                 else QCoreApplication.translate("TimelineView", "Sources : %1"))
        return label.replace("%1", " ; ".join(names))

    def open_event(self, event_id: str) -> bool:
        """Open an event's card (a chapter page links here with ``#event-id``)."""
        item = self.events.get(event_id)
        if item is None:
            return False
        event = item.timeline_event
        kicker = event.date_label
        if item.period is not None:
            kicker = f"{event.date_label} · {item.period.title}"
        self.panel.show_entry(event.id, kicker, event.title, "", event.text_html,
                              self.links_of(event.id), self._source_line(event.sources),
                              accent=item.accent.name())
        self.set_focus_item(item, animate=False)
        self.opened.emit(event_id)
        return True

    def open_period(self, period_id: str) -> bool:
        item = self.periods.get(period_id)
        if item is None:
            return False
        period = item.period
        count = sum(1 for e in self.timeline.events if e.period == period.id)
        self.panel.show_entry(period.id, f"Période · {period.years}", period.title,
                              period.summary, "", self.links_of(period.id),
                              f"{count} date(s) sur la frise" if count else "",
                              accent=item.fill.name())
        self.set_focus_item(item, animate=False)
        self.opened.emit(period_id)
        return True

    def open_entity(self, entity_id: str) -> bool:
        return self.open_event(entity_id) or self.open_period(entity_id)

    # -- helpers for tests and demos ----------------------------------------------------
    def item_centre(self, entry_id: str) -> QPointF:
        """Where to tap an event or period, in canvas viewport coordinates."""
        item = self.events.get(entry_id) or self.periods[entry_id]
        return QPointF(self.canvas.mapFromScene(item.centre()))
