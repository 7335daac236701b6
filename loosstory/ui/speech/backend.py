"""Voices behind one small interface, so another platform's system voice can be added.

A backend says whether a voice is installed (:meth:`SpeechBackend.available`) and builds the
command that speaks one sentence. The sentence runs in its own subprocess (``QProcess``), so
stopping is immediate: the process is killed. On Linux the voice is espeak-ng (Debian
package ``espeak-ng``). Where no voice is installed, :class:`NoVoice` says so and the
settings panel shows it; nothing fails.
"""

from __future__ import annotations

import shutil


class SpeechBackend:
    """The contract: ``available`` and the command speaking ``text`` in ``language``."""

    name = "none"

    def available(self) -> bool:
        return False

    def command(self, text: str, language: str) -> tuple[str, list[str]]:
        raise NotImplementedError


class NoVoice(SpeechBackend):
    """No voice on this computer: read-aloud is offered as unavailable."""


class EspeakBackend(SpeechBackend):
    """espeak-ng, run once per sentence (text on the command line, no shell)."""

    name = "espeak-ng"

    def __init__(self, program: str | None = None) -> None:
        self.program = program if program is not None else (shutil.which("espeak-ng") or "")

    def available(self) -> bool:
        return bool(self.program)

    def command(self, text: str, language: str) -> tuple[str, list[str]]:
        voice = (language or "fr").split("-")[0].lower() or "fr"
        return self.program, ["-v", voice, "-s", "150", "--", text]


def system_voice() -> SpeechBackend:
    """The voice of this platform (espeak-ng where installed), else :class:`NoVoice`."""
    espeak = EspeakBackend()
    return espeak if espeak.available() else NoVoice()
