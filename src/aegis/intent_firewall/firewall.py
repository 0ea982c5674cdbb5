"""The intent firewall: allow, review or block a requested action, with a score and reasons."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from functools import lru_cache

from aegis._text import words
from aegis._validation import require_text, require_unit_interval
from aegis.intent_firewall.canonical import TOO_DEEP, iter_strings
from aegis.intent_firewall.canonical import canonical_text as _canonical
from aegis.intent_firewall.custom import RuleSet
from aegis.intent_firewall.detectors import DEFAULT_RULES, Context, Hit, analyze, default_hit
from aegis.intent_firewall.model import (
    PENALTY,
    Decision,
    Effect,
    Finding,
    Request,
    Rule,
    Verdict,
)
from aegis.intent_firewall.ratelimit import RateLimiter

__all__ = ["IntentFirewall"]

DESTRUCTIVE_PENALTY = 0.3
LOW_CONFIDENCE = 0.5
LOW_CONFIDENCE_PENALTY = 0.2
DEFAULT_ALLOWED_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

_DESTRUCTIVE = frozenset(
    {
        "delete",
        "remove",
        "rm",
        "destroy",
        "drop",
        "truncate",
        "wipe",
        "erase",
        "format",
        "kill",
        "terminate",
        "purge",
        "overwrite",
        "shutdown",
        "reboot",
        "uninstall",
    }
)
_WRITES = frozenset(
    {
        "write",
        "delete",
        "remove",
        "append",
        "modify",
        "update",
        "edit",
        "move",
        "rename",
        "create",
        "put",
        "upload",
        "chmod",
        "chown",
        "copy",
        "replace",
        "truncate",
        "overwrite",
        "save",
        "set",
        "patch",
        "install",
    }
)
_COMMANDS = frozenset({"command", "shell", "exec", "bash", "sh", "terminal", "cmd", "system"})
_COMMAND_KEYS = frozenset(
    {"cmd", "command", "commands", "shell", "script_body", "exec", "run", "argv", "args"}
)
_NETWORK = frozenset(
    {
        "network",
        "http",
        "https",
        "fetch",
        "download",
        "request",
        "curl",
        "wget",
        "browse",
        "url",
        "webhook",
        "api",
    }
)
_NETWORK_KEYS = frozenset({"url", "uri", "urls", "endpoint", "host", "href", "link", "webhook"})
_SCRIPT_ACTIONS = frozenset({"script"})
_RUNS = frozenset({"execute", "run", "exec", "launch", "start"})


_VERDICT_CACHE_SIZE = 8192
_FLAT = (str, int, float, bool, type(None))


def _cache_key(request: Request) -> tuple[object, ...] | None:
    """A key for requests whose parameters are flat and hashable; None for the rest."""
    items = tuple(request.parameters.items())
    if not all(type(value) in _FLAT for _, value in items):
        return None
    return (request.action, request.confidence, items)


@lru_cache(maxsize=4096)
def _action_words(action: str) -> frozenset[str]:
    return frozenset(words(action))


def _key_of(where: str) -> str:
    """The innermost mapping key of a location such as ``parameters.opts.cmd[0]``."""
    key = where.rsplit(".", 1)[-1]
    return key.split("[", 1)[0].split("<", 1)[0].casefold()


class IntentFirewall:
    """Judges requests against the default rules and any custom ones.

    ``threshold`` is the lowest score that is allowed; ``rules`` adds custom :class:`Rule`
    objects; ``rate_limit`` (requests per second per source, with ``burst``) turns excess
    requests into blocking verdicts; ``allowed_hosts`` are network destinations that need no
    review (subdomains included).
    """

    def __init__(
        self,
        threshold: float = 0.7,
        rules: Iterable[Rule] | None = None,
        rate_limit: float | None = None,
        *,
        burst: float | None = None,
        allowed_hosts: Iterable[str] = DEFAULT_ALLOWED_HOSTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.threshold = require_unit_interval("threshold", threshold)
        self._custom = RuleSet(rules or ())
        self._limiter = None if rate_limit is None else RateLimiter(rate_limit, burst, clock=clock)
        self.allowed_hosts = frozenset(
            require_text("allowed_hosts[]", h).casefold() for h in allowed_hosts
        )
        self._disabled: frozenset[str] = frozenset()
        self._lock = threading.Lock()
        # A verdict is a pure function of action, flat parameters and confidence while the
        # rules stay the same, and agents repeat requests: cached, cleared on rule changes.
        self._verdicts: dict[object, Verdict] = {}

    # -- rules --------------------------------------------------------------------------------

    def block_pattern(self, rule: Rule | str) -> Rule:
        """Add a custom rule (a :class:`Rule`, or a pattern string that becomes one)."""
        if isinstance(rule, str):
            rule = Rule(id=f"custom:{rule}", pattern=rule)
        if not isinstance(rule, Rule):
            raise TypeError(f"rule must be a Rule or a pattern string, got {rule!r}")
        if rule.id in DEFAULT_RULES:
            raise ValueError(f"rule id {rule.id!r} is taken by a default rule")
        with self._lock:
            self._custom.add(rule)
            self._verdicts.clear()
        return rule

    def unblock_pattern(self, rule_id: str) -> None:
        """Remove a custom rule, or disable a default rule, by id; unknown ids are an error."""
        with self._lock:
            if rule_id in self._custom:
                self._custom.remove(rule_id)
            elif rule_id in DEFAULT_RULES:
                self._disabled = self._disabled | {rule_id}
            else:
                raise KeyError(f"no rule with id {rule_id!r}")
            self._verdicts.clear()

    @property
    def blocked_patterns(self) -> tuple[Rule, ...]:
        """The custom rules, in the order they were added."""
        return self._custom.rules

    @property
    def disabled_rules(self) -> frozenset[str]:
        return self._disabled

    # -- validation ---------------------------------------------------------------------------

    async def validate_request(self, request: Request) -> Verdict:
        """Judge ``request``. A refusal is a verdict; only malformed input raises."""
        return self.validate_request_sync(request)

    def validate_request_sync(self, request: Request) -> Verdict:
        """Synchronous twin of :meth:`validate_request`."""
        if not isinstance(request, Request):
            raise TypeError(f"request must be a Request, got {type(request).__name__}: {request!r}")
        if self._limiter is not None and not self._limiter.allow(request.source):
            reason = (
                f"rate-limit: source {request.source!r} exceeded {self._limiter.rate:g} requests/s"
            )
            return Verdict(False, Decision.BLOCK, 0.0, (reason,), ("rate-limit",))
        key = _cache_key(request)
        if key is None:
            return self._verdict(request, self._findings(request))
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdict(request, self._findings(request))
            if len(self._verdicts) >= _VERDICT_CACHE_SIZE:
                self._verdicts.clear()
            self._verdicts[key] = verdict
        return verdict

    def _findings(self, request: Request) -> list[Finding]:
        action = _action_words(request.action)
        command = bool(action & _COMMANDS)
        network = bool(action & _NETWORK)
        write = bool(action & _WRITES)
        found: dict[str, Finding] = {}
        strings = [("action", request.action), *iter_strings(request.parameters)]
        for where, text in strings:
            key = _key_of(where)
            context = Context(
                command=command or key in _COMMAND_KEYS,
                network=network or key in _NETWORK_KEYS,
                write=write,
                allowed_hosts=self.allowed_hosts,
            )
            canonical = _canonical(text)
            for hit in analyze(canonical, context) if where != "action" else ():
                self._keep(found, hit, where, text)
            for rule in self._custom.matches(canonical):
                hit = Hit(
                    rule.id, rule.severity, rule.effect, rule.description or "custom rule", text
                )
                self._keep(found, hit, where, text)
        if action & _SCRIPT_ACTIONS and action & _RUNS and "user-script" not in found:
            self._keep(found, default_hit("user-script", request.action), "action", request.action)
        if any(text is TOO_DEEP for _, text in strings[1:]):
            self._keep(found, default_hit("nesting-too-deep", ""), "parameters", "")
        return list(found.values())

    def _keep(self, found: dict[str, Finding], hit: Hit, where: str, original: str) -> None:
        if hit.rule in self._disabled or hit.rule in found:
            return
        evidence = original if hit.evidence == _canonical(original) else hit.evidence
        found[hit.rule] = Finding(
            hit.rule, hit.severity, hit.effect, hit.description, where, evidence
        )

    def _verdict(self, request: Request, findings: list[Finding]) -> Verdict:
        score = 1.0 - sum(PENALTY[f.severity] for f in findings)
        reasons = [f.reason() for f in findings]
        if _action_words(request.action) & _DESTRUCTIVE:
            score -= DESTRUCTIVE_PENALTY
            reasons.append(f"destructive action {request.action!r} (-{DESTRUCTIVE_PENALTY})")
        if request.confidence < LOW_CONFIDENCE:
            score -= LOW_CONFIDENCE_PENALTY
            reasons.append(
                f"confidence {request.confidence:g} below {LOW_CONFIDENCE} "
                f"(-{LOW_CONFIDENCE_PENALTY})"
            )
        score = round(min(1.0, max(0.0, score)), 12)
        if any(f.effect is Effect.BLOCK for f in findings):
            decision = Decision.BLOCK
        elif findings or score < self.threshold:
            decision = Decision.REVIEW
        else:
            decision = Decision.ALLOW
        if decision is Decision.REVIEW and score < self.threshold and not findings:
            reasons.append(f"score {score:g} below threshold {self.threshold:g}")
        return Verdict(
            allowed=decision is Decision.ALLOW,
            decision=decision,
            score=score,
            reasons=tuple(reasons),
            matched_rules=tuple(f.rule for f in findings),
        )
