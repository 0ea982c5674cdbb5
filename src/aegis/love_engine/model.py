"""The learned signal: a linear model over stems and stem pairs, as integer weights.

Trained at build time (``tools/love_engine/train.py``, scikit-learn's logistic regression) on
the project's labelled actions and shipped as ``data/model.tsv``: one integer weight per stem
or pair of adjacent stems, an integer bias and three integer thresholds. Scoring sums integers
over the distinct features of a text, so it is the same to the bit on every run, thread and
machine; the probability shown beside it is only for people.

The thresholds answer three questions. ``threshold``: with no rule finding, does the model
alone read the action as harmful enough to send it to review? Set too low, it holds up help
that no rule objects to. ``confirm``: does the model agree with a rule's veto, so that the
veto is a deny rather than a review? Set too high, plain harms stay at review; too low, a
legitimate action the rules misread is refused outright. ``pad``: does a request-sized
parameter text, read alone, show a harm that harmless items listed beside it talked down (see
:meth:`aegis.love_engine.scoring.Scorer.judged_score`)? Each is chosen for its own job (see
the training script).

File format (UTF-8, tab-separated, ``#`` starts a comment)::

    scale       1000            # weights are round(coefficient * scale)
    bias        -412
    threshold   150             # with no rule finding, a sum at or above this is review
    confirm     -300            # beside a rule's veto, a sum at or above this is deny
    pad         150             # a parameter text alone at or above this is judged alone
    w   poison                  2210
    w   coffe poison            1875

``confirm`` may be left out: it is then ``threshold``; ``pad`` may be left out: it is then
``confirm`` (what models trained before it had).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from aegis.love_engine.normalise import CLAUSE_BREAK

__all__ = ["LinearModel", "features", "load_default_model"]

MODEL_RESOURCE = "model.tsv"
_HEADER_FIELDS = frozenset({"scale", "bias", "threshold", "confirm", "pad"})


#: Function words carry no meaning of their own; in a small dataset they carry its style
#: instead (imperatives are longer than questions), so they are skipped, and a pair joins
#: the content words on either side ("poison the coffee" gives "poison coffe"). So are the
#: words that frame any request ("the user wants", "asked"): they say who asks, not what.
#: Negators stay.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "and",
        "or",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "be",
        "been",
        "was",
        "were",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "me",
        "my",
        "we",
        "our",
        "us",
        "you",
        "your",
        "so",
        "then",
        "than",
        "into",
        "onto",
        "up",
        "out",
        "about",
        "all",
        "any",
        "some",
        "will",
        "would",
        "can",
        "could",
        "should",
        "do",
        "doe",
        "did",
        "have",
        "has",
        "had",
        "just",
        "pleas",
        "also",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "how",
        "if",
        "while",
        "each",
        "every",
        "per",
        "via",
        "get",
        "let",
        "user",
        "want",
        "need",
        "ask",
        "request",
    ]
)


def features(stems: Iterable[str]) -> set[str]:
    """Distinct content stems and pairs of neighbouring ones (a pair never spans a clause)."""
    found: set[str] = set()
    previous = CLAUSE_BREAK
    for current in stems:
        if current == CLAUSE_BREAK:
            previous = current
            continue
        if current in STOPWORDS:
            continue
        found.add(current)
        if previous != CLAUSE_BREAK:
            found.add(f"{previous} {current}")
        previous = current
    return found


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Integer weights per feature; ``score`` is their sum with the bias.

    ``threshold`` is where the model alone sends an action to review; ``confirm`` where it
    confirms a rule's veto (``None``: the same as ``threshold``); ``pad`` where a parameter
    text scored alone decides (``None``: the same as ``confirm``).
    """

    weights: Mapping[str, int]
    bias: int
    threshold: int
    scale: int
    confirm: int | None = None
    pad: int | None = None

    @property
    def pad_threshold(self) -> int:
        """The sum at or above which a parameter text scored alone decides the action's."""
        return self.confirm_threshold if self.pad is None else self.pad

    @property
    def confirm_threshold(self) -> int:
        """The sum at or above which the model agrees with a rule's veto."""
        return self.threshold if self.confirm is None else self.confirm

    def score(self, found: Iterable[str]) -> int:
        weights = self.weights
        total = self.bias
        for feature in found:
            total += weights.get(feature, 0)
        return total

    def probability(self, score: int) -> float:
        """The logistic of ``score / scale``: how sure the model is that the text is harmful."""
        value = score / self.scale
        if value < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-value))

    @classmethod
    def parse(cls, text: str) -> LinearModel:
        header: dict[str, int] = {}
        weights: dict[str, int] = {}
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].rstrip()  # features are stems: never a '#' or a tab
            if not line.strip():
                continue
            fields = line.split("\t")
            try:
                if fields[0] == "w" and len(fields) == 3:
                    weights[fields[1]] = int(fields[2])
                elif len(fields) == 2 and fields[0] in _HEADER_FIELDS:
                    header[fields[0]] = int(fields[1])
                else:
                    raise ValueError("expected 'w<TAB>feature<TAB>int' or 'name<TAB>int'")
            except ValueError as error:
                raise ValueError(f"model line {number}: {error}: {raw!r}") from None
        missing = {"scale", "bias", "threshold"} - set(header)
        if missing:
            raise ValueError(f"model file lacks {', '.join(sorted(missing))}")
        if header["scale"] <= 0:
            raise ValueError(f"model scale must be > 0, got {header['scale']}")
        return cls(
            MappingProxyType(weights),
            header["bias"],
            header["threshold"],
            header["scale"],
            header.get("confirm"),
            header.get("pad"),
        )

    def dump(self) -> str:
        lines = [
            "# aegis love engine: linear model over stems and stem pairs (tools/love_engine)",
            f"scale\t{self.scale}",
            f"bias\t{self.bias}",
            f"threshold\t{self.threshold}",
        ]
        if self.confirm is not None:
            lines.append(f"confirm\t{self.confirm}")
        if self.pad is not None:
            lines.append(f"pad\t{self.pad}")
        lines += [f"w\t{name}\t{self.weights[name]}" for name in sorted(self.weights)]
        return "\n".join(lines) + "\n"


def load_default_model() -> LinearModel:
    """The model shipped in the package (a missing file is a broken install: it raises)."""
    package = resources.files("aegis.love_engine") / "data" / MODEL_RESOURCE
    return LinearModel.parse(package.read_text("utf-8"))
