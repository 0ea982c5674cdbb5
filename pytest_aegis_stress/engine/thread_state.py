"""What a worker thread can learn about itself and others from the OS, and prepare.

Linux's per-thread scheduler statistics tell a computing thread (running, or waiting for a
CPU) from a waiting one (sleeping, blocked on I/O or a lock); a thread's allocator arena
can be grown before a measured window so that its growth is not read as the operation's.
"""

from __future__ import annotations

from array import array

__all__ = ["cpu_demand_ns", "warm_arena"]


def cpu_demand_ns(native_id: int) -> tuple[int, bool] | None:
    """Nanoseconds thread ``native_id`` has run plus waited for a CPU, and whether it is
    running or runnable now (Linux's schedstat and stat); None where the kernel does not
    say. A computing thread on a busy machine runs only part of the time, but it never
    sleeps; and the kernel adds a wait for a CPU to the total only once it ends, so the
    thread's state is read too."""
    task = f"/proc/self/task/{native_id}"
    try:
        with open(f"{task}/schedstat", encoding="ascii") as stats:
            ran, waited, _ = stats.read().split()
        with open(f"{task}/stat", encoding="ascii") as stat:
            state = stat.read().rpartition(")")[2].split()[0]
    except (OSError, ValueError, IndexError):
        return None
    return int(ran) + int(waited), state == "R"


def warm_arena(values: int) -> None:
    """Fill and drop buffers the way a worker does (growing by appends, one still held while
    the next fills), so that this thread's allocator arena reaches the layout it keeps: done
    before a measured window, its growth is not read as the operation's."""
    held = array("q")
    for _ in range(4):
        filling = array("q")
        for value in range(values):
            filling.append(value)
        held = filling
    del held
