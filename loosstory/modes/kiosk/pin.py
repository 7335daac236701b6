"""The staff PIN, stored hashed: PBKDF2-HMAC-SHA256 with a random salt.

Stored form: ``pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>``. The default PIN (see
packaging/kiosk/GUIDE-KIOSQUE.md) is 2468; ``loosstory kiosk-pin`` writes a new hash into
the kiosk configuration file.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

DEFAULT_PIN = "2468"
ITERATIONS = 200_000
# The hash of DEFAULT_PIN, used when the configuration has no pin_hash.
DEFAULT_PIN_HASH = (
    "pbkdf2-sha256$200000$6c6f6f7373746f72792d6b696f736b21$"
    "a7739a3fb4281ac6b1c2d7b1a3e104c18ea6be6694b3292c5cac2fd465a5ce30"
)


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"pbkdf2-sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, expected = stored.split("$")
        if scheme != "pbkdf2-sha256":
            return False
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt),
                                     int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), expected)


def valid_pin(pin: str) -> bool:
    """4 to 12 digits: typed on the kiosk's PIN pad."""
    return pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 12
