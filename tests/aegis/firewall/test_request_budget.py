"""One request's command lines share a budget of simple commands (``Limits.max_commands``).

Past it nothing more is parsed, so the time a request takes is bounded by the limits however
its commands are split into lines; the request is then *review* ("too large to inspect"),
never allowed, and what was judged before the budget ran out still blocks.
"""

from __future__ import annotations

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.policy import Limits


def _lines(count: int) -> list[str]:
    """``count`` lines of 3 commands (over 64 lines, so each line is judged on its own)."""
    return [f"ls -la d{n}; cat a{n} | grep b{n}" for n in range(count)]


#: Work enough for the 70 lines below: these tests are about the command budget alone.
_WORK = 100_000


def test_commands_within_the_budget_are_judged_as_before() -> None:
    limits = Limits(max_commands=210, max_work=_WORK)
    firewall = IntentFirewall(working_directory="/work/project", limits=limits)
    verdict = firewall.validate_request_sync(Request("run_commands", {"commands": _lines(70)}))
    assert verdict.decision is Decision.ALLOW


def test_past_the_budget_the_request_is_too_large_to_inspect() -> None:
    limits = Limits(max_commands=209, max_work=_WORK)
    firewall = IntentFirewall(working_directory="/work/project", limits=limits)
    verdict = firewall.validate_request_sync(Request("run_commands", {"commands": _lines(70)}))
    assert verdict.decision is Decision.REVIEW
    assert verdict.matched_rules == ("too-large",)
    assert "more than 209 commands in one request" in verdict.reasons[0]


def test_one_line_over_the_budget_is_cut_and_still_blocks_on_what_came_first() -> None:
    firewall = IntentFirewall(working_directory="/work/project", limits=Limits(max_commands=4))
    line = "rm -rf / ; " + " ; ".join(f"ls d{n}" for n in range(10))
    verdict = firewall.validate_request_sync(Request("execute_command", {"cmd": line}))
    assert verdict.decision is Decision.BLOCK
    assert "too-large" in verdict.matched_rules


def test_what_comes_after_the_budget_is_not_a_pass() -> None:
    firewall = IntentFirewall(working_directory="/work/project", limits=Limits(max_commands=6))
    commands = [*_lines(2), "rm -rf /"]
    verdict = firewall.validate_request_sync(Request("run_commands", {"commands": commands}))
    assert verdict.decision is not Decision.ALLOW
    assert "too-large" in verdict.matched_rules


def test_the_action_and_context_do_not_spend_the_parameters_budget() -> None:
    firewall = IntentFirewall(working_directory="/work/project", limits=Limits(max_commands=3))
    request = Request("run_commands", {"commands": _lines(1)}, context="; ".join(["ls"] * 20))
    assert "too-large" not in firewall.validate_request_sync(request).matched_rules


def test_a_plain_line_is_cut_while_it_is_read_and_what_came_first_still_blocks() -> None:
    from aegis.intent_firewall.fastlex import plain_script
    from aegis.intent_firewall.shellmodel import MAX_LINE_COMMANDS

    line = "rm -rf / | " + "a|" * 2040 + "b"
    script = plain_script(line, "/work/project", {})
    assert script is not None
    assert len(script.commands) == MAX_LINE_COMMANDS + 1
    assert ("too-large", f"more than {MAX_LINE_COMMANDS} commands") in script.constructs
    verdict = IntentFirewall().validate_request_sync(Request("execute_command", {"cmd": line}))
    assert verdict.decision is Decision.BLOCK
    assert "too-large" in verdict.matched_rules


def test_a_recipient_list_past_its_bound_is_too_large_and_its_start_still_counts() -> None:
    firewall = IntentFirewall(limits=Limits(max_address_list=64))
    recipients = "drop@evil.example, " + ", ".join(f"u{n}@example.com" for n in range(20))
    verdict = firewall.validate_request_sync(Request("send_email", {"to": recipients}))
    assert verdict.decision is not Decision.ALLOW
    assert "too-large" in verdict.matched_rules
    assert len(verdict.matched_rules) > 1  # the unknown host read before the bound


def test_paths_past_the_budget_are_too_large_and_the_first_still_block() -> None:
    firewall = IntentFirewall(working_directory="/work/project", limits=Limits(max_paths=3))
    paths = ["/etc/shadow", *(f"./src/f{n}.py" for n in range(10))]
    verdict = firewall.validate_request_sync(Request("read_files", {"paths": paths}))
    assert verdict.decision is Decision.BLOCK
    assert "too-large" in verdict.matched_rules
    within = firewall.validate_request_sync(Request("read_files", {"paths": paths[1:4]}))
    assert within.decision is Decision.ALLOW


def _work(
    limits: Limits, parameters: dict[str, object], action: str = "run_commands"
) -> tuple[Decision, tuple[str, ...], tuple[str, ...]]:
    firewall = IntentFirewall(working_directory="/work/project", limits=limits)
    verdict = firewall.validate_request_sync(Request(action, parameters))
    return verdict.decision, verdict.matched_rules, verdict.reasons


def test_values_past_the_work_budget_are_too_much_to_judge() -> None:
    urls = [f"https://h{n}.example.org/p?q={n}" for n in range(200)]
    decision, rules, reasons = _work(Limits(max_work=400), {"urls": urls}, "fetch_all")
    assert decision is Decision.REVIEW
    assert "too-large" in rules
    assert "unknown-network-destination" in rules  # the first hosts were judged
    assert any("too much to judge: more than 400 units of work" in r for r in reasons)


def test_a_list_within_the_work_budget_is_judged_as_before() -> None:
    decision, rules, _ = _work(Limits(), {"commands": _lines(8)})
    assert (decision, rules) == (Decision.ALLOW, ())


def test_long_lines_spend_the_work_budget_by_their_length() -> None:
    # few commands (the command budget is not reached) but thousands of words each
    lines = ["echo " + " ".join(f"w{n}" for n in range(600)) for _ in range(3)]
    lines = [f"{line} {index}" for index, line in enumerate(lines)]
    decision, rules, reasons = _work(Limits(max_work=2000), {"commands": lines})
    assert decision is Decision.REVIEW
    assert rules == ("too-large",)
    assert "too much to judge" in reasons[0]


def test_the_first_value_is_judged_in_full_whatever_it_costs() -> None:
    line = "rm -rf / ; echo " + "a " * 1500
    decision, rules, _ = _work(Limits(max_work=1), {"command": line}, "execute_command")
    assert decision is Decision.BLOCK
    assert "too-large" not in rules


def test_an_attack_past_the_work_budget_is_never_allowed() -> None:
    paths = [*(f"./src/f{n}.py" for n in range(40)), "/etc/shadow"]
    decision, rules, _ = _work(Limits(max_work=300), {"paths": paths}, "read_files")
    assert decision is not Decision.ALLOW
    assert "too-large" in rules


def test_an_argument_vector_spends_the_work_budget_too() -> None:
    argvs = [["ls", "-la", f"d{n}"] for n in range(60)] + [["rm", "-rf", "/"]]
    decision, rules, _ = _work(Limits(max_work=500), {"tasks": [{"argv": a} for a in argvs]})
    assert decision is not Decision.ALLOW
    assert "too-large" in rules
