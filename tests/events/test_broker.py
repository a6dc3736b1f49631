"""The in-process broker, the after-commit wake-up and presence tracking."""

import asyncio
import threading
import uuid

from fastapi import FastAPI
from sqlmodel import Session, select

from backend.events.broker import Broker
from backend.events.config import EventSettings
from backend.events.log import record_event
from backend.events.notify import BROKER_KEY
from backend.models import Audience, SessionEvent
from tests.events.conftest import Room


def make_broker(app: FastAPI, grace: float = 0.0) -> Broker:
    return Broker(app.state.engine, EventSettings(presence_grace_seconds=grace))


class TestBroker:
    async def test_publish_from_another_thread_wakes_that_sessions_streams(
        self, app: FastAPI
    ) -> None:
        broker, mine, other = make_broker(app), uuid.uuid4(), uuid.uuid4()
        with broker.subscribe(mine) as subscription, broker.subscribe(other) as elsewhere:
            thread = threading.Thread(target=broker.publish, args=(mine,))
            thread.start()
            thread.join()
            assert await subscription.wait(5) is True
            assert await elsewhere.wait(0.05) is False

    async def test_news_before_the_wait_is_not_lost(self, app: FastAPI) -> None:
        broker, workshop = make_broker(app), uuid.uuid4()
        with broker.subscribe(workshop) as subscription:
            broker.publish(workshop)
            await asyncio.sleep(0)
            assert await subscription.wait(5) is True
            assert await subscription.wait(0.05) is False  # consumed

    async def test_end_streams_wakes_everyone_and_closes(self, app: FastAPI) -> None:
        broker = make_broker(app)
        with broker.subscribe(uuid.uuid4()) as subscription:
            broker.end_streams()
            assert await subscription.wait(5) is True
        assert broker.closed

    def test_publish_without_any_stream_is_harmless(self, app: FastAPI) -> None:
        make_broker(app).publish(uuid.uuid4())


class FakeBroker:
    def __init__(self) -> None:
        self.published: list[uuid.UUID] = []

    def publish(self, workshop_id: uuid.UUID) -> None:
        self.published.append(workshop_id)


class TestAfterCommit:
    def _event(self, db: Session, room: Room) -> None:
        record_event(
            db,
            workshop_id=room.workshop.id,
            kind="test.note",
            payload={},
            audience=Audience.session,
        )

    def test_commit_publishes_once_per_session(self, app: FastAPI, room: Room) -> None:
        broker = FakeBroker()
        with Session(app.state.engine, info={BROKER_KEY: broker}) as db:
            self._event(db, room)
            self._event(db, room)
            db.commit()
            db.commit()
        assert broker.published == [room.workshop.id]

    def test_rollback_publishes_nothing(self, app: FastAPI, room: Room) -> None:
        broker = FakeBroker()
        with Session(app.state.engine, info={BROKER_KEY: broker}) as db:
            self._event(db, room)
            db.rollback()
            db.commit()
        assert broker.published == []

    def test_a_session_without_broker_commits(self, db: Session, room: Room) -> None:
        self._event(db, room)
        db.commit()
        assert db.exec(select(SessionEvent)).first() is not None

    async def test_request_commits_wake_the_apps_broker(
        self, app: FastAPI, room: Room, client: object
    ) -> None:
        import httpx

        assert isinstance(client, httpx.AsyncClient)
        broker: Broker = app.state.broker
        with broker.subscribe(room.workshop.id) as subscription:
            response = await client.put(
                f"/api/v1{room.base}/timer",
                json={"duration_seconds": 60},
                headers={"Authorization": f"Bearer {room.facilitator_token}"},
            )
            assert response.status_code == 200
            assert await subscription.wait(5) is True


class TestPresence:
    def _presence(self, db: Session) -> list[dict[str, object]]:
        db.expire_all()
        rows = db.exec(
            select(SessionEvent)
            .where(SessionEvent.kind == "presence.changed")
            .order_by(SessionEvent.seq)  # type: ignore[arg-type]
        )
        return [row.payload for row in rows]

    async def test_first_open_and_last_close_are_recorded(
        self, app: FastAPI, room: Room, db: Session
    ) -> None:
        broker = make_broker(app)
        wid, pid = room.workshop.id, room.at_a.id
        await broker.presence.arrive(wid, pid)
        await broker.presence.arrive(wid, pid)  # a second tab: nothing new
        assert broker.present_participant_ids(wid) == {pid}
        broker.presence.depart(wid, pid)
        await asyncio.sleep(0.05)
        assert broker.present_participant_ids(wid) == {pid}
        broker.presence.depart(wid, pid)
        for _ in range(100):
            if not broker.present_participant_ids(wid) and len(self._presence(db)) == 2:
                break
            await asyncio.sleep(0.02)
        assert self._presence(db) == [
            {"participant_id": str(pid), "present": True, "table_present_count": 1},
            {"participant_id": str(pid), "present": False, "table_present_count": 0},
        ]

    async def test_a_reconnect_within_the_grace_period_writes_nothing(
        self, app: FastAPI, room: Room, db: Session
    ) -> None:
        broker = make_broker(app, grace=0.3)
        wid, pid = room.workshop.id, room.at_a.id
        await broker.presence.arrive(wid, pid)
        broker.presence.depart(wid, pid)
        await broker.presence.arrive(wid, pid)
        await asyncio.sleep(0.5)
        assert broker.present_participant_ids(wid) == {pid}
        assert len(self._presence(db)) == 1
        await broker.aclose()
