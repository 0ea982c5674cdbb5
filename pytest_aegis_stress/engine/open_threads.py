"""Open loop for plain callables: a thread pool that grows to ``max_workers``.

Like the virtual users of k6's arrival-rate executors, threads are added when an arrival is
due and none is free, up to a cap; at the cap, the delayed starts are counted as
``insufficient_concurrency`` instead of the run silently becoming a closed loop.

The pool is a leader/follower one: the single *leader* claims the next arrival, waits for
its time (sleeping, then spinning the last stretch), hands the lead on and calls the
operation; idle workers park on a semaphore. A pool of one therefore starts each operation
with no hand-over at all, and only one thread ever spins.

A leader whose last call took longer than the time to the next start wakes a parked
worker to lead meanwhile; one that will be back in time keeps the lead, so a fast operation
never pays for a hand-over. A supervisor (the calling thread) wakes a parked worker, or adds
one, when an arrival is overdue and nobody leads. Neither happens while the process is
computing (using most of a CPU): under the GIL another thread could only slow the workers
down, and the backlog that follows is the operation's capacity speaking, not the harness's.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from pytest_aegis_stress.engine.loops import SPIN_NS, Clock, wait_until
from pytest_aegis_stress.engine.recording import Buffer, Parts, Recording
from pytest_aegis_stress.engine.schedule import Schedule
from pytest_aegis_stress.engine.thread_state import cpu_demand_ns, warm_arena

__all__ = ["OpenThreads"]
#: How often the supervisor looks for an overdue arrival nobody is serving.
TICK_S = 0.0005
#: The same for a pool that cannot grow (it only folds buffers and counts capped starts).
FIXED_TICK_S = 0.01
#: An arrival this far past its time with nobody leading is overdue.
OVERDUE_NS = 1_000_000
#: Busy workers running or runnable for at least this share of the time are computing, not
#: waiting: under the GIL, another thread could only slow them down.
COMPUTING_SHARE = 0.5
#: Time between two readings of the busy workers' scheduler statistics.
DEMAND_EVERY_NS = 10_000_000


class OpenThreads:
    """One open-loop run of ``fn`` over ``schedule`` on a growing pool of threads."""

    def __init__(
        self,
        fn: Callable[[], object],
        schedule: Schedule,
        recording: Recording,
        clock: Clock,
        sleep: Callable[[float], None],
        *,
        workers: int,
        max_workers: int,
        grace_ns: int,
        spin_ns: int = SPIN_NS,
    ) -> None:
        self.fn = fn
        self.schedule = schedule
        self.recording = recording
        self.clock = clock
        self.sleep = sleep
        self.max_workers = max(workers, max_workers)
        self.grace_ns = grace_ns
        self.deadline_ns = schedule.end_ns + grace_ns  # set again by run(): the schedule moves
        self.spin_ns = spin_ns
        self.buffers: list[Buffer] = []
        self._initial = workers
        self._threads: list[threading.Thread] = []
        self._busy: list[bool] = []
        self._native_ids: list[int] = []
        self._demand: dict[int, int] = {}
        self._demand_at = 0
        #: Whether the busy workers were computing at the last two readings (None: unknown,
        #: as when a worker became busy since; then the pool waits for the next reading).
        self._computing: bool | None = None
        self._lead = threading.Lock()
        self._state = threading.Lock()
        self._wake = threading.Semaphore(0)
        self._parked = 0
        self._next = 0
        self._done = False
        self._capped_from: int | None = None
        #: What ended the run early, raised again by run() (an exception that is not an
        #: ``Exception``: those are failed operations).
        self.failure: BaseException | None = None
        self._full: deque[Parts] = deque()
        self._go = threading.Event()
        self._warm = threading.Semaphore(0)
        self.harness_cpu_ns = 0

    @property
    def workers(self) -> int:
        """Threads the pool grew to."""
        return len(self._threads)

    def run(self) -> None:
        """Serve the schedule. Full buffers are folded here, in the calling thread, and the
        last ones are left for :meth:`fold_remaining`, so that a caller can fold them after
        its measured window."""
        began = time.thread_time_ns()
        self.start_workers()
        origin = self.recording.origin_ns = self.clock()  # the window opens now
        self.schedule.begin(origin)
        self.deadline_ns = self.schedule.end_ns + self.grace_ns
        self._go.set()
        self._supervise()
        for thread in self._threads:
            thread.join()
        self._fold_full()
        self.harness_cpu_ns += time.thread_time_ns() - began
        for buffer in self.buffers:
            self.harness_cpu_ns += buffer.harness_ns
        if self.failure is not None:
            raise self.failure

    def start_workers(self) -> None:
        """Start the initial workers, which warm up and wait for :meth:`run` (call it before
        a measured window so that their stacks and allocator arenas are not in it)."""
        missing = self._initial - len(self._threads)
        for _ in range(missing):
            self._spawn()
        for _ in range(missing):
            self._warm.acquire()

    def fold_remaining(self) -> None:
        """Fold what the workers still hold."""
        for buffer in self.buffers:
            self.recording.fold(buffer.take())

    def _fold_full(self) -> None:
        while self._full:
            self.recording.fold(self._full.popleft())

    # -- workers --------------------------------------------------------------------------------

    def _spawn(self) -> None:
        slot = len(self._threads)
        self.buffers.append(Buffer(self.recording, self._full.append))
        self._busy.append(False)
        self._native_ids.append(0)
        # A daemon: a pool whose run never came (an error before it) must not hold up exit.
        thread = threading.Thread(
            target=self._work, args=(slot,), name=f"stress-worker-{slot}", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _work(self, slot: int) -> None:
        self._native_ids[slot] = threading.get_native_id()
        warm_arena(self.buffers[slot].flush_at)
        self._warm.release()
        self._go.wait()
        try:
            self._serve(slot)
        except BaseException as error:  # pytest.fail, KeyboardInterrupt, SystemExit …
            # Not an operation's failure but the end of the run: stop every worker, and
            # let run() raise it in the calling thread, as a closed loop would have.
            self.failure = error
            self._finish()

    def _serve(self, slot: int) -> None:
        buffer, busy = self.buffers[slot], self._busy
        fn, clock, sleep, schedule = self.fn, self.clock, self.sleep, self.schedule
        service = 0  # this worker's last call's duration: will it be back for the next start?
        while True:
            if not self._lead.acquire(blocking=False):
                if self._park():
                    continue
                break
            intended = schedule.intended(self._next)
            if self._done or intended is None or clock() > self.deadline_ns:
                self._finish()
                self._lead.release()
                break
            self._next += 1
            start = wait_until(intended, clock, sleep, buffer, self.spin_ns)
            due = schedule.intended(self._next)
            if due is not None and due < start + service:
                self._hand_over()  # a parked worker leads the next start meanwhile
            self._lead.release()
            busy[slot] = True
            try:
                fn()
            except Exception as error:
                busy[slot] = False
                end = clock()
                service = end - start
                buffer.fail(error, intended, start, end)
                continue
            end = clock()
            service = end - start
            busy[slot] = False
            rows = buffer.rows
            rows.append(intended)
            rows.append(start)
            rows.append(end)
            if len(rows) >= buffer.flush_at:
                buffer.flush()

    def _park(self) -> bool:
        """Wait to be woken; False once the run is over."""
        with self._state:
            if self._done:
                return False
            self._parked += 1
        self._wake.acquire()
        return not self._done

    def _hand_over(self) -> bool:
        """Wake one parked worker to lead while this one is busy."""
        with self._state:
            if self._parked == 0:
                return False
            self._parked -= 1
        self._wake.release()
        return True

    def _finish(self) -> None:
        """Called by the leader when no arrival is left to start (or the grace ran out)."""
        with self._state:
            if self._done:
                return
            self._done = True
            parked, self._parked = self._parked, 0
        if self._next < self.schedule.planned:
            self.recording.unserved_at(self._next, self.deadline_ns)
        for _ in range(parked):
            self._wake.release()

    # -- the supervisor ---------------------------------------------------------------------------

    def _supervise(self) -> None:
        grows = self.max_workers > self._initial
        # A pool that cannot grow needs only folding and counting: every wake-up of this
        # thread competes with the workers for the GIL, and on a busy machine the worker
        # that hands it over may then wait for this thread to be scheduled.
        tick = TICK_S if grows else FIXED_TICK_S
        while not self._done:
            time.sleep(tick)
            self._fold_full()
            if time.perf_counter_ns() - self._demand_at >= DEMAND_EVERY_NS:
                self._read_demand()
            intended = self.schedule.intended(self._next)
            overdue = intended is not None and self.clock() - intended > OVERDUE_NS
            if not overdue or self._lead.locked() or self._computing is not False:
                # Nothing waits; someone leads; or the operation is at its capacity, where
                # more threads would not help (or that is not known yet).
                self._count_capped(capped=False)
            elif self._hand_over():
                self._count_capped(capped=False)  # a parked worker now takes the start
            elif grows and len(self._threads) < self.max_workers:
                self._spawn()
            else:
                self._count_capped(capped=True)
        self._count_capped(capped=False)

    def _read_demand(self) -> None:
        """Judge whether the busy workers are computing, from their CPU demand since the
        last reading. Unknown (None) until a worker busy at both readings was measured;
        where the kernel keeps no such statistics, workers are taken to be waiting."""
        now = time.perf_counter_ns()
        demand, measured, unavailable, running_now = 0, 0, False, False
        previous, self._demand = self._demand, {}
        for slot, busy in enumerate(list(self._busy)):
            if not busy:
                continue
            reading = cpu_demand_ns(self._native_ids[slot])
            if reading is None:
                unavailable = True
                continue
            total, runnable = reading
            self._demand[slot] = total
            if runnable:
                running_now = True
            if slot in previous:
                demand += total - previous[slot]
                measured += 1
        span, self._demand_at = now - self._demand_at, now
        if running_now:
            self._computing = True
        elif measured:
            self._computing = demand >= COMPUTING_SHARE * span
        else:
            self._computing = False if unavailable else None

    def _count_capped(self, *, capped: bool) -> None:
        """Count the starts that waited while the pool was at its cap."""
        if capped and self._capped_from is None:
            self._capped_from = self._next
        elif not capped and self._capped_from is not None:
            self.recording.insufficient_concurrency += max(self._next - self._capped_from, 1)
            self._capped_from = None
