"""Aegis: a safety layer an AI agent consults before and after it acts.

The components are independent and can be used alone: :mod:`aegis.intent_firewall` judges a
requested tool call, :mod:`aegis.love_engine` scores its ethics, :mod:`aegis.evolution_core`
learns from outcomes, :mod:`aegis.audit` keeps a signed tamper-evident record, and
:mod:`aegis.hitl` queues decisions for a human. :mod:`aegis.pipeline` chains them.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pytest-aegis-stress")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = ["__version__"]
