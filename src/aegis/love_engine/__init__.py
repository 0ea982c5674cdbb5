"""Love engine: scores whether an action is ethical, along five weighted dimensions.

Evidence is read as whole words after Unicode normalisation ("pharmacy" is not "harm"), with
negation ("without consent") and explicit parameters (``consent: False``, 50,000 recipients)
counted. The engine is deterministic: the same action always gets the same score.
"""

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
from aegis.love_engine.lexicon import DIMENSIONS
from aegis.love_engine.metric import Snapshot, love_metric

__all__ = [
    "DEFAULT_WEIGHTS",
    "DIMENSIONS",
    "Action",
    "AlignmentReport",
    "EthicalScore",
    "HallucinationReport",
    "LoveEngine",
    "Snapshot",
    "State",
    "detect_hallucination",
    "detect_hallucination_sync",
    "love_metric",
]
