"""The Aegis pipeline: intent → ethics → human review → evolution → audit."""

from aegis.pipeline.reviewer import SimulatedReviewer
from aegis.pipeline.workflow import (
    STAGES,
    AegisPipeline,
    Reviewer,
    WorkflowOutcome,
    WorkflowResult,
)

__all__ = [
    "STAGES",
    "AegisPipeline",
    "Reviewer",
    "SimulatedReviewer",
    "WorkflowOutcome",
    "WorkflowResult",
]
