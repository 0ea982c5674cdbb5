"""Ed25519 signing of entry hashes, on two threads for large batches.

libsodium signs without holding Python's interpreter lock, so a second thread doubles the
signing rate of a batch on a two-core machine; small batches are signed inline, where the
hand-off would cost more than it saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from nacl.bindings import crypto_sign, crypto_sign_seed_keypair
from nacl.signing import SigningKey

__all__ = ["Signer"]

#: Batches at least this large are split between the calling thread and a helper.
PARALLEL_FROM = 32
_SIGNATURE_BYTES = 64


class Signer:
    def __init__(self, key: SigningKey) -> None:
        _, self._secret = crypto_sign_seed_keypair(bytes(key))  # 64-byte libsodium key
        self._helper: ThreadPoolExecutor | None = None

    def sign(self, message: bytes) -> bytes:
        return crypto_sign(message, self._secret)[:_SIGNATURE_BYTES]

    def _sign_many(self, messages: Sequence[bytes]) -> list[bytes]:
        secret = self._secret
        return [crypto_sign(message, secret)[:_SIGNATURE_BYTES] for message in messages]

    def sign_all(self, messages: Sequence[bytes]) -> list[bytes]:
        if len(messages) < PARALLEL_FROM:
            return self._sign_many(messages)
        if self._helper is None:
            self._helper = ThreadPoolExecutor(1, thread_name_prefix="audit-signer")
        half = len(messages) // 2
        second = self._helper.submit(self._sign_many, messages[half:])
        return self._sign_many(messages[:half]) + second.result()

    def close(self) -> None:
        if self._helper is not None:
            self._helper.shutdown()
            self._helper = None
