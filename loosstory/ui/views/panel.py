"""The detail panel of the interactive views: a schematic element or a timeline event.

Shows a kicker line (kind, date), the title, a one-line summary, the rendered Markdown text,
an optional sources line and the "Voir aussi" links, each a large button that emits
``link_activated(target)``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from loosstory.ui.look.theme import BODY_FAMILY, TITLE_FAMILY
from loosstory.ui.views.colours import ViewColours


def repeats_lead(summary: str, html: str, share: float = 0.6) -> bool:
    """True when the card's text already says its one-line summary (most of the summary's
    words are in it): the card then shows the text alone, not the same sentence twice."""
    def words(text: str) -> list[str]:
        return re.findall(r"[a-zà-ÿœ’'-]+", text.lower())

    lead = [w for w in words(summary) if len(w) >= 4]
    if not lead or not html:
        return False
    body = set(words(re.sub(r"<[^>]+>", " ", html)))
    return sum(w in body for w in lead) >= share * len(lead)


def pretty_target(target: str) -> str:
    """A readable fallback for a link without a known title."""
    last = target.split("/")[-1]
    return last.replace("-", " ").capitalize()


class DetailPanel(QFrame):
    """A card laid over the view. ``closed`` when the visitor closes it."""

    link_activated = Signal(str)
    closed = Signal()

    def __init__(self, colours: ViewColours, titles: Callable[[str], str] | None = None,
                 parent: QWidget | None = None, *, body_px: int = 18,
                 accents: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.colours = colours
        self._titles = titles or pretty_target
        self.current_id = ""
        self.link_buttons: list[QPushButton] = []
        self._accent = QColor(colours.ink)
        # the colours the card's edge may take, each a rule of the one style sheet, so that
        # opening another entry only re-polishes the card, not its twenty children
        self._accents: list[str] = []
        for accent in accents:
            self._add_accent(accent)
        self._sheet_key: tuple[int, int] | None = None  # what the style sheet is set for
        self._wanted_px = body_px
        self.body_px = 0
        self._document_font = QFont(BODY_FAMILY)

        self.kicker = QLabel()
        self.kicker.setObjectName("kicker")
        self.kicker.setWordWrap(True)
        self.close_button = QPushButton(QCoreApplication.translate("DetailPanel", "Fermer ✕"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAccessibleName(QCoreApplication.translate("DetailPanel", "Fermer le panneau"))
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.close_button.clicked.connect(self.close_panel)
        top = QHBoxLayout()
        top.addWidget(self.kicker, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setObjectName("body")
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.anchorClicked.connect(self._anchor)
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        # the browser wraps its text to its own viewport (QTextEdit.WidgetWidth); the card
        # sets the browser's height from the wrapped text, again when either changes
        self.body.document().documentLayout().documentSizeChanged.connect(self._fit_body)
        self.body.viewport().installEventFilter(self)
        self.meta = QLabel()
        self.meta.setObjectName("meta")
        self.meta.setWordWrap(True)
        for label in (self.kicker, self.title, self.summary, self.meta):  # the author's
            label.setTextFormat(Qt.TextFormat.PlainText)  # text, never rich text
        self.see_also = QLabel(QCoreApplication.translate("DetailPanel", "Voir aussi"))
        self.see_also.setObjectName("seeAlso")
        self.links_box = QVBoxLayout()
        self.links_box.setSpacing(6)

        content = QWidget()
        content.setObjectName("panelContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addWidget(self.body)
        column.addWidget(self.meta)
        column.addWidget(self.see_also)
        column.addLayout(self.links_box)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the text is wrapped to the viewport, which narrows when the scroll bar appears
        self.scroll.viewport().installEventFilter(self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(22, 16, 16, 18)
        outer.setSpacing(8)
        outer.addLayout(top)
        outer.addWidget(self.scroll, 1)
        self.apply_scale(body_px)
        self.hide()

    # -- look ---------------------------------------------------------------------------
    def apply_scale(self, body_px: int) -> None:
        """Type sizes from the view's size (body_px is the body text size in pixels).

        The text's document follows at once. The widgets' style sheet follows only while
        the card shows, and only if the size changed: setting a style sheet re-polishes
        every widget of the card, a few milliseconds each time.
        """
        body_px = max(16, body_px)
        self._wanted_px = body_px
        changed = body_px != self.body_px
        if changed:
            self.body_px = body_px
            document = self.body.document()
            document.setDefaultStyleSheet(f"p {{ margin: 0 0 {body_px // 2}px 0; }}")
            self._document_font = QFont(BODY_FAMILY)
            self._document_font.setPixelSize(body_px)
            document.setDefaultFont(self._document_font)
        if (self.isVisible() and self._apply_sheet()) or changed:
            self._fit_body()

    def prepare_scale(self, body_px: int) -> None:
        """The size the card will show at (its view knows it before it lays itself out)."""
        self._wanted_px = max(16, body_px)

    def _apply_sheet(self) -> bool:
        key = (self._wanted_px, len(self._accents))
        if key == self._sheet_key:
            return False
        self._sheet_key = key
        self.setStyleSheet(self._style_sheet(self._wanted_px))
        # the text browser's new font became the document's: the document keeps its own
        self.body.document().setDefaultFont(self._document_font)
        return True

    def _style_sheet(self, body_px: int) -> str:
        c = self.colours
        title_px = round(body_px * 1.5)
        edges = "".join(f"""
QFrame#detailPanel[accent="{accent}"] {{ border-left: 8px solid {accent}; }}"""
                        for accent in self._accents)
        return f"""
QFrame#detailPanel {{ background: {c.surface}; border: 2px solid {c.border};
  border-left: 8px solid {QColor(c.ink).name()}; border-radius: 12px; }}{edges}
QWidget#panelContent, QScrollArea {{ background: transparent; }}
QLabel {{ color: {c.ink}; background: transparent; }}
QLabel#kicker {{ font-family: "{BODY_FAMILY}"; font-size: {round(body_px * 0.85)}px;
  font-weight: 700; color: {c.muted}; }}
QLabel#panelTitle {{ font-family: "{TITLE_FAMILY}"; font-size: {title_px}px; font-weight: 700; }}
QLabel#summary {{ font-family: "{BODY_FAMILY}"; font-size: {body_px}px; font-style: italic; }}
QLabel#meta {{ font-family: "{BODY_FAMILY}"; font-size: {round(body_px * 0.85)}px; color: {c.muted}; }}
QLabel#seeAlso {{ font-family: "{TITLE_FAMILY}"; font-size: {round(body_px * 1.1)}px;
  font-weight: 700; }}
QTextBrowser#body {{ font-family: "{BODY_FAMILY}"; font-size: {body_px}px; color: {c.ink};
  background: transparent; }}
QPushButton {{ font-family: "{BODY_FAMILY}"; font-size: {body_px}px; font-weight: 700;
  text-align: left; min-height: 44px; padding: 4px 14px; border-radius: 10px;
  color: {c.ink}; background: {c.background}; border: 3px solid {c.border}; }}
QPushButton:hover {{ border-color: {c.ink}; }}
QPushButton:focus {{ border: 4px solid {c.focus}; }}
QPushButton#closeButton {{ text-align: center; }}
"""

    def _add_accent(self, accent: str) -> bool:
        name = QColor(accent).name()
        if name in self._accents:
            return False
        self._accents.append(name)
        return True

    def _set_accent(self, accent: str) -> None:
        """The coloured left edge of the card: a property its style sheet matches."""
        self._accent = QColor(accent)
        name = self._accent.name()
        if self.property("accent") == name:
            return
        self.setProperty("accent", name)
        # a colour no rule knows yet needs a new style sheet (show_entry sets it)
        if not self._add_accent(name) and self._sheet_key is not None:
            self.style().unpolish(self)
            self.style().polish(self)
            self.update()

    def _elide_buttons(self) -> None:
        """Long titles end with « … » instead of widening the panel."""
        width = self.scroll.viewport().width() - 40
        for button in self.link_buttons:
            full = button.property("fullText") or button.text()
            button.setText(button.fontMetrics().elidedText(
                full, Qt.TextElideMode.ElideRight, max(60, width)))

    def _fit_body(self, *_: object) -> None:
        """The text browser exactly as tall as its text, so the links come below it.

        The browser wraps its document to its viewport each time that viewport changes
        size, and the document then says its new size: the height is measured on that
        document, at the width it is really shown at, plus the border the style sheets
        give the browser (the reader's focus ring, thicker on larger screens). The card
        never sets a width of its own: one differing from the browser's, set after it,
        left the height measured on a text other than the one drawn.
        """
        self._elide_buttons()
        body = self.body
        outer, inner = body.rect(), body.contentsRect()
        margins = body.viewportMargins()
        frame = outer.height() - inner.height() + margins.top() + margins.bottom()
        height = math.ceil(body.document().size().height()) + frame
        if body.minimumHeight() != height or body.maximumHeight() != height:
            body.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # the card's viewport narrows when its scroll bar shows (the links are elided to
        # it); the text's viewport changes with the card's width and the browser's border
        if event.type() == QEvent.Type.Resize and watched in (self.scroll.viewport(),
                                                               self.body.viewport()):
            self._fit_body()
        return False

    # -- content ------------------------------------------------------------------------
    def show_entry(self, entry_id: str, kicker: str, title: str, summary: str, html: str,
                   links: Sequence[str], meta: str = "", accent: str | None = None) -> None:
        self.current_id = entry_id
        if accent:
            self._set_accent(accent)
        self.kicker.setText(kicker)
        self.title.setText(title)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.body.setHtml(html)
        self.body.setVisible(bool(html))
        self.meta.setText(meta)
        self.meta.setVisible(bool(meta))
        for button in self.link_buttons:
            self.links_box.removeWidget(button)
            button.deleteLater()
        self.link_buttons = []
        for target in links:
            label = self._titles(target)
            shown = f"→ {label}".replace("&", "&&")  # "&" is text here, not a mnemonic
            button = QPushButton(shown)
            button.setProperty("fullText", shown)
            button.setToolTip(label)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(QCoreApplication.translate("DetailPanel", "Voir aussi : %1").replace("%1", label))
            button.setProperty("target", target)
            button.clicked.connect(lambda _=False, t=target: self.link_activated.emit(t))
            self.links_box.addWidget(button)
            button.ensurePolished()  # its font comes from the style sheet: elide with it
            self.link_buttons.append(button)
        self.see_also.setVisible(bool(links))
        self.setAccessibleName(f"{kicker} — {title}" if kicker else title)
        self.setAccessibleDescription(summary)
        self.scroll.verticalScrollBar().setValue(0)
        self._apply_sheet()
        self.show()
        self.raise_()
        self._fit_body()
        if self.isVisible():  # the focus goes into the open panel (back to its element on close)
            self.close_button.setFocus(Qt.FocusReason.PopupFocusReason)

    def plain_text(self) -> str:
        """What the panel says, for tests and screen readers."""
        return "\n".join([self.kicker.text(), self.title.text(), self.summary.text(),
                          self.body.toPlainText(), self.meta.text()])

    def close_panel(self) -> None:
        if not self.isHidden():  # also in a window not shown (presenter's rehearsal)
            self.hide()
            self.current_id = ""
            self.closed.emit()

    def _anchor(self, url) -> None:
        target = url.toString()
        if target.startswith("#"):
            self.link_activated.emit(target[1:])
        elif target.startswith("glossaire:"):  # a glossary term: its pop-up (issue 18)
            self.link_activated.emit(target)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt API)
        """Tab stays inside the open panel until it is closed (issue 15)."""
        chain = [w for w in self.findChildren(QWidget) if w.isVisible() and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if not chain:
            return super().focusNextPrevChild(forward)
        focus = self.focusWidget()
        index = chain.index(focus) if focus in chain else -1
        chain[(index + (1 if forward else -1)) % len(chain)].setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.close_panel()
            return
        super().keyPressEvent(event)
