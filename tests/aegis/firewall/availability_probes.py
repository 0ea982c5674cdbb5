"""Probes of the firewall's availability: shapes built to make it slow, not to slip past it.

Part of :data:`~tests.aegis.firewall.robustness_probes.PROBES` (same contract: a verdict or
the documented error, quickly, and never *allow* for a probe that carries an attack). Each
group takes one way an input can cost a judge more than its size suggests: containers of
every kind nested, wide or cyclic; a great many tiny items; many values that are each at
their own bound (so only a request-wide budget stops them); Unicode that grows, decomposes
or spans many scripts; shell grammar built of many small constructs; URLs, hosts, paths and
SQL at their parsers' worst; bytes in encodings other than UTF-8.
"""

from __future__ import annotations

import array
import collections
import itertools
from collections.abc import Iterator
from typing import Any

from aegis.intent_firewall import Request
from tests.aegis.firewall.probe_model import Probe

__all__ = ["availability_probes"]

ATTACK = "rm -rf /"


def _command(text: str) -> Request:
    return Request("execute_command", {"command": text})


def _params(parameters: Any, action: str = "process") -> Request:
    return Request(action, parameters)


def _alternating(depth: int) -> object:
    """Lists, tuples, dicts, deques and frozensets inside each other ``depth`` deep."""
    node: Any = ATTACK
    for level in range(depth):
        kind = level % 5
        if kind == 0:
            node = [node]
        elif kind == 1:
            node = (node,)
        elif kind == 2:
            node = {"x": node}
        elif kind == 3:
            node = collections.deque([node])
        else:
            node = frozenset({(node,)}) if isinstance(node, tuple) else frozenset({ATTACK})
    return node


def _deque_cycle() -> dict[str, object]:
    loop: collections.deque[object] = collections.deque([ATTACK])
    loop.append({"again": loop})
    return {"argv": loop}


def _ordered_cycle() -> dict[str, object]:
    node: collections.OrderedDict[str, object] = collections.OrderedDict(cmd=ATTACK)
    node["child"] = collections.defaultdict(list, {"parent": node})
    return {"a": node}


class _EndlessList(list[str]):
    """A list that claims two items and iterates forever."""

    def __iter__(self) -> Iterator[str]:
        return itertools.cycle(["ls", ATTACK])

    def __len__(self) -> int:
        return 2


class _LoudStr(str):
    """A ``str`` subclass whose methods fail: judged as the text it holds, not by calls."""

    __slots__ = ()

    def lower(self) -> str:  # type: ignore[override]
        raise RuntimeError("lower of a hostile str")

    def __hash__(self) -> int:
        raise RuntimeError("hash of a hostile str")


def _containers() -> list[Probe]:
    return [
        Probe(
            "mixed-containers-5000-deep",
            lambda: _params({"v": _alternating(5000)}),
            True,
            "lists, tuples, dicts, deques and frozensets nested 5,000 deep",
        ),
        Probe(
            "tuple-10000-deep",
            lambda: _params({"argv": _tuples(10_000)}),
            True,
            "tuples nested 10,000 deep around an attack",
        ),
        Probe("deque-cycle", lambda: _params(_deque_cycle()), True, "a deque that holds itself"),
        Probe(
            "ordered-defaultdict-cycle",
            lambda: _params(_ordered_cycle()),
            True,
            "an OrderedDict and a defaultdict in a cycle",
        ),
        Probe(
            "set-100k-strings",
            lambda: _params({"s": {f"w{i}" for i in range(100_000)}}),
            False,
            "a set of 100,000 strings",
        ),
        Probe(
            "endless-list-subclass",
            lambda: _params({"commands": _EndlessList()}),
            True,
            "a list subclass whose iteration never ends",
        ),
        Probe(
            "range-10-18",
            lambda: _params({"items": range(10**18)}),
            False,
            "a range of 10**18 numbers",
        ),
        Probe(
            "count-forever",
            lambda: _params({"items": itertools.count()}),
            False,
            "an iterator that never ends under an ordinary key",
        ),
        Probe(
            "hostile-str-subclass",
            lambda: _params({"command": _LoudStr(ATTACK)}),
            True,
            "a str subclass whose lower() and hash() raise",
        ),
        Probe(
            "dict-tuple-keys-deep",
            lambda: _params({_tuples(2000): ATTACK}),
            True,
            "a key that is a tuple nested 2,000 deep",
        ),
        Probe(
            "wide-and-deep",
            lambda: _params({"t": [[[ATTACK] * 50] * 50] * 50}),
            True,
            "125,000 paths through 3 levels of shared lists",
        ),
    ]


def _numbers(count: int) -> str:
    return ", ".join(map(str, range(count)))


def _tuples(depth: int) -> object:
    node: object = ATTACK
    for _ in range(depth):
        node = (node,)
    return node


def _many_items() -> list[Probe]:
    return [
        Probe(
            "million-empty-strings",
            lambda: _params({"items": [""] * 1_000_000}),
            False,
            "a million empty strings",
        ),
        Probe(
            "distinct-semicolons",
            lambda: _params({"cmd": [";" * (i % 50 + 1) for i in range(5000)]}),
            False,
            "5,000 command values of semicolons",
        ),
        Probe(
            "keys-as-commands",
            lambda: _params({f"rm -rf /tmp/k{i}; ls": i for i in range(5000)}),
            False,
            "5,000 keys that read like command lines",
        ),
        Probe(
            "max-strings-16k",
            lambda: _params(
                {f"text{i}": f"{i} " + "word " * 3270 for i in range(8)}, "send_message"
            ),
            False,
            "eight strings at the 16,000-character bound",
        ),
        Probe(
            "max-strings-16k-cyrillic",
            lambda: _params(
                {f"text{i}": f"{i} " + "привет мир " * 1450 for i in range(8)}, "send_message"
            ),
            False,
            "eight Cyrillic strings at the 16,000-character bound",
        ),
        Probe(
            "long-lines-2000-words",
            lambda: _params(
                {"commands": [f"echo {i} " + "a " * 2000 for i in range(30)]}, "run_commands"
            ),
            False,
            "30 command lines of 2,000 words each",
        ),
        Probe(
            "long-lines-pipes",
            lambda: _params(
                {"commands": [f"a{i}" + "|b" * 2000 for i in range(30)]}, "run_commands"
            ),
            False,
            "30 command lines of 2,000 pipes each",
        ),
        Probe(
            "argv-lists-1000-words",
            lambda: _params(
                {
                    "tasks": [
                        {"argv": ["echo", *(f"w{j}" for j in range(1000)), str(i)]}
                        for i in range(100)
                    ]
                },
                "run_tasks",
            ),
            False,
            "100 argument vectors of 1,000 words each",
        ),
        Probe(
            "hosts-under-many-keys",
            lambda: _params(
                {f"host_{i}": f"h{i}.example.net:{1000 + i}" for i in range(250)}, "connect"
            ),
            True,
            "250 host:port values under host keys",
        ),
        Probe(
            "emails-5000",
            lambda: _params(
                {"to": ", ".join(f"user{i}@d{i}.example" for i in range(5000))}, "send_email"
            ),
            True,
            "5,000 recipients at unknown domains",
        ),
        Probe(
            "sql-values-250",
            lambda: _params(
                {
                    f"query{i}": f"SELECT * FROM t{i} WHERE a IN ({_numbers(200)})"  # noqa: S608
                    for i in range(250)
                },
                "query_database",
            ),
            False,
            "250 queries of 200-value IN lists",
        ),
        Probe(
            "fenced-blocks-in-values",
            lambda: _params(
                {f"reply{i}": "```bash\n" + "ls -la\n" * 200 + "```" for i in range(60)}
            ),
            False,
            "60 replies of 200-line shell blocks",
        ),
    ]


def _unicode() -> list[Probe]:
    distinct = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 8000))
    scripts = "".join(
        chr(c)
        for c in itertools.chain(
            range(0x0400, 0x0460),
            range(0x0370, 0x03E0),
            range(0x0530, 0x0580),
            range(0x05D0, 0x05EB),
            range(0x0620, 0x064B),
            range(0x0905, 0x0940),
            range(0x0E01, 0x0E30),
            range(0x10A0, 0x10C6),
            range(0xAC00, 0xAD00),
        )
    )
    return [
        Probe(
            "combining-on-every-letter",
            lambda: _command("a\u0301" * 8000),
            False,
            "8,000 letters each with a combining accent",
        ),
        Probe(
            "hangul-jamo-16k",
            lambda: _params({"text": "\u1100\u1161\u11a8" * 5300}),
            False,
            "conjoining jamo that NFKC composes",
        ),
        Probe(
            "distinct-han-8000",
            lambda: _params({"text": distinct}),
            False,
            "8,000 distinct ideographs (no per-character cache helps)",
        ),
        Probe(
            "many-scripts-words",
            lambda: _params(
                {"text": " ".join(scripts[i : i + 3] + "a" for i in range(0, len(scripts), 3)) * 4}
            ),
            False,
            "thousands of words each mixing two scripts",
        ),
        Probe(
            "math-alphanumeric-attack",
            lambda: _command("\U0001d42b\U0001d426 -\U0001d42b\U0001d41f /"),
            True,
            "rm -rf / in mathematical bold letters",
        ),
        Probe(
            "fullwidth-16k",
            lambda: _command("ｅｃｈｏ " + "ｘ" * 16000),
            False,
            "16,000 fullwidth letters",
        ),
        Probe(
            "variation-selectors",
            lambda: _params({"text": "a\ufe0f" * 8000}),
            False,
            "a variation selector after every letter",
        ),
        Probe(
            "emoji-zwj-16k",
            lambda: _params({"text": "\U0001f468\u200d\U0001f469" * 5000}),
            False,
            "5,000 joined emoji",
        ),
        Probe(
            "skeleton-expanders",
            lambda: _params({"text": "\u01c6\u2474\u3250" * 5000}),
            False,
            "characters whose compatibility forms are several letters",
        ),
        Probe(
            "confusable-cyrillic-16k",
            lambda: _command("еcho " + "а" * 16000),
            False,
            "16,000 Cyrillic letters confusable with Latin",
        ),
    ]


def _shell() -> list[Probe]:
    return [
        Probe(
            "heredocs-2000-bodies",
            lambda: _command("".join(f"cat <<E{i}\nline {i}\nE{i}\n" for i in range(400))),
            False,
            "400 here-documents with bodies",
        ),
        Probe(
            "heredoc-long-delimiter",
            lambda: _command("cat <<" + "D" * 4000 + "\nx\n"),
            False,
            "a 4,000-character here-document delimiter never closed",
        ),
        Probe(
            "heredoc-quoted-into-sh",
            lambda: _command("sh <<'EOF'\n" + "ls\n" * 1000 + ATTACK + "\nEOF"),
            True,
            "a quoted here-document of 1,001 lines fed to sh",
        ),
        Probe(
            "quotes-alternating-4000",
            lambda: _command("echo " + "'\"'\"'" * 800),
            False,
            "single and double quotes alternating 4,000 times",
        ),
        Probe(
            "dollar-single-escapes",
            lambda: _command("echo $'" + "\\x41\\u0042" * 400 + "'"),
            False,
            "800 escapes in one ANSI-C string",
        ),
        Probe(
            "brace-sequences-product",
            lambda: _command("echo " + "{a..z}" * 20),
            False,
            "20 letter sequences: 26**20 words",
        ),
        Probe(
            "brace-program-name",
            lambda: _command("{r,}m" + "{,}" * 30 + " -rf /"),
            True,
            "a program name built by 30 brace expansions",
        ),
        Probe(
            "arith-long-sum",
            lambda: _command("echo $((" + "1+" * 2000 + "1))"),
            False,
            "arithmetic of 2,001 terms",
        ),
        Probe(
            "arith-array-subscripts",
            lambda: _command("echo $((" + "a[" * 1000 + "0" + "]" * 1000 + "))"),
            False,
            "array subscripts nested 1,000 deep",
        ),
        Probe(
            "option-cluster-4000",
            lambda: _command("ls -" + "l" * 4000),
            False,
            "one option cluster of 4,000 letters",
        ),
        Probe(
            "option-flood-grep",
            lambda: _command("grep " + "-e x " * 800 + "f"),
            False,
            "800 repeated options",
        ),
        Probe(
            "redirections-1000",
            lambda: _command("echo x" + " >f" * 1000),
            False,
            "1,000 output redirections",
        ),
        Probe(
            "fd-duplications-1000",
            lambda: _command("exec" + " 3>&1" * 1000),
            False,
            "1,000 descriptor duplications",
        ),
        Probe(
            "assignments-only-2000",
            lambda: _command("a=1 " * 2000),
            False,
            "2,000 assignments and no command",
        ),
        Probe(
            "array-assignment-2000",
            lambda: _command("x=(" + "a " * 2000 + ")"),
            False,
            "an array of 2,000 words",
        ),
        Probe(
            "for-loop-2000-words",
            lambda: _command("for i in " + "a " * 2000 + f"; do {ATTACK}; done"),
            True,
            "a for loop over 2,000 words running an attack",
        ),
        Probe(
            "while-nested-1000",
            lambda: _command("while true; do " * 1000 + ATTACK + "; done" * 1000),
            True,
            "while loops nested 1,000 deep",
        ),
        Probe(
            "subshells-balanced-1000",
            lambda: _command("(" * 1000 + ATTACK + ")" * 1000),
            True,
            "subshells nested 1,000 deep around an attack",
        ),
        Probe(
            "groups-balanced-1000",
            lambda: _command("{ " * 1000 + ATTACK + "; }" * 1000),
            True,
            "brace groups nested 1,000 deep around an attack",
        ),
        Probe(
            "case-pattern-alternatives",
            lambda: _command(
                "case x in " + "|".join(f"p{i}" for i in range(2000)) + f") {ATTACK};; esac"
            ),
            True,
            "one case arm of 2,000 alternatives",
        ),
        Probe(
            "test-conjunctions-1000",
            lambda: _command("[[ " + " && ".join(["-f a"] * 1000) + f" ]] && {ATTACK}"),
            True,
            "1,000 test conjunctions before an attack",
        ),
        Probe(
            "process-substitutions-1000",
            lambda: _command("diff" + " <(ls)" * 1000),
            False,
            "1,000 process substitutions side by side",
        ),
        Probe(
            "comment-lines-4000",
            lambda: _command("#" * 4000 + "\n" + ATTACK),
            True,
            "a 4,000-character comment before an attack",
        ),
        Probe(
            "escaped-every-char",
            lambda: _command("\\r\\m \\-\\r\\f \\/ " + "\\a" * 1500),
            True,
            "an attack with every character escaped",
        ),
        Probe(
            "parameter-ops-chain",
            lambda: _command("echo ${x" + "//a/b" * 1000 + "}"),
            False,
            "1,000 substitutions in one parameter expansion",
        ),
        Probe(
            "negated-pipelines",
            lambda: _command("! " * 2000 + ATTACK),
            True,
            "2,000 negations before an attack",
        ),
    ]


def _network_and_data() -> list[Probe]:
    return [
        Probe(
            "url-10000-query-params",
            lambda: _params(
                {"url": "https://github.com/x?" + "&".join(f"k{i}=v" for i in range(2000))},
                "fetch_url",
            ),
            False,
            "a URL of 2,000 query parameters",
        ),
        Probe(
            "url-5000-dot-segments",
            lambda: _params({"url": "https://github.com" + "/.." * 5000 + "/x"}, "fetch_url"),
            False,
            "a URL of 5,000 parent segments",
        ),
        Probe(
            "url-ipv4-forms",
            lambda: _params(
                {
                    "urls": [
                        "http://0x7f.1/",
                        "http://2130706433/",
                        "http://0177.0.0.1/",
                        "http://169.254.169.254.nip.io/",
                        "http://[::ffff:a9fe:a9fe]/",
                    ]
                },
                "fetch_all",
            ),
            True,
            "numeric host spellings of loopback and metadata",
        ),
        Probe(
            "host-127-labels",
            lambda: _params({"host": ".".join(["a" * 63] * 127)}, "connect"),
            True,
            "a host name of 127 labels of 63 letters",
        ),
        Probe(
            "punycode-labels",
            lambda: _params({"url": "http://" + "xn--" * 2000 + "a.example/"}, "fetch_url"),
            True,
            "a label of 2,000 punycode prefixes",
        ),
        Probe(
            "path-tilde-flood",
            lambda: _params({"path": "~" * 16000}, "read_file"),
            False,
            "16,000 tildes as a path",
        ),
        Probe(
            "path-unc-segments",
            lambda: _params({"path": "\\\\?\\" + "a\\" * 5000}, "read_file"),
            False,
            "a Windows long path of 5,000 segments",
        ),
        Probe(
            "path-dot-slash-30000",
            lambda: _params({"path": "~/" + "./" * 8000 + ".ssh/id_rsa"}, "read_file"),
            True,
            "8,000 ./ before a private key",
        ),
        Probe(
            "sql-nested-subqueries",
            lambda: _params(
                {"query": "SELECT * FROM " + "(SELECT * FROM " * 1000 + "t" + ") x" * 1000},
                "query_database",
            ),
            False,
            "subqueries nested 1,000 deep",
        ),
        Probe(
            "sql-in-list-5000",
            lambda: _params(
                {"query": f"SELECT 1 FROM t WHERE a IN ({_numbers(3000)})"},  # noqa: S608
                "query_database",
            ),
            False,
            "an IN list of 3,000 values",
        ),
        Probe(
            "sql-doubled-quotes",
            lambda: _params({"query": "SELECT '" + "''" * 7000 + "'"}, "query_database"),
            False,
            "a string literal of 7,000 doubled quotes",
        ),
        Probe(
            "sql-nested-comments",
            lambda: _params(
                {"query": "SELECT 1 " + "/* " * 5000 + "DROP TABLE t"}, "query_database"
            ),
            True,
            "5,000 unclosed block comments before DDL",
        ),
        Probe(
            "sql-dollar-quotes",
            lambda: _params(
                {"query": "SELECT " + "$a$x$a$ || " * 1000 + "1; DROP TABLE t"}, "query_database"
            ),
            True,
            "1,000 dollar-quoted strings before DDL",
        ),
        Probe(
            "sql-unions-2000",
            lambda: _params({"query": " UNION ".join(["SELECT 1"] * 1500)}, "query_database"),
            False,
            "1,500 UNIONs",
        ),
        Probe(
            "sql-case-nested",
            lambda: _params(
                {"query": "SELECT " + "CASE WHEN a THEN " * 1000 + "1" + " END" * 1000},
                "query_database",
            ),
            False,
            "CASE nested 1,000 deep",
        ),
    ]


def _bytes() -> list[Probe]:
    return [
        Probe(
            "bytes-utf16-be",
            lambda: _params({"command": ("\ufeff" + ATTACK).encode("utf-16-be")}),
            True,
            "UTF-16 big-endian with its byte-order mark",
        ),
        Probe(
            "bytes-utf32",
            lambda: _params({"command": ATTACK.encode("utf-32")}),
            True,
            "UTF-32 with its byte-order mark",
        ),
        Probe(
            "bytes-utf8-bom",
            lambda: _params({"command": b"\xef\xbb\xbf" + ATTACK.encode()}),
            True,
            "UTF-8 after a byte-order mark",
        ),
        Probe(
            "bytes-overlong-slash",
            lambda: _params({"path": b"\xc0\xaf" * 4000 + b"etc"}, "read_file"),
            False,
            "4,000 overlong encodings of '/'",
        ),
        Probe(
            "bytes-latin1-1mb",
            lambda: _params({"command": b"\xff" * (1 << 20)}),
            False,
            "a megabyte of one Latin-1 byte",
        ),
        Probe(
            "bytes-odd-length-bom",
            lambda: _params({"command": b"\xff\xfe" + b"r\x00m" * 5001}),
            False,
            "a UTF-16 byte-order mark on an odd number of bytes",
        ),
        Probe(
            "bytes-utf7",
            lambda: _params({"command": b"+AHIAbQ- -rf +AC8-"}),
            False,
            "UTF-7 spelling of an attack (no program reads UTF-7)",
        ),
        Probe(
            "memoryview-strided",
            lambda: _params({"command": memoryview(b"rxmx x-xrxfx x/x")[::2]}),
            True,
            "a strided memoryview",
        ),
        Probe(
            "memoryview-wide-items",
            lambda: _params({"command": memoryview(array.array("I", [0x72, 0x6D] * 4000))}),
            False,
            "a memoryview of 4-byte items",
        ),
        Probe(
            "bytearray-1mb-shell",
            lambda: _params({"command": bytearray(b"ls;" * 350_000)}),
            False,
            "a megabyte bytearray of commands",
        ),
    ]


def availability_probes() -> list[Probe]:
    """Every probe of this module, in groups."""
    return [*_containers(), *_many_items(), *_unicode(), *_shell(), *_network_and_data(),
            *_bytes()]  # fmt: skip
