"""Findings that depend on the whole of one command line, not one command.

Each reader takes the line's simple commands in order and returns (rule, evidence) pairs:
the environment harvested (``envharvest.py``), a package installed from a URL or another
source (``urlinstalls.py``), a fetched tree built on the same line (``fetchedbuild.py``),
credentials searched for in a log (``logsecrets.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from aegis.intent_firewall.envharvest import harvest_findings
from aegis.intent_firewall.fetchedbuild import fetched_build_findings
from aegis.intent_firewall.logsecrets import log_secret_findings
from aegis.intent_firewall.shell import SimpleCommand
from aegis.intent_firewall.urlinstalls import url_install_findings

__all__ = ["line_findings"]


def line_findings(commands: Sequence[SimpleCommand]) -> list[tuple[str, str]]:
    """(rule, evidence) for what the line's commands do together."""
    return [
        *harvest_findings(commands),
        *url_install_findings(commands),
        *fetched_build_findings(commands),
        *log_secret_findings(commands),
    ]
