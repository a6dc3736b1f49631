"""Who has a live stream open, and the `presence.changed` events.

Per process, the tracker counts each participant's open streams. An event is written only when a
participant's first stream anywhere opens, or when their last one has been closed for the grace
period (a phone that drops and reconnects within it writes nothing). Across processes the broker's
store (Redis) says whether another process still streams to them.
"""

import asyncio
import contextlib
import logging
import uuid
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select
from starlette.concurrency import run_in_threadpool

from backend.db import WRITE_OPTION, run_db
from backend.events.log import record_event
from backend.events.notify import BROKER_KEY
from backend.events.schemas import PresenceChangedEvent
from backend.kit.write_gate import write_queue_for
from backend.models import Audience, Participant, ParticipantStatus

if TYPE_CHECKING:
    from backend.events.broker import Broker

log = logging.getLogger(__name__)
Key = tuple[uuid.UUID, uuid.UUID]  # (workshop_id, participant_id)


class PresenceTracker:
    def __init__(self, broker: "Broker", engine: Engine, *, grace_seconds: float) -> None:
        self.broker = broker
        self.engine = engine
        self.grace_seconds = grace_seconds
        self._streams: dict[Key, int] = {}
        self._leaving: dict[Key, asyncio.Task[None]] = {}

    def local_present(self, workshop_id: uuid.UUID) -> set[uuid.UUID]:
        keys = [*list(self._streams), *list(self._leaving)]
        return {pid for wid, pid in keys if wid == workshop_id}

    async def arrive(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> None:
        key = (workshop_id, participant_id)
        self._streams[key] = self._streams.get(key, 0) + 1
        leaving = self._leaving.pop(key, None)
        if leaving is not None:
            leaving.cancel()  # back within the grace period: still present, nothing to write
            return
        if self._streams[key] == 1 and await self.broker.mark_present(*key):
            await self._record(key, present=True)

    def depart(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> None:
        """Synchronous, so that it also runs in a cancelled stream's `finally`."""
        key = (workshop_id, participant_id)
        left = self._streams.get(key, 0) - 1
        if left > 0:
            self._streams[key] = left
            return
        self._streams.pop(key, None)
        if key not in self._leaving:
            self._leaving[key] = asyncio.get_running_loop().create_task(self._leave_later(key))

    async def _leave_later(self, key: Key) -> None:
        await asyncio.sleep(self.grace_seconds)
        self._leaving.pop(key, None)
        if key in self._streams:
            return
        if await self.broker.mark_absent(*key):
            await self._record(key, present=False)

    async def refresh(self, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> None:
        await self.broker.refresh_presence(workshop_id, participant_id)

    async def aclose(self) -> None:
        """On shutdown: forget this process's streams (no events; the server is going away)."""
        for task in self._leaving.values():
            task.cancel()
        keys = {*self._streams, *self._leaving}
        self._streams.clear()
        self._leaving.clear()
        for key in keys:
            with contextlib.suppress(Exception):
                await self.broker.mark_absent(*key)

    async def _record(self, key: Key, *, present: bool) -> None:
        try:
            # Read before the write turn: with Redis this is a network call.
            present_ids = await run_in_threadpool(self.broker.present_participant_ids, key[0])
            async with write_queue_for(self.engine).turn():
                await run_db(self.engine, self._write, key, present, present_ids)
        except Exception:  # presence is advisory: never break a stream over it
            log.exception("could not record presence of %s", key[1])

    def _write(self, key: Key, present: bool, present_ids: set[uuid.UUID]) -> None:
        workshop_id, participant_id = key
        engine = self.engine.execution_options(**{WRITE_OPTION: True})
        with Session(engine, info={BROKER_KEY: self.broker}) as db:
            participant = db.get(Participant, participant_id)
            if participant is None or participant.status == ParticipantStatus.removed:
                return
            table_id = participant.table_id
            count = None
            if table_id is not None:
                count = db.exec(
                    select(func.count())
                    .select_from(Participant)
                    .where(
                        Participant.table_id == table_id,
                        col(Participant.id).in_(present_ids),
                        Participant.status != ParticipantStatus.removed,
                    )
                ).one()
            record_event(
                db,
                workshop_id=workshop_id,
                kind="presence.changed",
                payload=PresenceChangedEvent(
                    participant_id=participant_id, present=present, table_present_count=count
                ),
                table_id=table_id,
                audience=Audience.table if table_id else Audience.facilitators,
            )
            db.commit()
