"""The per-session feed: one log read per wake-up whatever the number of streams, each listener
handed only what it may see, access re-read after moves and sign-outs, slow listeners ended."""

import asyncio
import uuid
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.events import feed as feed_module
from backend.events.broker import Broker
from backend.events.config import EventSettings
from backend.events.feed import Listener
from backend.events.feed_read import FeedRead
from backend.events.log import record_event
from backend.events.visibility import Viewer
from backend.models import Audience, ParticipantDevice
from backend.participants.credentials import revoke_devices
from backend.tables.events import seats_changed
from tests.events.conftest import Room, note
from tests.factories.participants import make_participant, participant_token

WAIT = 5.0


@pytest.fixture
def broker(app: FastAPI) -> Iterator[Broker]:
    yield Broker(app.state.engine, EventSettings(keepalive_seconds=30))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[FeedRead | None]:
    """Every read the feeds make."""
    seen: list[FeedRead | None] = []
    real = feed_module.read_feed

    def counting(*args: object, **kwargs: object) -> FeedRead | None:
        read = real(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(read)
        return read

    monkeypatch.setattr(feed_module, "read_feed", counting)
    return seen


def device_viewer(db: Session, room: Room, participant_id: uuid.UUID) -> Viewer:
    device = db.exec(
        select(ParticipantDevice).where(ParticipantDevice.participant_id == participant_id)
    ).one()
    return Viewer(workshop_id=room.workshop.id, participant_id=participant_id, device_id=device.id)


async def settle(reads: list[FeedRead | None], count: int) -> None:
    for _ in range(200):
        if len(reads) >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"expected {count} reads, saw {len(reads)}")


def seqs(frames: list[tuple[int, str]]) -> list[int]:
    return [seq for seq, _ in frames]


class TestFanOut:
    async def test_one_read_serves_every_stream_of_the_session(
        self, broker: Broker, db: Session, room: Room, reads: list[FeedRead | None]
    ) -> None:
        people = [
            make_participant(db, room.workshop, display_name=f"P{i}", table_id=room.table_a.id)
            for i in range(12)
        ]
        for person in people:
            participant_token(db, person)
        listeners = [Listener(device_viewer(db, room, p.id), room.table_a.id) for p in people]
        for listener in listeners:
            broker.feeds.join(listener, after=0)
        await settle(reads, 1)
        before = len(reads)

        seq = note(db, room, room.table_a, "one idea")
        broker.publish(room.workshop.id)
        batches = [await listener.next(WAIT) for listener in listeners]

        assert all(seqs(frames) == [seq] for frames in batches)
        assert len(reads) == before + 1

    async def test_each_listener_gets_what_it_may_see(
        self, broker: Broker, db: Session, room: Room, reads: list[FeedRead | None]
    ) -> None:
        at_a = Listener(device_viewer(db, room, room.at_a.id), room.table_a.id)
        at_b = Listener(device_viewer(db, room, room.at_b.id), room.table_b.id)
        facilitator = Listener(Viewer(workshop_id=room.workshop.id, user_id=room.owner.id), None)
        for listener in (at_a, at_b, facilitator):
            broker.feeds.join(listener, after=0)
        await settle(reads, 1)

        a = note(db, room, room.table_a, "a")
        b = note(db, room, room.table_b, "b")
        everyone = _write(db, room, Audience.session)
        staff = _write(db, room, Audience.facilitators)
        broker.publish(room.workshop.id)

        assert seqs(await _collect(facilitator, 4)) == [a, b, everyone, staff]
        assert seqs(await _collect(at_a, 2)) == [a, everyone]
        assert seqs(await _collect(at_b, 2)) == [b, everyone]
        assert at_a.head == at_b.head == staff  # the feed considered everything

    async def test_a_move_counts_for_the_events_after_it(
        self, broker: Broker, db: Session, room: Room, reads: list[FeedRead | None]
    ) -> None:
        listener = Listener(device_viewer(db, room, room.at_a.id), room.table_a.id)
        broker.feeds.join(listener, after=0)
        await settle(reads, 1)

        before = {room.at_a.id: room.table_a.id}
        room.at_a.table_id = room.table_b.id
        db.add(room.at_a)
        seats_changed(
            db, workshop_id=room.workshop.id, cause="moved", before=before, people=[room.at_a]
        )
        db.commit()
        old = note(db, room, room.table_a, "old table")
        new = note(db, room, room.table_b, "new table")
        broker.publish(room.workshop.id)

        frames = await _collect(listener, 2)
        assert new in seqs(frames) and old not in seqs(frames)
        assert listener.table_id == room.table_b.id

    async def test_a_signed_out_participant_is_ended_before_the_next_event(
        self, broker: Broker, db: Session, room: Room, reads: list[FeedRead | None]
    ) -> None:
        listener = Listener(device_viewer(db, room, room.at_a.id), room.table_a.id)
        broker.feeds.join(listener, after=0)
        await settle(reads, 1)

        revoke_devices(db, room.at_a, cause="reissued")
        db.commit()
        note(db, room, room.table_a, "after the sign-out")
        broker.publish(room.workshop.id)

        assert await listener.next(WAIT) == []
        assert listener.ended

    async def test_the_feed_stops_with_its_last_listener(
        self, broker: Broker, db: Session, room: Room, reads: list[FeedRead | None]
    ) -> None:
        listener = Listener(device_viewer(db, room, room.at_a.id), room.table_a.id)
        feed, _ = broker.feeds.join(listener, after=0)
        await settle(reads, 1)
        feed.leave(listener)
        for _ in range(200):
            if not broker.feeds.running(room.workshop.id):
                break
            await asyncio.sleep(0.01)
        assert not broker.feeds.running(room.workshop.id)


class TestListener:
    async def test_a_listener_far_behind_is_ended(self, db: Session, room: Room) -> None:
        listener = Listener(device_viewer(db, room, room.at_a.id), room.table_a.id)
        listener.push([(n, "x") for n in range(1, feed_module.MAX_PENDING + 2)], head=1)
        assert listener.ended
        assert len(await listener.next(0)) == feed_module.MAX_PENDING + 1

    async def test_next_waits_then_returns_nothing(self, db: Session, room: Room) -> None:
        listener = Listener(device_viewer(db, room, room.at_a.id), room.table_a.id)
        assert await listener.next(0.01) == []
        assert not listener.ended


def _write(db: Session, room: Room, audience: Audience) -> int:
    seq = record_event(
        db, workshop_id=room.workshop.id, kind="test.note", payload={}, audience=audience
    )
    db.commit()
    return seq


async def _collect(listener: Listener, count: int) -> list[tuple[int, str]]:
    frames: list[tuple[int, str]] = []
    while len(frames) < count:
        more = await listener.next(WAIT)
        if not more:
            break
        frames.extend(more)
    return frames
