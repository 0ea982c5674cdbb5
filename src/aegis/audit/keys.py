"""The log's Ed25519 signing key: given as 32 bytes, or kept in a key file.

Without a key, one is created in a file next to the database, readable by its owner only,
and only together with a new log: an existing log whose key file is missing is an error,
never a reason to make a new key. The file is written under a temporary name and linked
into place, so two processes opening the same new log agree on one key and never read a
half-written file.

A key file that others may read is refused, not warned about: whoever reads the key can
sign a rewritten history that verifies, so the log would prove nothing, and a warning
nobody reads in a service's output would leave it so (``chmod 600`` the file).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from nacl.signing import SigningKey

from aegis.audit.model import AuditKeyError

__all__ = ["create_key", "key_mismatch", "load_key_file", "signing_key_from"]

SEED_BYTES = 32
#: A key file larger than this is not a key (read no further).
_MAX_KEY_FILE = 1024


def signing_key_from(value: bytes | str | os.PathLike[str]) -> SigningKey:
    """A signing key from a 32-byte seed or the path of a key file holding one (raw or hex)."""
    if isinstance(value, bytes | bytearray):
        if len(value) != SEED_BYTES:
            raise ValueError(f"signing_key must be {SEED_BYTES} bytes, got {len(value)} bytes")
        return SigningKey(bytes(value))
    if not isinstance(value, str | os.PathLike):
        raise TypeError(f"signing_key must be 32 bytes or a key file path, got {value!r:.80}")
    return load_key_file(Path(value))


def load_key_file(path: Path) -> SigningKey:
    """The key in the file at ``path``; AuditKeyError naming the file and what to do."""
    try:
        with path.open("rb") as source:
            mode = os.fstat(source.fileno()).st_mode
            raw = source.read(_MAX_KEY_FILE + 1)
    except FileNotFoundError:
        raise AuditKeyError(f"signing_key: no key file at {str(path)!r}", path) from None
    except OSError as error:
        raise AuditKeyError(
            f"cannot read the key file {str(path)!r}: {error.strerror}", path
        ) from None
    if not stat.S_ISREG(mode):
        raise AuditKeyError(f"the key file {str(path)!r} is not a regular file", path)
    if os.name == "posix" and stat.S_IMODE(mode) & 0o077:
        raise AuditKeyError(
            f"the key file {str(path)!r} may be read by others (mode "
            f"{stat.S_IMODE(mode):04o}); anyone who reads it can forge the log: "
            f"`chmod 600 {path}` (and replace the key if others did read it)",
            path,
        )
    return SigningKey(_seed(path, raw))


def _seed(path: Path, raw: bytes) -> bytes:
    if len(raw) == SEED_BYTES:
        return raw
    text = raw.strip()
    if len(text) == 2 * SEED_BYTES and all(c in b"0123456789abcdefABCDEF" for c in text):
        return bytes.fromhex(text.decode("ascii"))
    raise AuditKeyError(
        f"the key file {str(path)!r} does not hold a {SEED_BYTES}-byte Ed25519 seed "
        f"(raw, or as {2 * SEED_BYTES} hex digits): it holds {len(raw)} bytes of something "
        "else; restore the key file from a backup",
        path,
    )


def create_key(path: Path) -> tuple[SigningKey, bool]:
    """A new key in ``path`` (mode 0600), and True; or the key another process just put
    there, and False."""
    key = SigningKey.generate()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise AuditKeyError(
            f"cannot create the key file {str(path)!r}: {error.strerror}", path
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(bytes(key))
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, path)  # fails if another process got there first
        except FileExistsError:
            return load_key_file(path), False
        return key, True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def key_mismatch(public_key: bytes, stored: bytes | None, where: str) -> AuditKeyError:
    """The error for a signing key that is not the one of the log at ``where``, whose
    stored public key is ``stored``: whatever the store, the same words."""
    return AuditKeyError(
        f"the signing key's public half {public_key.hex()} does not match the public key "
        f"{stored.hex() if stored else None} of the log at {where!r}; pass the log's own key",
        where,
    )
