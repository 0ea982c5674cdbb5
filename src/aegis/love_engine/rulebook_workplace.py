"""Rules for false cures and work off the clock: :mod:`.vocabulary_workplace`.

Plain tuples in the shape of :data:`aegis.love_engine.rulebook_recall.RuleSpec`, added to the
ordinary rules (whose roles are matched apart from the shared table).
"""

from __future__ import annotations

from aegis.love_engine.rulebook_recall import RuleSpec

__all__ = ["WORKPLACE_RULES"]

WORKPLACE_RULES: tuple[RuleSpec, ...] = (
    (
        "deception_fraud",
        "REVIEW",
        "a false cure, or a medicine replaced by an unproven remedy",
        (("false_cure",),),
        ("cure_debunked_frame",),
    ),
    (
        "financial_harm",
        "REVIEW",
        "staff clocked out and then set to work",
        (("clock_out",), ("work_after",)),
        ("paid_work_frame",),
    ),
)
