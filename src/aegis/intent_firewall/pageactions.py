"""Browser and computer-use steps whose element says what the page then does.

``browser_click {element: "Delete this repository"}`` deletes a repository as surely as the
API call does, and ``{selector: "button#confirm-purchase"}`` pays: a click's target is read
by its words (label, selector, text) for paying, destroying or handing-over words
(``data/stakes.toml``) and for the named-access pairs of the vocabulary (``Send payment``,
``Place order``): *review* (``destructive-action``). Typing or filling a form is read by the
field it fills: a password, card number, security code or one-time code given a value is
*review* (``secret-entry``), since the page that receives it is whatever page is open.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.stakes import DATA, fields
from aegis.intent_firewall.vocabulary import NAMED_ACCESS, name_words, noun_words

__all__ = ["click_evidence", "entry_evidence"]

_CLICKS = frozenset(DATA["clicks"]["verbs"])
_ELEMENT_KEYS = frozenset(DATA["clicks"]["element_keys"]) | {
    "innertext", "inner_text", "element_text", "text_content", "textcontent", "label_text",
    "aria-label", "note"}  # fmt: skip
_CLICK_WORDS = frozenset(DATA["clicks"]["words"])
_ENTRIES = frozenset(DATA["entries"]["verbs"])
_FIELD_KEYS = frozenset(DATA["entries"]["field_keys"])
_VALUE_KEYS = frozenset(DATA["entries"]["value_keys"])
_FORM_KEYS = frozenset(DATA["entries"]["form_keys"])
_SECRET_WORDS = frozenset(DATA["entries"]["secret_words"])
_SECRET_PARTS = tuple(DATA["entries"]["secret_parts"])
#: Keys of a generic browser tool that name the step it takes.
_STEP_KIND_KEYS = frozenset({"action", "type", "command", "op", "kind", "step", "method",
                             "event", "gesture"})  # fmt: skip
#: Only so much of an element's text is read.
_MAX_TEXT = 160


def click_evidence(words: frozenset[str], parameters: Any) -> str:
    """Why a click's target makes it *review*, else ``""``."""
    pairs = list(fields(parameters))
    clicking = bool(words & _CLICKS) or any(
        key in _STEP_KIND_KEYS and isinstance(value, str) and bool(name_words(value[:64]) & _CLICKS)
        for key, value in pairs
    )  # browser_action {action: click, target: …}, computer {action: left_click}
    for key, value in pairs:
        # {then_click: "button.delete-repo"} under a fill or a navigation clicks as well
        names_click = bool(name_words(key) & _CLICKS)
        if not (names_click or (clicking and key in _ELEMENT_KEYS)) or not isinstance(value, str):
            continue
        text = value[:_MAX_TEXT]
        said = name_words(text) | noun_words(text.replace(" ", "_"))
        named = said & _CLICK_WORDS
        if "sign" in named and _signs_in(text):
            named = named - {"sign"}  # "Sign in", "sign-up": an account's door, no signature
        if not named:
            named = next(
                (said & (nouns | verbs) for nouns, verbs in NAMED_ACCESS
                 if said & nouns and said & verbs - nouns),
                frozenset(),
            )  # fmt: skip
        if named:
            return f"clicks {text[:60]!r} ({', '.join(sorted(named))})"
    return ""


_SIGN_PHRASES = ("signin", "signup", "signout")


def _signs_in(text: str) -> bool:
    """Whether every "sign" in ``text`` is part of "sign in/up/out" ("sign off" approves,
    "sign on behalf of" signs)."""
    letters = "".join(c for c in text[:_MAX_TEXT].casefold() if c.isalpha() or c == " ")
    squeezed = letters.replace(" ", "")
    whole = squeezed.count("sign")
    return whole > 0 and whole == sum(squeezed.count(p) for p in _SIGN_PHRASES)


def entry_evidence(words: frozenset[str], parameters: Any) -> str:
    """Why typing into a page or filling a form enters a secret, else ``""``."""
    if not words & _ENTRIES or not isinstance(parameters, Mapping):
        return ""
    given = any(
        key in _VALUE_KEYS and isinstance(value, str | int) and str(value).strip()
        for key, value in fields(parameters)
    )
    for key, value in fields(parameters):
        if given and key in _FIELD_KEYS and isinstance(value, str) and _secret(value):
            return f"types into {value[:60]!r}, a secret's field"
        if key in _FORM_KEYS and isinstance(value, Mapping):
            for name, filled in itertools.islice(value.items(), 64):
                if isinstance(name, str) and _secret(name) and str(filled).strip():
                    return f"fills {name[:60]!r}, a secret's field"
    return ""


def _secret(name: str) -> bool:
    text = name[:_MAX_TEXT]
    if name_words(text) & _SECRET_WORDS:
        return True
    letters = "".join(char for char in text.casefold() if char.isalnum())
    return any(part in letters for part in _SECRET_PARTS)
