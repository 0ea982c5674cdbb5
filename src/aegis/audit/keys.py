"""The log's Ed25519 signing key: given as 32 bytes, or kept in a key file.

Without a key, one is created in a file next to the database, readable by its owner only.
The file is written under a temporary name and linked into place, so two processes opening
the same new log agree on one key and never read a half-written file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from nacl.signing import SigningKey

__all__ = ["load_or_create_key", "signing_key_from"]

SEED_BYTES = 32


def signing_key_from(value: bytes | str | os.PathLike[str]) -> SigningKey:
    """A signing key from a 32-byte seed or the path of a key file holding one (raw or hex)."""
    if isinstance(value, bytes | bytearray):
        if len(value) != SEED_BYTES:
            raise ValueError(f"signing_key must be {SEED_BYTES} bytes, got {len(value)} bytes")
        return SigningKey(bytes(value))
    path = Path(value)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"signing_key: no key file at {str(path)!r}") from None
    seed = raw if len(raw) == SEED_BYTES else bytes.fromhex(raw.decode("ascii").strip())
    if len(seed) != SEED_BYTES:
        raise ValueError(f"signing_key: {str(path)!r} does not hold a {SEED_BYTES}-byte seed")
    return SigningKey(seed)


def load_or_create_key(path: Path) -> SigningKey:
    """The key in ``path``, created (mode 0600) if there is none yet."""
    if path.exists():
        return signing_key_from(path)
    key = SigningKey.generate()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(bytes(key))
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, path)  # fails if another process got there first
        except FileExistsError:
            return signing_key_from(path)
        return key
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
