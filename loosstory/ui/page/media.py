"""A page's media column: its figures (built for each page) and its interactive view (built
once, then kept hidden while other pages show), and what the column will look like for a
page not shown yet (so that page's pictures are decoded at the size they will be shown at).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QBoxLayout, QLayout, QSizePolicy, QWidget

from loosstory.story.model import Page
from loosstory.ui.look.theme import Palette, TypeScale, body_font
from loosstory.ui.page.parts import (
    BODY_SPACING,
    MIN_MEDIA_PX,
    NARROW_COLUMN_EM,
    NARROW_MEDIA_SHARE,
    TEXT_COLUMN_EM,
    Preferred,
    text_height,
)
from loosstory.ui.pictures.figure import FigureWidget
from loosstory.ui.pictures.images import FIT, ImageLoader
from loosstory.ui.state.state import ReaderState
from loosstory.ui.views.interactive import InteractiveView
from loosstory.ui.views.registry import create_view


def captions_height(page_figure, scale: TypeScale, width: int) -> int:
    """Height under a figure's image: spacing, caption and credit (as FigureWidget lays them
    out: captions under the image, word-wrapped at the figure's width)."""
    caption = text_height(page_figure.caption, body_font(scale.caption, True), width)
    credit = text_height(page_figure.credit, body_font(scale.small), width)
    inner = max(2, scale.gap // 4) if caption and credit else 0
    return max(4, scale.gap // 2) + caption + credit + inner


def figure_boxes(page: Page, column: QSize, side_by_side: bool, scale: TypeScale,
                 ratio: float = 1.0) -> list[QSize]:
    """The image box (device pixels) of each figure of ``page`` in a media column of size
    ``column`` (its layout's contents), figures stacked or ``side_by_side``.

    Computed to the pixel, as the layout will do it: an image decoded at exactly its box is
    drawn without scaling (a smooth downscale costs ~1 ms a figure on a kiosk's CPU), and
    one a pixel or two off is still used (images.SLACK_PX, TOLERANCE)."""
    count = len(page.figures)
    if not count or column.isEmpty():
        return []
    gap = scale.gap * (count - 1)
    if side_by_side:
        width, height = (column.width() - gap) // count, column.height()
    else:
        width, height = column.width(), (column.height() - gap) // count
    boxes = []
    for figure in page.figures:
        image_height = height - captions_height(figure, scale, width)
        boxes.append(QSize(max(1, round(width * ratio)), max(1, round(image_height * ratio))))
    return boxes


def estimate_column(body: QSize, scale: TypeScale, wide: bool, window: QSize,
                    text: int = 0) -> QSize:
    """The media column's contents size PageScreen._relayout will give a page with figures
    (and no view), in a page body of size ``body`` (its layout's contents); ``text``: the
    text column's width when it was widened for the text to fit (page/fit.py)."""
    inner = scale.focus_width * 3  # the column's left margin
    spacing = round(scale.margin * BODY_SPACING)
    if wide:  # text (stretch 5, at most a column wide) and media (stretch 6) side by side
        room = body.width() - spacing
        text = text or min(round(scale.body * TEXT_COLUMN_EM), round(room * 5 / 11))
        return QSize(room - text - inner, body.height())
    width = min(round(scale.body * NARROW_COLUMN_EM), window.width() - 2 * scale.margin)
    height = min(round(max(MIN_MEDIA_PX, window.height() * NARROW_MEDIA_SHARE)),
                 round((body.height() - spacing) * 2 / 5))
    return QSize(width - inner, height)


def _keep_room_hidden(widget: QWidget) -> QWidget:
    """The layout sizes ``widget`` before it is shown (see :meth:`MediaColumn.reveal`)."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    widget.hide()  # shown by reveal(), not along with the column
    return widget


class MediaColumn(Preferred):
    """The figures of the page shown and, on a page that has one, its interactive view."""

    figure_activated = Signal(object)  # the FigureWidget tapped (or Enter on it)

    def __init__(self, state: ReaderState, loader: ImageLoader, palette: Palette,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageMedia")
        self._state, self._loader, self._palette = state, loader, palette
        self.box_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box_layout.setContentsMargins(0, 0, 0, 0)
        self.figures: list[FigureWidget] = []
        self.view: QWidget | None = None
        self.views: dict[str, QWidget] = {}  # interactive views built so far, by name
        self._prepared: tuple[Page, TypeScale, list[FigureWidget]] | None = None

    def show_page(self, page: Page, scale: TypeScale) -> None:
        """Take the last page's media out and put ``page``'s in, hidden until reveal()."""
        for widget in self.figures:
            self.box_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        prepared = self._take_prepared(page, scale)
        self.figures = []
        view = self.view_for(page.view) if page.view else None
        if self.view is not None:
            self._leave_view(self.view, keep=view is self.view)
        if view is not None and view is not self.view:
            self.box_layout.insertWidget(0, view, 3)
        self.view = view
        for widget in prepared or [self._figure(f, scale) for f in page.figures]:
            self.figures.append(widget)
            self.box_layout.addWidget(widget, 2)
        self.setVisible(bool(self.figures) or self.view is not None)

    def _figure(self, figure, scale: TypeScale) -> FigureWidget:
        widget = FigureWidget(figure, self._loader, self._palette, scale, self)
        widget.activated.connect(lambda: self.figure_activated.emit(widget))
        _keep_room_hidden(widget)
        return widget

    def prepare(self, page: Page, scale: TypeScale) -> None:
        """Build ``page``'s figures now, hidden and styled, for show_page() to use if that
        page comes next (the page turn then only lays them out and draws them)."""
        if self._prepared is not None and self._prepared[0] is page:
            return
        self.discard_prepared()
        widgets = [self._figure(f, scale) for f in page.figures]
        for widget in widgets:
            widget.ensurePolished()
        self._prepared = (page, scale, widgets)

    def discard_prepared(self) -> None:
        prepared, self._prepared = self._prepared, None
        for widget in prepared[2] if prepared else ():
            widget.deleteLater()

    def _take_prepared(self, page: Page, scale: TypeScale) -> list[FigureWidget] | None:
        prepared = self._prepared
        if prepared is not None and prepared[0] is page and prepared[1] == scale:
            self._prepared = None
            return prepared[2]
        self.discard_prepared()
        return None

    def reveal(self, outer: QLayout | None) -> None:
        """Show the new figures (and a view coming back) once the layouts have given them
        their final size: each gets a single resize, and its image is looked up at that
        size (no relayout, no decode at a size the layout only passes through)."""
        hidden = [w for w in (self.view, *self.figures) if w is not None and w.isHidden()]
        if not hidden:
            return
        for layout in (outer, self.box_layout):
            if layout is not None:
                layout.activate()
        for widget in hidden:
            widget.show()

    def view_for(self, name: str) -> QWidget | None:
        """The interactive view called ``name``: built on first use (hidden), then kept."""
        view = self.views.get(name)
        story = self._state.story
        if view is None and story is not None:
            view = create_view(name, story, self._state, self)
            if view is None:
                return None
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            _keep_room_hidden(view)
            view.ensurePolished()
            self.views[name] = view
        return view

    def lay_out_hidden(self, view: QWidget, size: QSize) -> None:
        """Give a hidden view the size it will have and draw it once off screen, now while
        the visitor reads: its layout and first drawing (fonts, shapes) then happen here
        rather than during the page turn. (render() delivers the resize a hidden widget
        otherwise only gets when it is shown.)"""
        if not view.isHidden() or view.size() == size or size.isEmpty():
            return
        view.resize(size)
        view.render(QImage(size, QImage.Format.Format_ARGB32_Premultiplied))

    def _leave_view(self, view: QWidget, keep: bool) -> None:
        """Back to how a new view looks (no panel, no selection), then out of the layout
        unless the next page shows it too. The focus stays where it was, unless it was in
        the view."""
        focus = QApplication.focusWidget()
        if isinstance(view, InteractiveView):
            view.reset_view()
        if not keep:
            self.box_layout.removeWidget(view)
            view.hide()
        outside = focus is not None and focus is not view and not view.isAncestorOf(focus)
        if outside and focus.isVisible() and QApplication.focusWidget() is not focus:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def prefetch(self, page: Page, boxes: list[QSize]) -> None:
        """Decode ``page``'s figures at ``boxes``, unless a suitable image is there or
        on its way."""
        for figure, box in zip(page.figures, boxes, strict=False):
            loader = self._loader
            if loader.lookup(figure.file, box, FIT) is None and \
                    loader.pending_key(figure.file, box, FIT) is None:
                loader.request(figure.file, box, FIT)

    @property
    def images_ready(self) -> bool:
        return all(f.image.is_ready for f in self.figures)
