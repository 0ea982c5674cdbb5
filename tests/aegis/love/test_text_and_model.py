"""Normalisation (inflections, compounds, clauses) and the integer linear model."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from aegis.love_engine import Action, LoveEngine, Verdict
from aegis.love_engine.model import LinearModel, features, load_default_model
from aegis.love_engine.normalise import CLAUSE_BREAK, hyphen_joined, normalise, stem
from aegis.love_engine.reading import Reading
from aegis.love_engine.rules import find


@pytest.mark.parametrize(
    ("forms", "common"),
    [
        (("weapon", "weapons", "weapon's"), "weapon"),
        (("stalk", "stalking", "stalked", "stalks"), "stalk"),
        (("poison", "poisoning", "poisoned", "poisons"), "poison"),
        (("stop", "stopping", "stopped"), "stop"),
        (("kill", "killing", "killed"), "kill"),
        (("steal", "stole", "stolen"), "steal"),
    ],
)
def test_inflections_share_a_stem(forms: tuple[str, ...], common: str) -> None:
    assert {stem(form) for form in forms} == {common}


def test_a_hyphenated_compound_is_one_token() -> None:
    assert normalise("a brute-force attack").stems == ("a", "bruteforc", "attack")
    assert "forc" not in normalise("brute-force").stems
    assert stem("brute-force") == stem("bruteforce")


@pytest.mark.parametrize(
    "phrase", [("is", "suing"), ("for", "me"), ("sex", "ed"), ("a", "cut"), ("up", "the")]
)
def test_a_phrase_with_a_function_word_is_never_read_as_one_hyphenated_word(
    phrase: tuple[str, ...],
) -> None:
    # "is-suing" stems as "issued", "for-me" as "form": the phrase would fire on them
    assert hyphen_joined(phrase) is None


def test_a_phrase_of_content_words_is_also_read_hyphenated() -> None:
    assert hyphen_joined(("risk", "free")) == stem("risk-free")
    assert hyphen_joined(("sign", "up")) == stem("signup")


def test_fullwidth_and_case_are_folded() -> None:
    assert normalise("ＳＴＡＬＫＩＮＧ her").stems == normalise("stalking her").stems


def test_sentences_are_clauses_but_domains_and_decimals_are_not() -> None:
    stems = normalise("Forward it to phishing@paypal.com and warn. Then stop; 3.14").stems
    assert stems.count(CLAUSE_BREAK) == 2
    assert "com" in stems
    assert {"3", "14"} <= set(stems)


def test_a_frame_in_one_sentence_does_not_excuse_the_next() -> None:
    assert find("Detect phishing in the inbox. Then send phishing emails to all customers.", "d")
    assert not find("Detect phishing in the inbox.", "d")


def test_model_features_skip_function_words_and_join_content_words() -> None:
    found = features(normalise("Put the poison in the coffee. Then leave").stems)
    assert {"put", "poison", "coffe", "put poison", "poison coffe", "leav"} <= found
    assert "the" not in found
    assert "coffe leav" not in found  # a pair never spans a clause


def test_the_model_file_round_trips_and_scores_in_integers() -> None:
    model = LinearModel(MappingProxyType({"poison": 2210, "coffe poison": 875}), -412, 150, 1000)
    again = LinearModel.parse(model.dump())
    assert again == model
    assert again.score({"poison", "coffe poison", "unknown"}) == -412 + 2210 + 875
    assert isinstance(again.score({"poison"}), int)
    assert 0.0 < again.probability(-412) < 0.5 < again.probability(2673) < 1.0


def test_the_confirm_threshold_round_trips_and_defaults_to_the_threshold() -> None:
    weights = MappingProxyType({"poison": 2210})
    both = LinearModel(weights, -412, 150, 1000, confirm=-300)
    assert LinearModel.parse(both.dump()) == both
    assert both.confirm_threshold == -300
    one = LinearModel.parse("scale\t1000\nbias\t0\nthreshold\t150\n")
    assert one.confirm is None
    assert one.confirm_threshold == 150


def _engine_with(threshold: int, confirm: int) -> LoveEngine:
    """The shipped weights with the two thresholds set by hand."""
    shipped = load_default_model()
    return LoveEngine(
        model=LinearModel(shipped.weights, shipped.bias, threshold, shipped.scale, confirm)
    )


def test_a_veto_is_denied_only_when_the_model_confirms_it() -> None:
    """``confirm`` alone decides deny against review for a rule's veto; ``threshold`` alone
    decides review against allow when no rule speaks."""
    veto = Action("Put antifreeze in my coworker's coffee so he gets sick", "act")
    plain = Action("Summarize the meeting notes for the team", "act")
    score = _engine_with(0, 0).check_ethics_sync(veto).model_score
    assert _engine_with(10**9, score).check_ethics_sync(veto).verdict is Verdict.DENY
    reviewed = _engine_with(-(10**9), score + 1).check_ethics_sync(veto)
    assert reviewed.verdict is Verdict.REVIEW
    assert any("does not confirm" in reason for reason in reviewed.reasons)
    quiet = _engine_with(0, 0).check_ethics_sync(plain).model_score
    assert _engine_with(quiet + 1, -(10**9)).check_ethics_sync(plain).verdict is Verdict.ALLOW
    assert _engine_with(quiet, 10**9).check_ethics_sync(plain).verdict is Verdict.REVIEW


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("scale\t1000\nbias\t0\n", "model file lacks threshold"),
        ("scale\t0\nbias\t0\nthreshold\t0\n", "model scale must be > 0, got 0"),
        ("scale\t1000\nbias\tx\nthreshold\t0\n", "model line 2: .*'bias\\\\tx'"),
        ("scale\t1000\nbias\t0\nthreshold\t0\nw\tpoison\n", "model line 4"),
    ],
)
def test_a_malformed_model_file_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        LinearModel.parse(text)


def test_the_shipped_model_is_small_and_used_by_default() -> None:
    model = load_default_model()
    assert 1_000 < len(model.weights) < 50_000
    assert all(isinstance(weight, int) for weight in model.weights.values())
    assert LoveEngine().model == model


def test_the_fast_scorer_sums_exactly_the_features_the_model_names() -> None:
    from aegis.love_engine.reading import read_action
    from aegis.love_engine.traverse import Limits

    engine = LoveEngine()
    texts = [
        "Put antifreeze in my coworker's coffee. Then block the IPs behind the brute-force attack",
        "Rank applicants by age; never share customer data with third parties",
        "Summarize the meeting notes for the team",
    ]
    for text in texts:
        reading = read_action((("description", text), ("intent", "act")), {"x": [text]}, Limits())
        assert engine._scorer.score(reading) == engine.model.score(reading.features())


def test_the_fast_scorer_counts_each_stem_beside_each_concept_once() -> None:
    """A hand-made model of every kind of feature, held to the plain sum over feature names:
    a stem repeated, a concept met in two clauses, a concept absent, a pair across clauses."""
    from types import MappingProxyType

    from aegis.love_engine.reading import read_action
    from aegis.love_engine.scoring import Scorer
    from aegis.love_engine.traverse import Limits

    weights = {
        "x:toxin|coffe": 700,
        "x:person|coffe": -30,
        "x:toxin|put": 11,
        "x:weapon|coffe": 5000,  # no weapon below: must not count
        "x:person|coworker": 3,
        "coffe": 13,
        "put coffe": 17,
        "c:toxin": 19,
        "c:person&toxin": 23,
    }
    model = LinearModel(MappingProxyType(weights), -1, 0, 1000)
    scorer = Scorer(model)
    text = "Put antifreeze in my coworker's coffee. Then put more coffee in his coffee cup"
    for parameters in ({}, {"note": text}, {"x": ["coffee", {"y": "antifreeze"}]}):
        reading = read_action((("description", text), ("intent", "act")), parameters, Limits())
        assert "x:toxin|coffe" in reading.features()
        assert scorer.score(reading) == model.score(reading.features())


def test_a_model_naming_an_unknown_concept_is_refused() -> None:
    from types import MappingProxyType

    from aegis.love_engine.scoring import Scorer

    with pytest.raises(ValueError, match=r"x:nonsense\|coffe"):
        Scorer(LinearModel(MappingProxyType({"x:nonsense|coffe": 1}), 0, 0, 1000))


@pytest.mark.parametrize(
    "disguised",
    [
        "k\u0337\u0322i\u0335l\u0334l\u0338 him",  # combining marks stacked on each letter
        "ki\u200bll h\u200dim",  # zero-width space and joiner
        "kil\u00adl him",  # soft hyphen
        "\u202ekill him",  # a bidirectional override
    ],
)
def test_invisible_marks_do_not_hide_a_word(disguised: str) -> None:
    assert normalise(disguised).stems == normalise("kill him").stems
    assert find(disguised, "d")


def test_a_compound_of_many_parts_reads_only_its_first_parts() -> None:
    assert find("a-" * 5000 + "a", "d") == []


@pytest.mark.parametrize(
    "written", ["k1ll him", "bu1ld a p1pe b0mb", "ph1sh1ng emails to the bank's customers"]
)
def test_digits_written_for_letters_still_read_as_the_word(written: str) -> None:
    assert find(written, "d"), written


def test_words_with_digits_of_their_own_are_not_read_as_letters() -> None:
    assert find("Enable 2fa and upgrade to ipv6", "d") == []


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("mfaRequired", "mfa Required"),
        ("auditLogEnabled", "audit Log Enabled"),
        ("http2Enabled", "http2 Enabled"),
        ("URLPath", "URLPath"),
        ("snake_case", "snake_case"),
        ("ÉtéMode", "ÉtéMode"),
        ("", ""),
    ],
)
def test_a_camel_case_key_is_read_as_words(key: str, words: str) -> None:
    from aegis.love_engine.traverse import camel_words

    assert camel_words(key) == words


def _padded_reading(items: list[str]) -> Reading:
    from aegis.love_engine.reading import read_action
    from aegis.love_engine.traverse import Limits

    texts = (("description", "Work through the list"), ("intent", "act"))
    return read_action(texts, {"items": items}, Limits())


@pytest.mark.parametrize("pad", [1_000, 6_000])
def test_padding_cannot_talk_a_parameter_text_down(pad: int) -> None:
    """A parameter text that alone scores at or above ``pad`` is judged by its own score,
    however much harmless padding is listed beside it; below that, the whole action's sum."""
    from aegis.love_engine.scoring import Scorer

    weights = MappingProxyType({"poison": 5_000, "book": -3_000, "paper": -3_000})
    scorer = Scorer(LinearModel(weights, 0, 100, 1000, confirm=-500, pad=pad))
    reading = _padded_reading(
        ["book the team room", "poison the neighbour's old dog", "order printer paper today"]
    )
    assert scorer.score(reading) == 5_000 - 3_000 - 3_000
    expected = 5_000 if pad <= 5_000 else scorer.score(reading)
    assert scorer.judged_score(reading) == expected


def test_a_short_parameter_value_is_not_scored_alone() -> None:
    """A value of fewer than ``MIN_PART_STEMS`` content words (a flag, a name, an id) is read
    only as part of the action: without the description it carries no request of its own."""
    from aegis.love_engine.scoring import MIN_PART_STEMS, Scorer

    weights = MappingProxyType({"disabl": 5_000, "book": -3_000, "paper": -3_000})
    scorer = Scorer(LinearModel(weights, 0, 100, 1000, pad=1_000))
    short = _padded_reading(["book the room", "disable", "order paper"])
    assert MIN_PART_STEMS > 1
    assert scorer.judged_score(short) == scorer.score(short) == 5_000 - 3_000 - 3_000


def test_the_pad_threshold_round_trips_and_defaults_to_confirm() -> None:
    weights = MappingProxyType({"poison": 2210})
    both = LinearModel(weights, -412, 150, 1000, confirm=-300, pad=150)
    assert LinearModel.parse(both.dump()) == both
    assert both.pad_threshold == 150
    old = LinearModel.parse("scale\t1000\nbias\t0\nthreshold\t150\nconfirm\t90\n")
    assert old.pad is None
    assert old.pad_threshold == 90


def test_the_judged_score_is_never_below_the_whole_sum() -> None:
    engine = LoveEngine()
    for items in (
        ["order printer paper", "Put antifreeze in my coworker's coffee", "renew the domain"],
        ["order printer paper", "renew the domain"],
        ["Summarize the meeting notes"],
    ):
        reading = _padded_reading(items)
        assert engine._scorer.judged_score(reading) >= engine._scorer.score(reading)
