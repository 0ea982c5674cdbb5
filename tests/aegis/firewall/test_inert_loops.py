"""Python one-liners with one short loop: ``for i in range(3): print(i)`` only prints, a loop
over a list it grows or a range too long to walk does not end soon (``inertloops``)."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.inertcode import inert_python


@pytest.mark.parametrize(
    "code",
    [
        "print(sum(range(10)))",
        "for i in range(3): print(i)",
        "print(list(map(str, range(5))))",
        "print([n + 1 for n in (1, 2, 3)])",
        "print({c for c in 'abc'})",
        "print({k: v for k, v in [(1, 2)]})",
        "import json; print(json.dumps([i for i in range(3)]))",
        "print(range(1, 100, 2)[3])",
    ],
)
def test_one_short_loop_that_prints_is_inert(code: str) -> None:
    assert inert_python(code)


@pytest.mark.parametrize(
    "code",
    [
        "l = [1]\nfor x in l: l.append(x)",
        "l = [1]\nfor i in range(30): l.extend(l)",
        "s = 'a'\nfor i in range(30): s = s + s",
        "l = [1]\nprint([l.extend(l) for i in range(30)])",
        "print([a + b for a in range(1000) for b in range(1000)])",
        "for i in range(3):\n    for j in range(3): print(i, j)",
        "print(sum(range(2000000)))",
        "print(sum(range(10**9)))",
        "x = 5\nprint(sum(range(x)))",
        "r = range\nprint(r(10))",
        "print(list(map(range, [4000000000])))",
        "for i in range(3): print(i)\nelse: print(1)",
        "import os\nfor i in range(2): os.system('id')",
        "print([x for x in map(str, [1])])",
    ],
)
def test_a_loop_that_may_not_end_soon_is_not(code: str) -> None:
    assert not inert_python(code)
