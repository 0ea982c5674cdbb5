"""SQL that schedules other SQL to run later: database job schedulers.

``SELECT cron.schedule('*/5 * * * *', 'DELETE FROM orders')`` reads as one harmless
``SELECT``, yet pg_cron runs the statement every five minutes from then on, as the job's
owner and after the session is gone; ``INSERT INTO cron.job`` does the same by writing the
job table itself. A job is *review* (``sql-scheduled-job``) whatever it runs: it outlives the
request. The statement a scheduling call is given in a literal is also handed back to be
judged as SQL, so a job that runs ``COPY … TO PROGRAM`` gets that statement's own answer.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.sqldynamic import static_text

__all__ = ["scheduled_jobs"]

#: Scheduling functions, by schema and name, with the position of the argument holding the
#: statement run (negative: from the end; ``None``: the job runs a stored routine).
_SCHEDULERS: dict[tuple[str, str], int | None] = {
    ("cron", "schedule"): -1,
    ("cron", "schedule_in_database"): 2,
    ("cron", "alter_job"): 2,
    ("timetable", "add_job"): 2,
    ("timetable", "add_task"): 2,
    ("dbms_job", "submit"): 1,
    ("dbms_job", "change"): 1,
    ("dbms_job", "what"): 1,
    ("", "add_job"): None,
    ("", "alter_job"): None,
    ("", "add_continuous_aggregate_policy"): None,
}
#: Tables whose rows are jobs a scheduler runs (schema, table).
_JOB_TABLES = frozenset(
    {
        ("cron", "job"), ("timetable", "task"), ("timetable", "chain"),
        ("pgagent", "pga_job"), ("pgagent", "pga_jobstep"), ("pgagent", "pga_schedule"),
        ("dbo", "sysjobs"), ("dbo", "sysjobsteps"), ("msdb", "sysjobs"),
        ("msdb", "sysjobsteps"), ("mysql", "event"), ("_timescaledb_config", "bgw_job"),
    }
)  # fmt: skip


def scheduled_jobs(statements: list[Any], hits: list[Hit]) -> list[str]:
    """Add ``sql-scheduled-job`` for the first job scheduled in ``statements``; return the
    statement texts the jobs run, to be judged as SQL."""
    texts: list[str] = []
    evidence = ""
    for statement in statements:
        for node in statement.find_all(exp.Anonymous, exp.Insert, exp.Update, exp.Merge):
            found = _call(node, texts) if isinstance(node, exp.Anonymous) else _write(node)
            evidence = evidence or found
    if evidence:
        hits.append(default_hit("sql-scheduled-job", evidence))
    return texts


def _call(node: Any, texts: list[str]) -> str:
    name = str(node.this).casefold()
    parent = node.parent
    schema = ""
    if isinstance(parent, exp.Dot) and parent.expression is node:
        schema = str(getattr(parent.this, "name", parent.this)).casefold()
    if (schema, name) not in _SCHEDULERS and ("", name) not in _SCHEDULERS:
        return ""
    position = _SCHEDULERS.get((schema, name), _SCHEDULERS.get(("", name)))
    arguments = list(node.expressions)
    if position is not None and -len(arguments) <= position < len(arguments):
        text = static_text(arguments[position])
        if text:
            texts.append(text)
    shown = f"{schema}.{name}" if schema else name
    return f"{shown}() schedules a job that runs later"


def _write(node: Any) -> str:
    target = node.this
    if isinstance(target, exp.Schema):
        target = target.this
    if not isinstance(target, exp.Table):
        return ""
    key = (str(target.db).casefold(), target.name.casefold())
    if key in _JOB_TABLES:
        return f"a write to {target.db}.{target.name}, a table of scheduled jobs"
    return ""
