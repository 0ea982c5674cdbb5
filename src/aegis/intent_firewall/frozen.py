"""An immutable mapping that is still a ``dict`` to JSON encoders and equality checks.

The firewall hands back the parameters it judged as a frozen copy; a ``dict`` subclass
keeps it usable wherever a dict was (``json.dumps``, ``==``), while every mutating method
raises ``TypeError``.
"""

from __future__ import annotations

import reprlib
from typing import Any, NoReturn

__all__ = ["FrozenDict"]


class FrozenDict(dict[Any, Any]):
    __slots__ = ("_hash",)

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("the judged parameters are frozen; build a new request to change them")

    __setitem__ = _refuse
    __delitem__ = _refuse
    __ior__ = _refuse
    clear = _refuse
    pop = _refuse
    popitem = _refuse
    setdefault = _refuse
    update = _refuse

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash
        except AttributeError:
            self._hash: int = hash(frozenset(self.items()))
            return self._hash

    def __repr__(self) -> str:
        shown = reprlib.Repr()  # bounded: a structure sharing references can be huge unrolled
        shown.maxlevel, shown.maxdict = 4, 16
        return f"FrozenDict({shown.repr(dict(self))})"

    def __copy__(self) -> FrozenDict:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenDict:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))
