"""The learned model's score of a reading, without building its feature strings.

:meth:`LinearModel.score` sums the weights of a set of feature names; building those names
(every stem pair, every pair of concepts met in a clause) is most of the cost. This scorer
reads the same features straight from the reading: stems and stem pairs looked up as they
come (a pair only when its first stem starts a weighted one), concepts as the bits of each
clause's mask, and for each concept only the partners that carry a weight, with no set of
features built. The sum is the same integer (a test holds the two to it).
"""

from __future__ import annotations

from aegis.love_engine import rules
from aegis.love_engine.model import STOPWORDS, LinearModel
from aegis.love_engine.normalise import CLAUSE_BREAK
from aegis.love_engine.reading import Reading
from aegis.love_engine.vocabulary import CONCEPTS

__all__ = ["Scorer"]

#: Stems the word score passes over: stopwords, and the clause break that ends a pair.
_SKIPPED = STOPWORDS | {CLAUSE_BREAK}
#: Parameter texts scored alone only from two of them: a single one beside the description is
#: the action's own request, which the model was trained on whole.
MIN_PARTS = 2
#: A parameter text is scored alone only from this many distinct content stems: fewer make a
#: value (a name, a flag, an id), not a request a harm could be padded into.
MIN_PART_STEMS = 4


def _word_count(stems: list[str], key: frozenset[str] = frozenset()) -> int:
    """Distinct content stems that are words of the value: a number, a time or an id
    ("10.20.0.0/16", "18:00", "ENG-2291") is a value however many parts it is written in, and
    the parameter's ``key`` ("claim" in ``"claim": "unreturned deposit"``) is its label, not
    words of a request."""
    words = set(stems) - _SKIPPED - key
    return sum(1 for stem in words if not any(char.isdigit() for char in stem))


class Scorer:
    """Scores readings with one model; built once per model."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        weights = model.weights
        self._words: dict[str, int] = {}
        #: weighted stem pairs by their first stem, so an unweighted pair costs no tuple
        self._pairs: dict[str, dict[str, int]] = {}
        names = tuple(CONCEPTS)
        bit_of = {name: 1 << bit for bit, name in enumerate(names)}
        cross: dict[str, dict[int, int]] = {}
        for name, weight in weights.items():
            if name.startswith("x:"):
                concept, _, word = name[2:].partition("|")
                if concept not in bit_of:
                    raise ValueError(f"model feature {name!r} names no known concept")
                cross.setdefault(word, {})[bit_of[concept]] = weight
                continue
            if name.startswith(("c:", "framed:", "rule:")):
                continue
            first, _, second = name.partition(" ")
            if second:
                self._pairs.setdefault(first, {})[second] = weight
            else:
                self._words[first] = weight
        #: for each stem, its weight beside each concept (by bit) it carries one beside
        self._cross = cross
        self._concept = [weights.get(f"c:{name}", 0) for name in names]
        #: for each concept, the weight of its pair with each higher one, by that one's bit
        self._partner_weights: list[dict[int, int]] = [{} for _ in names]
        for low, first in enumerate(names):
            for high in range(low + 1, len(names)):
                weight = weights.get(f"c:{first}&{names[high]}", 0)
                if weight:
                    self._partner_weights[low][1 << high] = weight
        self._framed = {c: weights.get(f"framed:{c}", 0) for c in rules.CATEGORIES}
        self._rule = {
            (c, level): weights.get(f"rule:{c}:{level.name.lower()}", 0)
            for c in rules.CATEGORIES
            for level in rules.Level
        }

    def score(self, reading: Reading) -> int:
        union = 0
        for mask in reading.clauses:
            union |= mask
        return (
            self.model.bias
            + self._word_score(reading.stems)
            + self._concept_score(reading.clauses, union)
            + self._cross_score(reading.stems, union)
            + sum(self._framed[category] for category in reading.framed)
            + sum(self._rule[key] for key in {(f.category, f.level) for f in reading.findings})
        )

    def judged_score(self, reading: Reading) -> int:
        """The score the engine judges by: the whole action's, or a parameter text's own if
        that alone reaches the model's ``pad`` threshold.

        A linear sum can be talked down by padding: a harmful request put as one item among
        harmless chores gets the chores' (negative) weights added to its own. So each
        parameter text that is a request in its own right (at least :data:`MIN_PART_STEMS`
        distinct words in its value, see :func:`_word_count`) is also scored alone (its
        stems, pairs, concepts and each stem beside its own concepts; the bias), and one
        that alone reaches ``pad`` decides.
        A shorter text is a value (a name, a flag, an id, ``"action": "disable"``): read
        without the description that says what it acts on, its few words score as the
        harms they most often belong to: scored alone, such values were all that held 41
        legitimate actions of the held-out split against 12 harms. A harm padded among
        chores is a sentence; a short one stays within the rules' reach (they read every
        text) and the whole sum's. Linear in the text read: each stem is scored at most
        twice.
        """
        best = self.score(reading)
        if len(reading.parameter_parts) < MIN_PARTS:
            return best
        bias, bar = self.model.bias, self.model.pad_threshold
        for (first, end, first_clause, end_clause), key in zip(
            reading.parameter_parts, reading.parameter_keys, strict=True
        ):
            stems = reading.stems[first:end]
            if _word_count(stems, key) < MIN_PART_STEMS:
                continue
            clauses = reading.clauses[first_clause:end_clause]
            union = 0
            for mask in clauses:
                union |= mask
            alone = (
                bias
                + self._word_score(stems)
                + self._concept_score(clauses, union)
                + self._cross_score(stems, union)
            )
            if alone >= bar:
                best = max(best, alone)
        return best

    def _word_score(self, stems: list[str]) -> int:
        """The weights of the distinct stems and adjacent stem pairs (stopwords skipped, no
        pair across a clause break); only weighted features are remembered as seen."""
        words, pairs = self._words, self._pairs
        seen: set[str] = set()
        seen_pairs: set[tuple[str, str]] = set()
        total = 0
        previous = CLAUSE_BREAK
        for current in stems:
            if current in _SKIPPED:
                if current == CLAUSE_BREAK:
                    previous = current
                continue
            weight = words.get(current)
            if weight is not None and current not in seen:
                seen.add(current)
                total += weight
            following = pairs.get(previous)
            if following is not None:
                weight = following.get(current)
                if weight is not None and (previous, current) not in seen_pairs:
                    seen_pairs.add((previous, current))
                    total += weight
            previous = current
        return total

    def _cross_score(self, stems: list[str], union: int) -> int:
        """The weights of each distinct stem beside each concept met in the action.

        For each distinct weighted stem, one lookup per concept met, done by ``map`` and
        ``sum`` rather than a Python-level loop (a stem carries a weight beside most of the
        few concepts an action meets, so there is little to skip).
        """
        if not union:
            return 0
        met = []
        rest = union
        while rest:
            bit = rest & -rest
            met.append(bit)
            rest ^= bit
        zeros = (0,) * len(met)
        cross = self._cross
        total = 0
        for word in cross.keys() & stems:  # distinct stems; a sum of integers in any order
            total += sum(map(cross[word].get, met, zeros))
        return total

    def _concept_score(self, clauses: list[int], union: int) -> int:
        """The weights of the concepts met anywhere and of the pairs met in one clause, each
        counted once however many clauses hold it.

        No feature set is built: for each concept, the clauses that hold it are or-ed into
        the concepts it meets, and the weighted pairs among them are summed once.
        """
        concept, partners = self._concept, self._partner_weights
        total = 0
        rest = union
        while rest:
            lowest = rest & -rest
            low = lowest.bit_length() - 1
            rest ^= lowest
            total += concept[low]
            weights = partners[low]
            if not weights:
                continue
            met = 0
            for mask in clauses:
                if mask & lowest:
                    met |= mask
            met &= rest  # only the higher concepts: each pair once, from its lower end
            while met:
                bit = met & -met
                met ^= bit
                total += weights.get(bit, 0)
        return total
