"""``$(( … ))`` over written-out integers is worked out as bash would; anything else stays a
construct known only at run time (``shellarith.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.shellarith import constant_arithmetic


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("$((1+2))", "3"),
        ("$(( 5 * 2 ))", "10"),
        ("$(( (3 + 4) * 2 ))", "14"),
        ("$((7/2))", "3"),
        ("$((-7/2))", "-3"),  # bash truncates toward zero
        ("$((-7%3))", "-1"),
        ("$((-1))", "-1"),
    ],
)
def test_integer_arithmetic_is_worked_out_as_bash_does(written: str, value: str) -> None:
    assert constant_arithmetic(written) == value


@pytest.mark.parametrize(
    "written",
    [
        "$((x+1))",  # a name
        "$(($n))",  # an expansion
        "$((1<<40))",  # a shift
        "$((2**10))",  # a power
        "$((1/0))",  # no value
        "$((10**12*10**12))",
        "$((99999999*99999999*99999999))",  # past the bound
        "$((1 == 1))",  # a comparison
        "$(( ))",
        "$((" + "1+" * 40 + "1))",  # longer than worked out
    ],
)
def test_anything_else_stays_unknown(written: str) -> None:
    assert constant_arithmetic(written) is None


@given(st.text(max_size=40))
def test_any_text_gives_a_number_or_nothing(text: str) -> None:
    value = constant_arithmetic(f"$(({text}))")
    assert value is None or value.lstrip("-").isdigit()
