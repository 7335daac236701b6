"""Kiosk mode: the story unattended all day on a touch screen (issue 4).

Pure-Python parts (no Qt): :mod:`.paths`, :mod:`.settings`, :mod:`.pin`.
Qt parts: :mod:`.shell` (the locked full-screen window), :mod:`.lockdown` (input rules and
the secret staff gesture), :mod:`.idle` (idle timer), :mod:`.overlay` (the countdown),
:mod:`.attract` (the attract loop), :mod:`.pinpad`, :mod:`.admin`, :mod:`.content`
(safe pack updates), :mod:`.visits` (usage figures), :mod:`.resilience` (logging and
exception hooks), :mod:`.controller` (the policy tying them together) and :mod:`.launch`
(``loosstory --kiosk``). See docs/kiosk.md.
"""
