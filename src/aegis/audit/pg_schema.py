"""The audit log's tables on PostgreSQL, and the function that takes the tail's lock.

A log lives in the schema ``aegis_audit`` of the database its DSN names, beside whatever
else that database holds; the column types hold every value to its type, and ``seq >= 1``
keeps rows outside the chain out. ``locked_tail()`` is how every writer begins: it takes a
transaction-scoped advisory lock, then reads the newest entry in a statement of its own,
whose snapshot is taken once the lock is granted.
"""

from __future__ import annotations

import psycopg

__all__ = ["SCHEMA", "TAIL_LOCK_KEY", "create_schema"]

#: The log's tables live in a schema of their own, beside whatever else the database holds.
SCHEMA = "aegis_audit"
_FORMAT = b"aegis-audit/1"
#: Creating the schema takes an advisory lock first: two writers starting on a new database
#: at once would otherwise race on ``CREATE ... IF NOT EXISTS`` (which is not atomic).
_CREATE_LOCK = 0x4165676973417564
_DDL = """
CREATE SCHEMA IF NOT EXISTS aegis_audit;
CREATE TABLE IF NOT EXISTS aegis_audit.meta (key text PRIMARY KEY, value bytea NOT NULL);
CREATE TABLE IF NOT EXISTS aegis_audit.entries (
    seq bigint PRIMARY KEY CHECK (seq >= 1),
    timestamp_ns bigint NOT NULL,
    action text NOT NULL,
    details text NOT NULL,
    prev_hash bytea NOT NULL,
    entry_hash bytea NOT NULL,
    signature bytea NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_time ON aegis_audit.entries (timestamp_ns);
CREATE INDEX IF NOT EXISTS entries_by_action ON aegis_audit.entries (action, timestamp_ns);
CREATE OR REPLACE FUNCTION aegis_audit.locked_tail(
    OUT seq bigint, OUT entry_hash bytea, OUT timestamp_ns bigint
) RETURNS SETOF record LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(2551497946520598759);
    RETURN QUERY SELECT e.seq, e.entry_hash, e.timestamp_ns
        FROM aegis_audit.entries AS e ORDER BY e.seq DESC LIMIT 1;
END
$$;
"""
#: The tail's advisory lock key: the first eight bytes of SHA-256(b"aegis-audit"), signed.
TAIL_LOCK_KEY = 2551497946520598759


def create_schema(connection: psycopg.Connection) -> None:
    """Create the tables and the function where they are missing, in one transaction."""
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (_CREATE_LOCK,))
        connection.execute(_DDL)
        connection.execute(
            "INSERT INTO aegis_audit.meta VALUES ('format', %s) ON CONFLICT DO NOTHING",
            (_FORMAT,),
        )
