"""Live streams against a real uvicorn: delivery, visibility at delivery time, resume and reset."""

from collections.abc import Iterator

import pytest
from sqlalchemy import delete
from sqlmodel import Session, col

from backend.config import Settings
from backend.models import ParticipantStatus, SessionEvent, Workshop
from tests.events.conftest import Room, note
from tests.events.live import api, live_servers, open_stream

PRESENCE = "presence.changed"


@pytest.fixture
def settings(shared_settings: Settings) -> Settings:
    return shared_settings


@pytest.fixture(scope="module")
def server(shared_settings: Settings) -> Iterator[str]:
    with live_servers(shared_settings) as (live,):
        yield live.url


def current_seq(db: Session, room: Room) -> int:
    db.expire_all()
    workshop = db.get(Workshop, room.workshop.id)
    assert workshop is not None
    return workshop.event_seq


class TestFacilitatorStream:
    async def test_sees_a_phase_change_live(self, server: str, room: Room) -> None:
        async with open_stream(server, f"{room.base}/events", room.facilitator_token) as stream:
            hello = await stream.event()
            assert hello.event == "hello"
            assert hello.data is not None and hello.data["payload"]["seq"] == hello.seq
            await api(
                server, "POST", f"{room.base}/phase", room.facilitator_token, {"to": "strengths"}
            )
            changed = await stream.event(PRESENCE)
        assert changed.event == "phase.changed"
        assert changed.id == str(changed.seq) == str(hello.seq + 1)
        assert changed.data is not None
        assert changed.data["payload"]["from_phase"] == "tables"
        assert changed.data["payload"]["to_phase"] == "strengths"

    async def test_sees_every_table_and_presence(
        self, server: str, room: Room, db: Session
    ) -> None:
        async with open_stream(server, f"{room.base}/events", room.facilitator_token) as stream:
            await stream.event()
            async with open_stream(server, "/me/events", room.token_a) as mine:
                await mine.event()
                presence = await stream.event()
                assert presence.event == PRESENCE
                assert presence.data is not None
                assert presence.data["table_id"] == str(room.table_a.id)
                assert presence.data["payload"] == {
                    "participant_id": str(room.at_a.id),
                    "present": True,
                    "table_present_count": 1,
                }
            gone = await stream.event()  # after the (test-sized) grace period
            assert gone.event == PRESENCE
            assert gone.data is not None and gone.data["payload"]["present"] is False
            note(db, room, room.table_b, "b")
            note(db, room, room.table_a, "a")
            seen = [await stream.event(PRESENCE) for _ in range(2)]
        assert [f.data["payload"]["text"] for f in seen if f.data] == ["b", "a"]


class TestParticipantStream:
    async def test_sees_own_table_and_session_events_only(
        self, server: str, room: Room, db: Session
    ) -> None:
        async with open_stream(server, "/me/events", room.token_a) as stream:
            hello = await stream.event()
            assert hello.data is not None
            assert hello.data["payload"]["table_id"] == str(room.table_a.id)
            assert hello.data["payload"]["participant_id"] == str(room.at_a.id)
            note(db, room, room.table_b, "not for Aled")
            mine = note(db, room, room.table_a, "for Aled")
            await api(
                server,
                "PUT",
                f"{room.base}/timer",
                room.facilitator_token,
                {"duration_seconds": 60},
            )
            first = await stream.event(PRESENCE)
            second = await stream.event(PRESENCE)
        assert (first.event, first.seq) == ("test.note", mine)
        assert second.event == "timer.changed"
        assert second.data is not None and second.data["payload"]["action"] == "started"

    async def test_moved_participant_gets_the_new_tables_events_at_once(
        self, server: str, room: Room, db: Session
    ) -> None:
        async with open_stream(server, "/me/events", room.token_a) as stream:
            await stream.event()
            await api(
                server,
                "PUT",
                f"{room.base}/seats/{room.at_a.id}",
                room.facilitator_token,
                {"table_id": str(room.table_b.id), "pinned": False},
            )
            moved = await stream.event(PRESENCE)
            assert moved.event == "seat.changed"
            assert moved.data is not None
            assert moved.data["payload"]["moves"] == [
                {
                    "participant_id": str(room.at_a.id),
                    "from_table_id": str(room.table_a.id),
                    "to_table_id": str(room.table_b.id),
                    "pinned": False,
                }
            ]
            note(db, room, room.table_a, "old table")
            new = note(db, room, room.table_b, "new table")
            await api(
                server,
                "PUT",
                f"{room.base}/timer",
                room.facilitator_token,
                {"duration_seconds": 60},
            )
            first = await stream.event(PRESENCE)
            second = await stream.event(PRESENCE)
        assert (first.event, first.seq) == ("test.note", new)
        assert second.event == "timer.changed"

    async def test_stream_ends_when_the_participant_is_removed(
        self, server: str, room: Room, db: Session
    ) -> None:
        async with open_stream(server, "/me/events", room.token_a) as stream:
            await stream.event()
            await api(
                server,
                "DELETE",
                f"{room.base}/participants/{room.at_a.id}",
                room.facilitator_token,
            )
            await api(
                server,
                "PUT",
                f"{room.base}/timer",
                room.facilitator_token,
                {"duration_seconds": 60},
            )
            with pytest.raises(StopAsyncIteration):
                await stream.event(PRESENCE)

    async def test_stream_ends_within_a_recheck_after_a_change_behind_its_back(
        self, server: str, room: Room, db: Session
    ) -> None:
        """A change that records no event (here: straight in the database) is still noticed
        at the feed's periodic re-check (every keep-alive interval: 1 s in these tests)."""
        async with open_stream(server, "/me/events", room.token_a) as stream:
            await stream.event()
            room.at_a.status = ParticipantStatus.removed
            db.add(room.at_a)
            db.commit()
            with pytest.raises(StopAsyncIteration):
                await stream.event(PRESENCE)


class TestResume:
    async def test_replays_exactly_the_missed_events_in_order(
        self, server: str, room: Room
    ) -> None:
        token, path = room.facilitator_token, f"{room.base}/events"
        async with open_stream(server, path, token) as stream:
            start = (await stream.event()).seq
        await api(server, "PUT", f"{room.base}/timer", token, {"duration_seconds": 60})
        await api(server, "POST", f"{room.base}/timer/pause", token)
        await api(server, "POST", f"{room.base}/timer/resume", token)
        async with open_stream(server, path, token, last_event_id=str(start + 1)) as stream:
            replayed = [await stream.event() for _ in range(2)]
            await api(server, "POST", f"{room.base}/timer/extend", token, {"seconds": 30})
            live = await stream.event()
        frames = [*replayed, live]
        assert [f.seq for f in frames] == [start + 2, start + 3, start + 4]
        assert [f.id for f in frames] == [str(start + 2), str(start + 3), str(start + 4)]
        assert [f.data["payload"]["action"] for f in frames if f.data] == [
            "paused",
            "resumed",
            "extended",
        ]

    async def test_query_parameter_resumes_like_the_header(self, server: str, room: Room) -> None:
        token = room.facilitator_token
        await api(server, "PUT", f"{room.base}/timer", token, {"duration_seconds": 60})
        await api(server, "POST", f"{room.base}/timer/pause", token)
        async with open_stream(server, f"{room.base}/events?last_event_id=1", token) as stream:
            replayed = await stream.event()
        assert (replayed.event, replayed.seq) == ("timer.changed", 2)

    async def test_an_id_older_than_the_log_gets_reset(
        self, server: str, room: Room, db: Session
    ) -> None:
        token = room.facilitator_token
        for seconds in (60, 120, 180):
            await api(server, "PUT", f"{room.base}/timer", token, {"duration_seconds": seconds})
        db.exec(delete(SessionEvent).where(col(SessionEvent.seq) <= 2))  # type: ignore[call-overload]
        db.commit()
        async with open_stream(server, f"{room.base}/events", token, last_event_id="1") as stream:
            reset = await stream.event()
            await api(server, "POST", f"{room.base}/timer/pause", token)
            live = await stream.event()
        assert (reset.event, reset.id, reset.seq) == ("reset", "3", 3)
        assert reset.data is not None and reset.data["payload"] == {"seq": 3}
        assert (live.event, live.seq) == ("timer.changed", 4)

    async def test_an_id_ahead_of_the_log_gets_reset(self, server: str, room: Room) -> None:
        token = room.facilitator_token
        async with open_stream(server, f"{room.base}/events", token, last_event_id="99") as stream:
            reset = await stream.event()
        assert (reset.event, reset.seq) == ("reset", 0)

    async def test_participant_resume_skips_other_tables(
        self, server: str, room: Room, db: Session
    ) -> None:
        async with open_stream(server, "/me/events", room.token_a) as stream:
            start = (await stream.event()).seq
        note(db, room, room.table_b, "b")
        mine = note(db, room, room.table_a, "a")
        async with open_stream(
            server, "/me/events", room.token_a, last_event_id=str(start)
        ) as stream:
            replayed = await stream.event(PRESENCE)
        assert (replayed.event, replayed.seq) == ("test.note", mine)
