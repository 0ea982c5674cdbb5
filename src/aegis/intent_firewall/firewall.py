"""The intent firewall: allow, review or block a requested action, with a score and reasons.

The firewall holds one immutable :class:`Policy` and a verdict cache that belongs to it;
every change (threshold, allowed hosts, a custom rule) builds a new policy and a new cache
and swaps both in one assignment, so no verdict outlives the policy that made it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from aegis.intent_firewall.cache import VerdictCache
from aegis.intent_firewall.custom import RuleSet
from aegis.intent_firewall.frozen import FrozenDict
from aegis.intent_firewall.model import PENALTY, Decision, Effect, Finding, Request, Rule, Verdict
from aegis.intent_firewall.policy import DEFAULT_ALLOWED_HOSTS, Limits, Policy
from aegis.intent_firewall.ratelimit import RateLimiter
from aegis.intent_firewall.requests import judge_request
from aegis.intent_firewall.rules import DEFAULT_RULES
from aegis.intent_firewall.warmup import warm_up

__all__ = ["LOW_CONFIDENCE", "LOW_CONFIDENCE_PENALTY", "IntentFirewall"]

LOW_CONFIDENCE = 0.5
LOW_CONFIDENCE_PENALTY = 0.2


class IntentFirewall:
    """Judges requests against the default rules, the command catalogue and custom rules.

    ``threshold`` is the lowest score that is allowed; ``rules`` adds custom :class:`Rule`
    objects; ``rate_limit`` (requests per second per identity, with ``burst``) turns excess
    requests into blocking verdicts; ``allowed_hosts`` are network destinations that need no
    review (subdomains included). ``policy`` gives all of it at once (it wins over the
    other settings); ``identity`` says whom a request is rate-limited as (default: its
    ``source``).
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
        working_directory: str | None = None,
        home: str = "/root",
        allowed_programs: Iterable[str] = (),
        limits: Limits | None = None,
        identity: Callable[[Request], str] | None = None,
        policy: Policy | None = None,
        environment: Mapping[str, str] | None = None,
    ) -> None:
        if policy is None:
            policy = Policy(
                threshold=threshold,
                allowed_hosts=frozenset(allowed_hosts)
                if not isinstance(allowed_hosts, str)
                else allowed_hosts,  # type: ignore[arg-type]
                working_directory=working_directory,
                home=home,
                allowed_programs=frozenset(allowed_programs),
                custom=RuleSet(rules or ()),
                limits=limits or Limits(),
                environment=environment or (),  # type: ignore[arg-type]
            )
        elif not isinstance(policy, Policy):
            raise TypeError(f"policy must be a Policy, got {type(policy).__name__}: {policy!r}")
        self._state: tuple[Policy, VerdictCache, dict[Any, Any]] = (policy, VerdictCache(), {})
        self._limiter = None if rate_limit is None else RateLimiter(rate_limit, burst, clock=clock)
        self._identity = identity or (lambda request: request.source)
        warm_up()  # the first firewall of a process loads the tables, not its first request

    # -- policy -------------------------------------------------------------------------------

    @property
    def policy(self) -> Policy:
        return self._state[0]

    def replace_policy(self, policy: Policy | None = None, **changes: Any) -> Policy:
        """Swap in ``policy`` (or the current one with ``changes``); the cache goes with it."""
        new = policy if policy is not None else replace(self._state[0], **changes)
        if not isinstance(new, Policy):
            raise TypeError(f"policy must be a Policy, got {type(new).__name__}: {new!r}")
        self._state = (new, VerdictCache(), {})
        return new

    @property
    def threshold(self) -> float:
        return self.policy.threshold

    @threshold.setter
    def threshold(self, value: float) -> None:
        self.replace_policy(threshold=value)

    @property
    def allowed_hosts(self) -> frozenset[str]:
        return self.policy.allowed_hosts

    @allowed_hosts.setter
    def allowed_hosts(self, hosts: Iterable[str]) -> None:
        self.replace_policy(allowed_hosts=hosts)

    # -- rules --------------------------------------------------------------------------------

    def block_pattern(self, rule: Rule | str) -> Rule:
        """Add a custom rule (a :class:`Rule`, or a pattern string that becomes one)."""
        if isinstance(rule, str):
            rule = Rule(id=f"custom:{rule}", pattern=rule)
        if not isinstance(rule, Rule):
            raise TypeError(f"rule must be a Rule or a pattern string, got {rule!r}")
        if rule.id in DEFAULT_RULES:
            raise ValueError(f"rule id {rule.id!r} is taken by a default rule")
        self.replace_policy(custom=self.policy.custom.with_rule(rule))
        return rule

    def unblock_pattern(self, rule_id: str, *, disable_default: bool = False) -> None:
        """Remove a custom rule by id.

        A default rule is never disabled by accident: it takes ``disable_default=True``,
        and the policy then lists it in ``disabled_rules``. Unknown ids are a ``KeyError``.
        """
        policy = self.policy
        if rule_id in policy.custom:
            self.replace_policy(custom=policy.custom.without(rule_id))
        elif rule_id in DEFAULT_RULES:
            if not disable_default:
                raise ValueError(
                    f"{rule_id!r} is a default rule; pass disable_default=True to disable it"
                )
            self.replace_policy(disabled_rules=policy.disabled_rules | {rule_id})
        else:
            raise KeyError(f"no rule with id {rule_id!r}")

    @property
    def blocked_patterns(self) -> tuple[Rule, ...]:
        """The custom rules, in the order they were added."""
        return self.policy.custom.rules

    @property
    def disabled_rules(self) -> frozenset[str]:
        return self.policy.disabled_rules

    # -- validation ---------------------------------------------------------------------------

    async def validate_request(self, request: Request) -> Verdict:
        """Judge ``request``. A refusal is a verdict; only malformed input raises."""
        return self.validate_request_sync(request)

    def validate_request_sync(self, request: Request) -> Verdict:
        """Synchronous twin of :meth:`validate_request`."""
        if not isinstance(request, Request):
            raise TypeError(f"request must be a Request, got {type(request).__name__}: {request!r}")
        policy, cache, memo = self._state
        if self._limiter is not None:
            identity = self._identity(request)
            if not self._limiter.allow(identity):
                reason = (
                    f"rate-limit: source {identity!r} exceeded {self._limiter.rate:g} requests/s"
                )
                return Verdict(False, Decision.BLOCK, 0.0, (reason,), ("rate-limit",))
        key = cache.key(request)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached
        try:
            findings, walk = judge_request(request, policy, memo)
        except Exception as error:  # a reader's defect is no verdict: fail closed
            return _unread(error)
        frozen = walk.frozen if isinstance(walk.frozen, FrozenDict) else FrozenDict()
        verdict = _verdict(request, findings, policy.threshold, frozen)
        if key is not None:
            cache.put(key, verdict)
        return verdict


def _unread(error: Exception) -> Verdict:
    """*review* for a request a reader raised on: what it holds was not all judged. Not
    cached, so a fixed reader judges it next time."""
    severity, _, description = DEFAULT_RULES["reader-failure"]
    evidence = f"{type(error).__name__}: {str(error)[:120]}"
    reason = Finding("reader-failure", severity, Effect.REVIEW, description, "request", evidence)
    score = round(1.0 - PENALTY[severity], 12)
    return Verdict(False, Decision.REVIEW, score, (reason.reason(),), ("reader-failure",))


def _verdict(
    request: Request, findings: list[Finding], threshold: float, frozen: FrozenDict
) -> Verdict:
    if not findings and request.confidence >= LOW_CONFIDENCE:
        # the common answer, built directly: score 1 is never below a threshold in [0, 1]
        return Verdict(True, Decision.ALLOW, 1.0, (), (), frozen)
    findings = sorted(findings, key=lambda f: -PENALTY[f.severity])  # most serious first
    score = 1.0 - sum(PENALTY[f.severity] for f in findings)
    reasons = [f.reason() for f in findings]
    if request.confidence < LOW_CONFIDENCE:
        score -= LOW_CONFIDENCE_PENALTY
        reasons.append(
            f"confidence {request.confidence:g} below {LOW_CONFIDENCE} (-{LOW_CONFIDENCE_PENALTY})"
        )
    score = round(min(1.0, max(0.0, score)), 12)
    if any(f.effect is Effect.BLOCK for f in findings):
        decision = Decision.BLOCK
    elif findings or score < threshold:
        decision = Decision.REVIEW
    else:
        decision = Decision.ALLOW
    if decision is Decision.REVIEW and score < threshold and not findings:
        reasons.append(f"score {score:g} below threshold {threshold:g}")
    return Verdict(
        allowed=decision is Decision.ALLOW,
        decision=decision,
        score=score,
        reasons=tuple(reasons),
        matched_rules=tuple(f.rule for f in findings),
        parameters=frozen,
    )
