"""SQLite writers take turns: within a process on the event loop, between processes through the
advisory lock file next to the database."""

import asyncio
from pathlib import Path

from sqlmodel import create_engine

from backend.kit.write_gate import WriteQueue, write_queue_for


def _two_processes(tmp_path: Path) -> tuple[WriteQueue, WriteQueue]:
    # Two queues with their own descriptors of one lock file exclude each other just as two
    # processes do (flock locks belong to the open file, not to the process).
    lock_file = tmp_path / "cyd.sqlite3.write-lock"
    return WriteQueue(enabled=True, lock_file=lock_file), WriteQueue(
        enabled=True, lock_file=lock_file
    )


async def test_a_second_process_waits_until_the_first_has_written(tmp_path: Path) -> None:
    first, second = _two_processes(tmp_path)
    order: list[str] = []

    async def write(queue: WriteQueue, name: str, hold: float) -> None:
        async with queue.turn():
            order.append(f"{name} starts")
            await asyncio.sleep(hold)
            order.append(f"{name} ends")

    one = asyncio.create_task(write(first, "one", 0.2))
    await asyncio.sleep(0.05)
    await asyncio.gather(one, write(second, "two", 0))
    assert order == ["one starts", "one ends", "two starts", "two ends"]


async def test_a_writer_cancelled_while_waiting_leaves_the_lock_free(tmp_path: Path) -> None:
    first, second = _two_processes(tmp_path)
    release = asyncio.Event()

    async def hold() -> None:
        async with first.turn():
            await release.wait()

    holder = asyncio.create_task(hold())
    await asyncio.sleep(0.05)

    async def wait_for_turn() -> None:
        async with second.turn():
            raise AssertionError("a cancelled writer must not write")

    waiter = asyncio.create_task(wait_for_turn())
    await asyncio.sleep(0.05)
    waiter.cancel()
    release.set()  # the waiting thread now gets the lock, after its request was cancelled
    await holder
    [outcome] = await asyncio.gather(waiter, return_exceptions=True)
    assert isinstance(outcome, asyncio.CancelledError)
    await asyncio.sleep(0.2)  # time for a forgotten waiting thread to take the lock
    async with asyncio.timeout(5):
        async with first.turn():
            pass  # free again


def test_only_a_sqlite_file_gets_a_lock_file(tmp_path: Path) -> None:
    on_file = write_queue_for(create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}"))
    in_memory = write_queue_for(create_engine("sqlite://"))
    assert on_file.enabled and on_file.lock_file == tmp_path / "x.sqlite3.write-lock"
    assert in_memory.enabled and in_memory.lock_file is None
