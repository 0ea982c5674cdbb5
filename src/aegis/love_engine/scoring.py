"""The learned model's score of a reading, without building its feature strings.

:meth:`LinearModel.score` sums the weights of a set of feature names; building those names
(every stem pair, every pair of concepts met in a clause) is most of the cost. This scorer
reads the same features straight from the reading: stem pairs as tuples, concepts as the bits
of each clause's mask, and for each concept only the partners that carry a weight. The sum is
the same integer (a test holds the two to it).
"""

from __future__ import annotations

from aegis.love_engine import rules
from aegis.love_engine.model import STOPWORDS, LinearModel
from aegis.love_engine.normalise import CLAUSE_BREAK
from aegis.love_engine.reading import Reading
from aegis.love_engine.vocabulary import CONCEPTS

__all__ = ["Scorer"]


class Scorer:
    """Scores readings with one model; built once per model."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        weights = model.weights
        self._words: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        for name, weight in weights.items():
            if name.startswith(("c:", "framed:", "rule:")):
                continue
            first, _, second = name.partition(" ")
            if second:
                self._pairs[first, second] = weight
            else:
                self._words[first] = weight
        names = tuple(CONCEPTS)
        self._concept = [weights.get(f"c:{name}", 0) for name in names]
        self._pair: dict[tuple[int, int], int] = {}
        self._partners = [0] * len(names)  # for each concept, the higher ones it pairs with
        for low, first in enumerate(names):
            for high in range(low + 1, len(names)):
                weight = weights.get(f"c:{first}&{names[high]}", 0)
                if weight:
                    self._pair[low, high] = weight
                    self._partners[low] |= 1 << high
        self._feature_weights: dict[int, int] = {
            bit: weight for bit, weight in enumerate(self._concept) if weight
        }
        self._feature_weights.update(
            (_pair_id(low, high), weight) for (low, high), weight in self._pair.items()
        )
        self._by_mask: dict[int, tuple[int, frozenset[int]]] = {}
        self._framed = {c: weights.get(f"framed:{c}", 0) for c in rules.CATEGORIES}
        self._rule = {
            (c, level): weights.get(f"rule:{c}:{level.name.lower()}", 0)
            for c in rules.CATEGORIES
            for level in rules.Level
        }

    def score(self, reading: Reading) -> int:
        return (
            self.model.bias
            + self._word_score(reading.stems)
            + self._concept_score(reading.clauses)
            + sum(self._framed[category] for category in reading.framed)
            + sum(self._rule[key] for key in {(f.category, f.level) for f in reading.findings})
        )

    def _word_score(self, stems: list[str]) -> int:
        words, pairs = self._words, self._pairs
        seen_words: set[str] = set()
        seen_pairs: set[tuple[str, str]] = set()
        total = 0
        previous = CLAUSE_BREAK
        for current in stems:
            if current == CLAUSE_BREAK:
                previous = current
                continue
            if current in STOPWORDS:
                continue
            if current not in seen_words:
                seen_words.add(current)
                total += words.get(current, 0)
            if previous != CLAUSE_BREAK:
                pair = (previous, current)
                if pair not in seen_pairs:
                    seen_pairs.add(pair)
                    total += pairs.get(pair, 0)
            previous = current
        return total

    def _concept_score(self, clauses: list[int]) -> int:
        distinct = set(clauses)
        if len(distinct) == 1:  # the common case: one clause, or clauses alike
            (mask,) = distinct
            return self._mask_score(mask)
        features: set[int] = set()
        for mask in distinct:
            features |= self._mask_features(mask)[1]
        weights = self._feature_weights
        return sum(weights[feature] for feature in features)

    def _mask_score(self, mask: int) -> int:
        return self._mask_features(mask)[0]

    def _mask_features(self, mask: int) -> tuple[int, frozenset[int]]:
        """The weight and the weighted features (concepts, concept pairs) of one clause's mask.

        Kept per mask: a few hundred distinct masks cover most text. Bounded in count.
        """
        known = self._by_mask.get(mask)
        if known is not None:
            return known
        concept, partners = self._concept, self._partners
        found: set[int] = set()
        rest = mask
        while rest:
            lowest = rest & -rest
            low = lowest.bit_length() - 1
            rest ^= lowest
            if concept[low]:
                found.add(low)
            others = rest & partners[low]
            while others:
                bit = others & -others
                others ^= bit
                found.add(_pair_id(low, bit.bit_length() - 1))
        weights = self._feature_weights
        result = (sum(weights[feature] for feature in found), frozenset(found))
        if len(self._by_mask) < _MAX_MASKS:
            self._by_mask[mask] = result
        return result


_MAX_MASKS = 65_536
_PAIR_BASE = 1 << 16


def _pair_id(low: int, high: int) -> int:
    return _PAIR_BASE + low * 1024 + high
