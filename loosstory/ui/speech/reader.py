"""Speak a text sentence by sentence, telling which sentence is being read; stop at once."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QProcess, Signal

from loosstory.ui.speech.backend import SpeechBackend, system_voice

_SENTENCE_END = re.compile(r"(?<=[.!?…»])\s+(?=[A-ZÀ-ÖØ-Þ«0-9])")


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (after . ! ? … followed by a capital), blanks dropped."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n", text):
        block = " ".join(block.split())
        out.extend(part.strip() for part in _SENTENCE_END.split(block) if part.strip())
    return out


class ReadAloud(QObject):
    """Reads texts aloud through a :class:`SpeechBackend`; one subprocess per sentence."""

    sentence_started = Signal(int, str)  # index, sentence (the one being read)
    started = Signal()  # the voice's process is running
    finished = Signal()  # the last sentence was read, or reading was stopped

    def __init__(self, backend: SpeechBackend | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend if backend is not None else system_voice()
        self._sentences: list[str] = []
        self._index = -1
        self._language = "fr"
        self._process: QProcess | None = None

    @property
    def available(self) -> bool:
        return self.backend.available()

    @property
    def speaking(self) -> bool:
        return self._process is not None

    def read(self, text: str, language: str) -> bool:
        """Start reading ``text`` (stopping what was being read); False without a voice."""
        self.stop()
        if not self.available:
            return False
        self._sentences = sentences(text)
        self._language = language
        self._index = -1
        if not self._sentences:
            return False
        self._next()
        return True

    def _next(self) -> None:
        self._index += 1
        if self._index >= len(self._sentences):
            self._drop_process()
            self.finished.emit()
            return
        sentence = self._sentences[self._index]
        program, arguments = self.backend.command(sentence, self._language)
        process = QProcess(self)
        process.finished.connect(self._on_finished)
        process.started.connect(self.started)
        process.errorOccurred.connect(self._on_error)
        self._drop_process()
        self._process = process
        self.sentence_started.emit(self._index, sentence)
        process.start(program, arguments)

    def _on_finished(self, *_args: object) -> None:
        if self.sender() is self._process:
            self._next()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if self.sender() is self._process and error == QProcess.ProcessError.FailedToStart:
            self.stop()

    def _drop_process(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        for signal in (process.finished, process.errorOccurred, process.started):
            signal.disconnect()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(2000)
        process.deleteLater()

    def stop(self) -> None:
        """Stop speaking now (any input does this); emits ``finished`` if it was speaking."""
        was = self._process is not None
        self._drop_process()
        self._sentences, self._index = [], -1
        if was:
            self.finished.emit()
