"""Keys, checkpoints and the command line: what is trusted, and what is said when it fails."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from aegis.audit import (
    AuditKeyError,
    AuditLog,
    Checkpoint,
    CheckpointError,
    FindingKind,
    verify_database,
)
from aegis.audit.encoding import entry_hash
from aegis.cli import main


def cli(*arguments: object) -> int:
    return main(["audit", *(str(a) for a in arguments)])


def forge_everything(path: Path) -> SigningKey:
    """What an attacker who can write the database (not the key) does: re-sign every entry
    with a key of their own and store its public half as the log's."""
    forger = SigningKey.generate()
    with sqlite3.connect(path) as connection:
        previous = bytes(32)
        rows = connection.execute(
            "SELECT seq, timestamp_ns, action FROM entries ORDER BY seq"
        ).fetchall()
        for seq, timestamp, action in rows:
            details = json.dumps({"forged": seq}, separators=(",", ":"))
            digest = entry_hash(seq, timestamp, action, details, previous)
            connection.execute(
                "UPDATE entries SET details = ?, prev_hash = ?, entry_hash = ?, signature = ? "
                "WHERE seq = ?",
                (details, previous, digest, forger.sign(digest).signature, seq),
            )
            previous = digest
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = 'public_key'", (bytes(forger.verify_key),)
        )
    return forger


# -- finding 4: the command line and the stored key -------------------------------------------


def test_a_log_re_signed_with_a_stored_forged_key_is_caught_by_a_pinned_key(
    filled_log: AuditLog, log_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 4: `aegis audit verify db` printed ok and exited 0."""
    genuine = filled_log.public_key
    filled_log.close()
    forge_everything(log_path)
    assert cli("verify", log_path) == 3  # consistent, and said loudly to prove nothing
    captured = capsys.readouterr()
    assert "ok: 10 entries verified" in captured.out
    assert "WARNING: no key pinned" in captured.err
    assert cli("verify", log_path, "--public-key", genuine.hex()) == 1
    assert "wrong_key" in capsys.readouterr().out
    key_file = log_path.with_name("audit.db.key")
    assert cli("verify", log_path, "--key", key_file) == 1
    public_file = log_path.with_name("pinned.pub")
    public_file.write_text(genuine.hex() + "\n")
    assert cli("verify", log_path, "--public-key-file", public_file) == 1
    report = verify_database(log_path, genuine)
    assert report.kinds[0] is FindingKind.WRONG_KEY


def test_the_command_line_exits_0_only_against_a_pinned_key(
    filled_log: AuditLog, log_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("verify", log_path, "--public-key", filled_log.public_key.hex()) == 0
    assert capsys.readouterr().err == ""
    assert cli("verify", log_path) == 3


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--public-key", "abc"], "must be a public key of 64 hex digits"),
        (["--public-key", "zz" * 32], "must be a public key of 64 hex digits"),
        (["--public-key-file", "/nonexistent/key"], "cannot read the public key file"),
        (["--checkpoint", "/nonexistent/held.json"], "cannot read the checkpoint file"),
        (["--key", "/nonexistent/key"], "no key file at"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    filled_log: AuditLog,
    log_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    assert cli("verify", log_path, *arguments) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert err.startswith("aegis: error: ")


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    held = tmp_path / "held.json"
    held.write_text('{"size": -1}')
    with AuditLog(tmp_path / "audit.db") as log:
        log.log_action_sync("a", {})
    cases = [
        (["verify", str(text)], 2),
        (["verify", str(empty)], 2),
        (["verify", str(tmp_path)], 2),
        (["verify", str(tmp_path / "audit.db"), "--checkpoint", str(held)], 2),
        (["export", str(empty), str(tmp_path / "out.jsonl")], 2),
        (["checkpoint", str(text)], 2),
        (["verify", str(tmp_path / "audit.db")], 3),
    ]
    script = "import sys; from aegis.cli import main; sys.exit(main())"
    for arguments, status in cases:
        done = subprocess.run(
            [sys.executable, "-c", script, "audit", *arguments],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == status, (arguments, done.stderr)
        assert "Traceback" not in done.stderr, arguments
        assert done.stderr.count("aegis: ") == 1, done.stderr


# -- finding 9: key files ---------------------------------------------------------------------


def _key_file(log_path: Path) -> Path:
    return log_path.with_name(log_path.name + ".key")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(200, 210)), "does not hold a 32-byte Ed25519 seed"),
        (b"g" * 64, "does not hold a 32-byte Ed25519 seed"),
        (b"", "does not hold a 32-byte Ed25519 seed"),
        (b"ab" * 2000, "does not hold a 32-byte Ed25519 seed"),
    ],
    ids=["binary", "not-hex", "empty", "long"],
)
def test_a_malformed_key_file_is_an_error_naming_it(
    filled_log: AuditLog, log_path: Path, content: bytes, message: str
) -> None:
    """Finding 9: 10 binary bytes gave UnicodeDecodeError; 64 non-hex a bare ValueError."""
    filled_log.close()
    key_file = _key_file(log_path)
    key_file.write_bytes(content)
    with pytest.raises(AuditKeyError, match=message) as refused:
        AuditLog(log_path)
    assert refused.value.path == str(key_file)
    assert cli("export", log_path, log_path.with_name("out.jsonl")) == 2


def test_a_deleted_key_file_is_not_made_anew_beside_an_existing_log(
    filled_log: AuditLog, log_path: Path
) -> None:
    """Finding 9: a new key was made beside the log, then refused, and left behind."""
    filled_log.close()
    key_file = _key_file(log_path)
    key_file.unlink()
    with pytest.raises(AuditKeyError, match=r"has no key file .* restore it from a backup"):
        AuditLog(log_path)
    assert not key_file.exists()


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_a_key_file_others_may_read_is_refused(
    filled_log: AuditLog, log_path: Path, mode: int
) -> None:
    """Finding 9: a world-readable key was accepted silently."""
    filled_log.close()
    key_file = _key_file(log_path)
    key_file.chmod(mode)
    with pytest.raises(AuditKeyError, match=f"may be read by others \\(mode {mode:04o}\\)"):
        AuditLog(log_path)
    with pytest.raises(AuditKeyError, match="chmod 600"):
        AuditLog(tmp := log_path.with_name("other.db"), signing_key=key_file)
    assert not tmp.exists()
    key_file.chmod(0o600)
    with AuditLog(log_path) as reopened:
        assert reopened.size == 10


def test_a_key_is_made_only_with_a_new_log(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    with AuditLog(path) as log:
        log.log_action_sync("a", {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.db", "audit.db.key"]
    assert os.stat(_key_file(path)).st_mode & 0o777 == 0o600


# -- finding 10: checkpoints ------------------------------------------------------------------


def _held(filled_log: AuditLog) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(filled_log.checkpoint().to_json())
    return loaded


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"size": -1}, "size must be 0"),
        ({"size": 2**64}, "size must be 0"),
        ({"size": "10"}, "size must be an int"),
        ({"size": True}, "size must be an int"),
        ({"root": None}, "root must be hex text"),
        ({"root": "zz"}, "root is not hex"),
        ({"root": "00"}, "root must be 32 bytes"),
        ({"signature": "00" * 63}, "signature must be 64 bytes"),
    ],
)
def test_a_malformed_checkpoint_is_refused_naming_the_field(
    filled_log: AuditLog,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, object],
    message: str,
) -> None:
    """Finding 10: size -1 or 2**64 gave OverflowError, a missing root KeyError."""
    text = json.dumps(_held(filled_log) | change)
    with pytest.raises(CheckpointError, match=message):
        Checkpoint.from_json(text)
    held = tmp_path / "held.json"
    held.write_text(text)
    assert cli("verify", filled_log.path, "--checkpoint", held) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("text", ["", "[]", "{", '{"size": 1}', "1e999", "[" * 5000])
def test_text_that_is_no_checkpoint_is_refused(text: str) -> None:
    with pytest.raises(CheckpointError, match="checkpoint"):
        Checkpoint.from_json(text)


def test_a_checkpoint_of_another_log_is_said_to_be_invalid(
    filled_log: AuditLog, log_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with AuditLog(tmp_path / "other.db") as other:
        other.log_action_sync("x", {})
        foreign = other.checkpoint()
    report = filled_log.verify_sync(checkpoint=foreign)
    assert report.kinds == (FindingKind.INVALID_CHECKPOINT,)
    held = tmp_path / "held.json"
    held.write_text(foreign.to_json())
    key = filled_log.public_key.hex()
    assert cli("verify", log_path, "--public-key", key, "--checkpoint", held) == 1
    out = capsys.readouterr().out
    assert "the checkpoint is invalid" in out.splitlines()[0]
    assert "None" not in out


def test_a_checkpoint_mismatch_names_the_first_entry_that_differs(
    filled_log: AuditLog, log_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 10: a mismatch reported 'first bad seq None'."""
    held = filled_log.checkpoint()
    forger = SigningKey.generate()
    with sqlite3.connect(log_path) as connection:  # entry 4 rewritten, hashed and re-signed
        timestamp, action, previous = connection.execute(
            "SELECT timestamp_ns, action, prev_hash FROM entries WHERE seq = 4"
        ).fetchone()
        digest = entry_hash(4, timestamp, action, '{"i":99}', previous)
        connection.execute(
            "UPDATE entries SET details = '{\"i\":99}', entry_hash = ?, signature = ? "
            "WHERE seq = 4",
            (digest, forger.sign(digest).signature),
        )
    report = filled_log.verify_sync(checkpoint=held)
    assert report.first_bad_seq == 4
    mismatch = [f for f in report.findings if "checkpoint vouches" in f.detail]
    assert [f.seq for f in mismatch] == [4]
    assert "the first that differs is seq 4" in mismatch[0].detail
    (tmp_path / "held.json").write_text(held.to_json())
    key = filled_log.public_key.hex()
    assert cli("verify", log_path, "--public-key", key, "--checkpoint", tmp_path / "held.json") == 1
    assert "first bad seq 4" in capsys.readouterr().out


def test_a_log_without_its_public_key_verifies_only_against_one_passed(
    filled_log: AuditLog, log_path: Path
) -> None:
    filled_log.close()
    with sqlite3.connect(log_path) as connection:
        connection.execute("DELETE FROM meta WHERE key = 'public_key'")
    connection.close()
    with pytest.raises(AuditKeyError, match=r"audit\.db' holds no valid public key; pass the one"):
        verify_database(log_path)
    report = verify_database(log_path, filled_log.public_key)
    assert (report.ok, report.entries_checked) == (True, 10)
