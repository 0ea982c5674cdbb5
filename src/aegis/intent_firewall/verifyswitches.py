"""Settings that switch certificate, signature or host verification off.

``git config --global http.sslVerify false``, ``npm config set strict-ssl false``,
``conda config --set ssl_verify false``, ``pip config set global.trusted-host HOST``,
``NODE_TLS_REJECT_UNAUTHORIZED=0``: every later download of that tool accepts whatever a
machine in the middle serves, so the next install runs its code. Such a setting is
``verification-off`` (*review*) wherever it is written: as a command's ``KEY VALUE`` or
``KEY=VALUE`` words (any program: git, pip, npm, yarn, pnpm, conda, poetry, cargo, ``env``,
``docker run -e``), as a flag (``--no-verify-ssl``), or as a line of a package manager's
or git's configuration file written with its content (``.npmrc``, ``pip.conf``,
``.condarc``, ``.gitconfig``, ``.yarnrc.yml``, ``.cargo/config.toml``, ``.env``).

A key is compared by its last dotted part, lower case, without ``-`` and ``_``
(``http.https://host.sslVerify`` is ``sslverify``, ``global.trusted-host`` is
``trustedhost``), so each tool's spelling is one entry. Keys that name a trust store
(``http.sslCAInfo``, ``cafile``, ``REQUESTS_CA_BUNDLE``) set as settings are findings with
any value: the store they name decides what is trusted, and an empty one switches checks off
for some clients (an option giving one call its CA, ``curl --cacert``, is not a setting).
A host trusted without TLS is one only when it is the loopback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from aegis.intent_firewall.rules import Hit, default_hit

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge
    from aegis.intent_firewall.options import Arg

__all__ = ["verification_findings", "verification_off", "verification_switches"]

#: Keys whose false value switches verification off.
_OFF_WHEN_FALSE = frozenset(
    {"sslverify", "strictssl", "enablestrictssl", "verifyssl", "tlsverify", "checkrevoke",
     "gpgcheck", "repogpgcheck", "sslverifypeer", "sslverifyhost", "verifycertificate",
     "verifytls", "nodetlsrejectunauthorized", "pythonhttpsverify", "sslcheck",
     "verifycertificates", "httpsverify"}
)  # fmt: skip
#: Keys whose true value (or presence as a flag) switches verification off.
_OFF_WHEN_TRUE = frozenset(
    {"insecure", "sslnoverify", "gitsslnoverify", "skiptlsverify", "insecureskiptlsverify",
     "tlsinsecure", "sslinsecure", "allowinsecure", "noverifyssl", "noverifytls",
     "disablesslverification", "disablessl", "nosslverify", "sslverifynone",
     "gitsslnoverifypeer", "noverify"}
)  # fmt: skip
#: Flags that switch verification off by themselves.
_OFF_FLAGS = frozenset(
    {"noverifyssl", "insecureskiptlsverify", "skiptlsverify", "sslnoverify", "noverifytls",
     "disablesslverification", "nosslverify"}
)  # fmt: skip
#: Keys naming a host trusted without TLS, and keys naming the trust store itself.
_TRUSTED_HOSTS = frozenset({"trustedhost", "allowinsecurehost", "insecurehost", "insecurehosts"})
_TRUST_STORES = frozenset(
    {"sslcainfo", "sslcapath", "cafile", "cabundle", "curlcabundle", "requestscabundle",
     "sslcertfile", "sslcertdir", "nodeextracacerts", "gitsslcainfo", "gitsslcapath"}
)  # fmt: skip
_FALSE = frozenset({"false", "0", "no", "off", "n", "f", "disabled", "disable"})
_TRUE = frozenset({"true", "1", "yes", "on", "y", "t", "enabled", "enable"})
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
#: ``key = value`` / ``key: value`` lines of configuration files (INI, TOML, YAML, .env).
_SETTING = re2.compile(r"^\s*(?:export\s+)?[\"']?([A-Za-z0-9_.:/@-]{2,200})[\"']?\s*[=:]\s*(.*)$")
#: Configuration files read by package managers, git and the shell's environment loaders.
_CONFIG_NAMES = frozenset(
    {".npmrc", ".yarnrc", ".yarnrc.yml", ".pnpmrc", "pip.conf", "pip.ini", ".condarc",
     "condarc", ".mambarc", ".gitconfig", "poetry.toml", "uv.toml", ".bowerrc", ".gemrc",
     ".curlrc", ".wgetrc", "environment.yml", "environment.yaml", "dockerfile"}
)  # fmt: skip
_CONFIG_SUFFIXES = (".env", "/.git/config", "/.cargo/config.toml", "/.cargo/config", ".conf")
_MAX_LINES = 4000


def _key(word: str) -> str:
    last = word.lstrip("-").rsplit(".", 1)[-1].lower()
    return last.replace("-", "").replace("_", "")


def verification_off(key: str, value: str | None) -> str | None:
    """Why setting ``key`` to ``value`` (``None``: given as a bare flag) switches
    verification off; ``None`` when it does not."""
    name = _key(key)
    if not name.isalnum():
        return None
    if value is None:
        return "verification switched off" if name in _OFF_FLAGS else None
    plain = value.strip().strip("\"'").strip().lower()
    if (name in _OFF_WHEN_FALSE and plain in _FALSE) or (name in _OFF_WHEN_TRUE and plain in _TRUE):
        return "certificate verification switched off"
    special = _flag_in_value(key, name, plain)
    if special:
        return special
    if name in _TRUSTED_HOSTS and plain and plain not in _LOOPBACK:
        return "a host trusted without certificate checks"
    # curl --cacert, mosquitto --cafile: an option gives one call its CA, no setting
    store = name in _TRUST_STORES or (name == "cert" and "." in key)  # pip global.cert
    return "the trust store replaced" if store and not key.startswith("-") else None


def _flag_in_value(key: str, name: str, plain: str) -> str | None:
    """Checks switched off by one word of a longer value: ``GOFLAGS=-insecure -mod=mod``,
    and git's ownership check by ``safe.directory '*'``."""
    if name == "goflags" and "-insecure" in plain.split():
        return "go modules fetched over plain HTTP"
    if key.lower().endswith("safe.directory") and plain == "*":
        return "repositories of any owner trusted (git's ownership check off)"
    return None


def verification_switches(judge: CommandJudge, name: str, args: list[Arg]) -> None:
    """A command's ``KEY VALUE``, ``KEY=VALUE`` and flag words that switch checks off."""
    words = [arg[0] for arg in args[1:]]
    for index, word in enumerate(words):
        if not word or len(word) > 300:
            continue
        key, equals, value = word.partition("=")
        if equals:
            why = verification_off(key, value)
        else:
            following = words[index + 1] if index + 1 < len(words) else None
            why = verification_off(key, None)
            if why is None and following is not None and not following.startswith("-"):
                why = verification_off(key, following)
        if why:
            judge.hit("verification-off", f"{name} {word[:80]}: {why}")
            return


def _config_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name in _CONFIG_NAMES or name.startswith(".env") or path.endswith(_CONFIG_SUFFIXES)


def verification_findings(path: str, new: list[str]) -> list[Hit]:
    """A configuration file at ``path`` (lower case) written with ``new`` holding a setting
    that switches checks off (``strict-ssl=false`` in ``.npmrc``)."""
    if not new or not _config_file(path):
        return []
    lines = [line for text in new for line in text.splitlines()][:_MAX_LINES]
    for line in lines:
        words = line.split()
        if path.endswith("dockerfile") and words[:1] and words[0].upper() in ("ENV", "ARG"):
            line = " ".join(words[1:])  # noqa: PLW2901 (ENV NAME=value)
        match = _SETTING.match(line)
        if match is None:
            continue
        value = match.group(2).split("#", 1)[0].strip()
        why = verification_off(match.group(1), value)
        if why:
            return [default_hit("verification-off", f"{why}: {line.strip()[:80]!r}")]
    return []
