"""Love engine: judges whether an action is ethical, answering allow, review or deny.

Severe harm found by the rules is a veto; a linear model trained on the project's labelled
actions is a second opinion, and where the two disagree the answer is review. Risk and
consent come from the deployment's tool manifest and consent record, never from the
request's words. Five weighted dimensions explain each verdict. The engine is deterministic:
the same action always gets the same verdict and score, in any thread.
"""

from aegis.love_engine.context import ConsentRecord, Risk, ToolManifest, ToolPolicy
from aegis.love_engine.engine import (
    DEFAULT_WEIGHTS,
    Action,
    AlignmentReport,
    EthicalScore,
    LoveEngine,
    State,
)
from aegis.love_engine.hallucination import (
    HallucinationReport,
    detect_hallucination,
    detect_hallucination_sync,
)
from aegis.love_engine.judge import Judge, Verdict
from aegis.love_engine.lexicon import DIMENSIONS
from aegis.love_engine.metric import Snapshot, love_metric
from aegis.love_engine.rules import CATEGORIES
from aegis.love_engine.traverse import Limits

__all__ = [
    "CATEGORIES",
    "DEFAULT_WEIGHTS",
    "DIMENSIONS",
    "Action",
    "AlignmentReport",
    "ConsentRecord",
    "EthicalScore",
    "HallucinationReport",
    "Judge",
    "Limits",
    "LoveEngine",
    "Risk",
    "Snapshot",
    "State",
    "ToolManifest",
    "ToolPolicy",
    "Verdict",
    "detect_hallucination",
    "detect_hallucination_sync",
    "love_metric",
]
