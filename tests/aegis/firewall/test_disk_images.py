"""A disk tool given only image files inside the workspace writes those files; a device, a
path outside the workspace or a target known only at run time keeps ``disk-format``
(``diskimages.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision
from tests.aegis.firewall.grammar_judge import verdict

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
