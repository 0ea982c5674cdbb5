"""spark-submit: where the job runs, what code it loads, and the application it starts.

``--master local[N]`` runs the job in this process; ``spark://``, ``k8s://``, ``mesos://``
and ``yarn`` reach a cluster (a network destination the policy cannot name, whatever its
host). Jars and Python files (``--jars``, ``--py-files``, ``--files`` …, comma-separated)
from a URL are code fetched and run, and from outside the working directory an unmodelled
value. A setting (``--conf key=value``) is harmless only when its key is one of the sizing,
planning and format keys of ``[spark]`` in ``data/dataops.toml``: others load code
(``spark.driver.extraJavaOptions=-XX:OnOutOfMemoryError=…``, ``extraClassPath``,
``spark.jars``). The options end at the application, a workspace file (else
``user-script``) or a URL (code fetched); the words after it are the application's own,
judged as paths they may read.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, parse_options

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["spark_role", "spark_submit"]

_SETTINGS = tuple(
    tomllib.loads(
        resources.files("aegis.intent_firewall").joinpath("data/dataops.toml").read_text()
    )["spark"]["harmless_settings"]
)


def _spark_code(judge: CommandJudge, arg: Arg, option: str, cwd: str) -> None:
    """``--jars a.jar,https://x/b.jar``: each file is loaded and run by the job."""
    from aegis.intent_firewall.optionroles import unmodelled_value

    for listed in (arg[0] or "").split(",")[:32]:
        item = listed.strip()
        if "://" in item and not item.casefold().startswith("file:"):
            judge_url(judge.scope, item, arg[1], cwd)
            judge.hit("interpreter-code", f"{option} loads code from {item[:80]}")
        elif item:
            unmodelled_value(judge, option, (item, item, arg[2]), cwd)


def _spark_master(judge: CommandJudge, arg: Arg, cwd: str) -> None:
    value = (arg[0] or "").casefold()
    if value == "local" or value.startswith(("local[", "local-cluster[")):
        return
    if value.startswith("k8s://"):
        judge_url(judge.scope, value[len("k8s://") :], arg[1], cwd)
    elif "://" in value:
        judge_url(judge.scope, "http" + value[value.index("://") :], arg[1], cwd)
    judge.hit("unknown-network-destination", f"Spark cluster {arg[1][:80]}")


def spark_role(judge: CommandJudge, role: str, arg: Arg, option: str, cwd: str) -> None:
    """The ``spark-*`` roles of ``data/dataops.toml``."""
    if role == "spark-master":
        _spark_master(judge, arg, cwd)
    elif role == "spark-code":
        _spark_code(judge, arg, option, cwd)
    elif role == "spark-conf":
        key = (arg[0] or "").partition("=")[0].strip().casefold()
        if not any(key == s or (s.endswith(".") and key.startswith(s)) for s in _SETTINGS):
            judge.hit("unmodelled-option", f"Spark setting {key[:60]!r} may load code")


def spark_submit(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Options up to the application; the application; its own arguments (paths read)."""
    index = 1
    while index < len(args):
        word = args[index][0]
        if word is None or not word.startswith("-"):
            break
        takes = "=" not in word and spec.option_role(word) != "flag"
        index += 2 if takes else 1
    parsed = parse_options(spec, args[1:index])
    cwd = judge.options(parsed, feed) if parsed.options else feed.cwd
    if index >= len(args):
        return
    app = args[index]
    value = app[0]
    if value is not None and "://" in value and not value.casefold().startswith("file:"):
        judge_url(judge.scope, value, app[1], cwd)
        judge.hit("interpreter-code", f"spark-submit runs code from {app[1][:80]}")
    else:
        from aegis.intent_firewall.workspacescripts import workspace_script

        if not workspace_script(judge.scope, app, feed):
            judge.hit("user-script", f"spark-submit runs {app[1][:80]}, not a workspace file")
    for arg in args[index + 1 : index + 64]:
        judge.maybe_path(arg, "read", cwd)
