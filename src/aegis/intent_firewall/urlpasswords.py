"""Connection strings that carry their password: ``postgres://admin:S3cr3t@db.prod:5432/app``.

A database, cache or broker URL with a password in its user part is the credential itself:
posted to a channel, an issue or a mail it is handed to everyone who reads it. A URL whose
password is a placeholder (``user:pass@``, ``USER:PASSWORD@``, ``<password>``), a variable
(``${POSTGRES_PASSWORD}``, ``$DB_PASS``, ``{{ .Values.pw }}``) or that points at the local
host (a development default) carries none.
"""

from __future__ import annotations

import re2

__all__ = ["url_password"]

_USERINFO = re2.compile(
    r"([A-Za-z][A-Za-z0-9+.-]{1,20})://([^\s:/@'\"]{0,64}):([^\s/@'\"]{1,128})@([^\s/:?#'\"]{1,255})"
)
_PLACEHOLDERS = frozenset(
    {"password", "pass", "passwd", "pwd", "secret", "pw", "changeme", "yourpassword",
     "your_password", "your-password", "mypassword", "my_password", "example", "test",
     "dummy", "redacted", "masked", "hidden", "token", "p", "x", "pass123"}
)  # fmt: skip
_LOOPBACK = ("localhost", "127.", "[::1]", "0.0.0.0", "host.docker.internal")  # noqa: S104
_MARKS = ("$", "<", "{", "%", "*", "[", "…", "...")
_MAX_MATCHES = 32


def url_password(text: str) -> str:
    """The first URL in ``text`` that carries a literal password to a host other than the
    local one (its password masked), or ``""``."""
    for count, match in enumerate(_USERINFO.finditer(text)):
        if count >= _MAX_MATCHES:
            break
        scheme, user, password, host = match.groups()
        if _placeholder(password) or host.casefold().startswith(_LOOPBACK):
            continue
        return f"{scheme}://{user}:***@{host}: a connection string with its password"
    return ""


def _placeholder(password: str) -> bool:
    folded = password.casefold()
    if folded in _PLACEHOLDERS or password.startswith(_MARKS):
        return True
    letters = password.replace("_", "").replace("-", "")
    if letters.isalpha() and letters.isupper():
        return True  # USER:PASSWORD@, DB_PASS
    return len(set(folded)) == 1  # xxxx, ****
