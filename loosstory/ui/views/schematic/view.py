"""The interactive code-source house: hover, tap, keyboard focus, detail panel, build-up."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEasingCurve,
    QPointF,
    QRectF,
    Qt,
    QVariantAnimation,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QGraphicsScene, QWidget

from loosstory.story.schematic import Schematic
from loosstory.ui.views.colours import ViewColours
from loosstory.ui.views.interactive import InteractiveView
from loosstory.ui.views.panel import DetailPanel, repeats_lead
from loosstory.ui.views.schematic.canvas import HouseCanvas
from loosstory.ui.views.schematic.items import ElementItem, StarItem, TitleItem
from loosstory.ui.views.schematic.layout import body_px_for, layout_house, star_path

BUILD_MS = 1800


class SchematicView(InteractiveView):
    """The house of a :class:`Schematic`, standalone.

    ``link_activated(target)`` is emitted for "voir aussi" links that leave the house
    (chapters, pages, timeline events); links to another element of the house open it here.
    """

    def __init__(self, schematic: Schematic, colours: ViewColours | Mapping[str, str] | object = None,
                 parent: QWidget | None = None, *, reduced_motion: bool = False,
                 build_ms: int = BUILD_MS, titles: Callable[[str], str] | None = None,
                 related: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(colours, parent, object_name="schematicView",
                         reduced_motion=reduced_motion, titles=titles, related=related)
        self.schematic = schematic
        self.build_ms = build_ms

        self.canvas = HouseCanvas(self)  # first created, first destroyed: before the scene
        self.scene = QGraphicsScene(self)
        self.scene.setBackgroundBrush(QColor(self.colours.background))
        self.canvas.setScene(self.scene)
        self.title_item = TitleItem(schematic.title, schematic.hint, self.colours)
        self.scene.addItem(self.title_item)
        self.items: dict[str, ElementItem] = {}
        for element in schematic.elements:
            item = ElementItem(element, self.colours)
            self.items[element.id] = item
            self.scene.addItem(item)
        self.items_in_order = [self.items[e.id] for e in schematic.reading_order]
        star_owner = self.items.get(schematic.star) if schematic.star else None
        self.star = StarItem(star_owner, self.colours) if star_owner else None
        if self.star is not None:
            self.scene.addItem(self.star)
        self.focus_item: ElementItem | None = None
        self.hover_item: ElementItem | None = None
        self.body_px = 18
        self._laid_for: tuple | None = None  # the area the items are placed for

        self._build = QVariantAnimation(self)
        self._build.setStartValue(0.0)
        self._build.setEndValue(1.0)
        self._build.setEasingCurve(QEasingCurve.Type.Linear)
        self._build.valueChanged.connect(self._apply_build)
        self._build.finished.connect(lambda: self._apply_build(1.0))
        self._played = False
        self.setAccessibleName(schematic.title)
        self.setAccessibleDescription(schematic.description)
        self.canvas.setAccessibleName(schematic.title)
        self.canvas.setAccessibleDescription(schematic.description)

    # -- what the reader asks of an interactive view ------------------------------------
    def owns(self, entity_id: str) -> bool:
        return entity_id in self.items

    def open_entity(self, entity_id: str) -> bool:
        return self.open_element(entity_id)

    def stop_motion(self) -> None:
        self.skip_build()

    # -- the detail panel, built on first use (a dozen widgets and a style sheet) ---------
    @property
    def panel(self) -> DetailPanel:
        if self._panel is None:
            panel = DetailPanel(self.colours, self.title_for, self, body_px=self.body_px,
                                accents=[item.fill.name() for item in self.items.values()])
            panel.link_activated.connect(self._follow)
            panel.closed.connect(self._panel_closed)
            self._panel = panel
            self._place_panel()
        return self._panel

    # -- names --------------------------------------------------------------------------
    def title_for(self, target: str) -> str:
        if target in self.items:
            return self.items[target].element.label
        return self._titles(target)

    def own_links(self, entity_id: str) -> list[str]:
        element = self.schematic.element(entity_id)
        return list(element.links) if element else []

    # -- layout -------------------------------------------------------------------------
    def panel_width(self) -> int:
        return int(min(520, max(300, self.width() * 0.3)))

    def house_area(self, panel_open: bool | None = None) -> QRectF:
        w, h = self.canvas.viewport().width(), self.canvas.viewport().height()
        if panel_open is None:
            panel_open = self.panel_open()
        if panel_open and w - self.panel_width() >= 560:
            return QRectF(0, 0, w - self.panel_width() - 16, h)
        return QRectF(0, 0, w, h)

    def relayout(self) -> None:
        w, h = self.canvas.viewport().width(), self.canvas.viewport().height()
        area = self.house_area()
        laid_for = (w, h, area.width(), area.height())
        if laid_for != self._laid_for:  # the same area gives the same drawing: keep it
            self._laid_for = laid_for
            self._place_items(w, h, area)
        if self._panel is not None:
            self._panel.apply_scale(self.body_px)  # does nothing if the size is the same
            self._place_panel()

    def _place_items(self, w: int, h: int, area: QRectF) -> None:
        self.scene.setSceneRect(0, 0, w, h)
        house = layout_house(self.schematic, area)
        self.body_px = house.body_px
        self.title_item.place(house.title_rect, house.hint_rect, house.title_px, house.body_px)
        for element_id, placement in house.placements.items():
            self.items[element_id].place(placement, house.body_px)
        for kind in ("pillar", "roof"):  # siblings share one type size, one look
            siblings = [self.items[e.id] for e in self.schematic.of_kind(kind)]
            if len(siblings) > 1:
                keep = min(i.text_blocks for i in siblings)
                for item in siblings:
                    item.match(item.text_size, keep)
                size = min(i.text_size for i in siblings)
                for item in siblings:
                    item.match(size, keep)
        if self.star is not None:
            self.star.place(star_path(house.star_centre, house.star_radius))
        self.scene.update()

    def _place_panel(self) -> None:
        if self._panel is None:
            return
        margin = 12
        pw = self.panel_width()
        if self.width() - pw < 560:
            pw = self.width() - 2 * margin
        self._panel.setGeometry(self.width() - pw - margin, margin, pw,
                                self.height() - 2 * margin)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.canvas.setGeometry(self.rect())  # a shown canvas lays the house out at once
        if self.canvas.isVisible():  # a hidden one when it shows, at its real size
            self.relayout()

    # -- build-up animation -------------------------------------------------------------
    @property
    def building(self) -> bool:
        return self._build.state() == QVariantAnimation.State.Running

    def play_build(self) -> None:
        """Foundation, then pillars, then roof. Off with reduced motion or a 0 duration."""
        if self.reduced_motion or self.build_ms <= 0:
            self._apply_build(1.0)
            return
        self._build.stop()
        self._build.setDuration(self.build_ms)
        self._apply_build(0.0)
        self._build.start()

    def skip_build(self) -> None:
        self._build.stop()
        self._apply_build(1.0)

    def _apply_build(self, value: float) -> None:
        count = len(self.items_in_order) or 1
        for index, item in enumerate(self.items_in_order):
            start = index / (count + 1)
            span = 2.0 / (count + 1)
            item.set_progress((float(value) - start) / span)
        if self.star is not None:
            self.star.setOpacity(max(0.0, (float(value) - 0.85) / 0.15))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._played:
            self._played = True
            self.play_build()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)
        self.skip_build()
        self._played = False  # plays again the next time the page opens

    # -- focus and hover ----------------------------------------------------------------
    def set_hover_item(self, item: ElementItem | None) -> None:
        if self.hover_item is item:
            return
        if self.hover_item is not None:
            self.hover_item.set_hovered(False)
        self.hover_item = item
        if item is not None:
            item.set_hovered(True)

    def set_focus_item(self, item: ElementItem | None) -> None:
        if self.focus_item is not None:
            self.focus_item.set_focused(False)
        self.focus_item = item
        if item is None:
            self.canvas.setAccessibleName(self.schematic.title)
            self.canvas.setAccessibleDescription(self.schematic.description)
            return
        item.set_focused(True)
        kind = _kind_name(item.element.kind)
        self.canvas.setAccessibleName(f"{item.accessible_name} ({kind})")
        self.canvas.setAccessibleDescription(item.accessible_description)

    def step_focus(self, step: int, wrap: bool = True) -> bool:
        order = self.items_in_order
        if not order:
            return False
        if self.focus_item is None:
            index = 0 if step > 0 else len(order) - 1
        else:
            index = order.index(self.focus_item) + step
            if not 0 <= index < len(order):
                if not wrap:
                    self.set_focus_item(None)
                    return False
                index %= len(order)
        self.set_focus_item(order[index])
        return True

    def step_layer(self, step: int) -> None:
        """Up / Down: from the foundation to the pillars to the roof, and back."""
        order = self.items_in_order
        if self.focus_item is None:
            self.step_focus(step)
            return
        layer = self.focus_item.placement.layer if self.focus_item.placement else 0
        candidates = [i for i in order if i.placement and
                      (i.placement.layer > layer if step > 0 else i.placement.layer < layer)]
        if candidates:
            nearest = min(c.placement.layer for c in candidates) if step > 0 else \
                max(c.placement.layer for c in candidates)
            same = [c for c in candidates if c.placement.layer == nearest]
            here = self.focus_item.centre().x()
            self.set_focus_item(min(same, key=lambda c: abs(c.centre().x() - here)))

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Right,):
            self.step_focus(1)
        elif key in (Qt.Key.Key_Left,):
            self.step_focus(-1)
        elif key == Qt.Key.Key_Up:
            self.step_layer(1)
        elif key == Qt.Key.Key_Down:
            self.step_layer(-1)
        elif key == Qt.Key.Key_Home:
            self.set_focus_item(self.items_in_order[0])
        elif key == Qt.Key.Key_End:
            self.set_focus_item(self.items_in_order[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.focus_item is None:
                self.step_focus(1)
            if self.focus_item is not None:
                self.open_element(self.focus_item.element.id)
        elif key == Qt.Key.Key_Escape and self.panel_open():
            self.close_panel()
        else:
            return False
        return True

    # -- the panel ----------------------------------------------------------------------
    def open_element(self, element_id: str) -> bool:
        """Open an element's panel (a chapter page links here with ``#element-id``)."""
        item = self.items.get(element_id)
        if item is None:
            return False
        self.skip_build()
        if not self.isVisible():
            self._played = True  # opened from a link: show the house built, panel open
        for other in self.items.values():
            other.selected_panel = other is item
            other.update()
        if self.focus_item is not item:
            self.set_focus_item(item)
        element = item.element
        kind = _kind_name(element.kind).capitalize()
        if element.kind == "pillar":
            number = self.schematic.pillars.index(element) + 1
            kind = (QCoreApplication.translate("SchematicView", "Pilier %1 sur %2")
                    .replace("%1", str(number)).replace("%2", str(len(self.schematic.pillars))))
        elif element.kind == "roof":
            kind = QCoreApplication.translate("SchematicView", "Le toit : ce que cela produit")
        meta = ""
        if element.items:
            meta = " · ".join(i.label for i in element.items)
        area = self.house_area(panel_open=True)  # the card's type size once it shows
        self.panel.prepare_scale(body_px_for(area.width(), area.height()))
        summary = "" if repeats_lead(element.summary, element.detail_html) else element.summary
        self.panel.show_entry(element.id, kind, element.label, summary,
                              element.detail_html, self.links_of(element.id), meta,
                              accent=item.fill.name())
        self.relayout()
        self.opened.emit(element_id)
        return True

    def _panel_closed(self) -> None:
        for item in self.items.values():
            item.selected_panel = False
            item.update()
        self.relayout()
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def element_centre(self, element_id: str) -> QPointF:
        """Where to tap an element, in canvas viewport coordinates (for tests and demos)."""
        return QPointF(self.canvas.mapFromScene(self.items[element_id].centre()))


_KIND_NAMES = {"foundation": QT_TRANSLATE_NOOP("SchematicView", "fondations"),
               "pillar": QT_TRANSLATE_NOOP("SchematicView", "pilier"),
               "roof": QT_TRANSLATE_NOOP("SchematicView", "toit")}


def _kind_name(kind: str) -> str:
    """« pilier », "pillar": the kind of a part of the house in the interface's language."""
    return QCoreApplication.translate("SchematicView", _KIND_NAMES.get(kind, kind))
