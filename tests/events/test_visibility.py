"""Who sees what (decided at each read), where a stream starts, and the retention rule."""

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.events import retention
from backend.events.errors import InvalidLastEventId
from backend.events.log import record_event
from backend.events.stream import parse_last_event_id, start
from backend.events.visibility import Viewer, read_batch
from backend.kit.clock import utcnow
from backend.models import Audience, ParticipantDevice, ParticipantStatus, SessionEvent
from tests.events.conftest import Room, note


def _everyone(db: Session, room: Room) -> list[int]:
    seqs = [
        note(db, room, room.table_a, "a"),
        note(db, room, room.table_b, "b"),
    ]
    for audience in (Audience.session, Audience.facilitators):
        seqs.append(
            record_event(
                db, workshop_id=room.workshop.id, kind="test.note", payload={}, audience=audience
            )
        )
        db.commit()
    return seqs  # a, b, session, facilitators


def participant_viewer(db: Session, room: Room) -> Viewer:
    device = db.exec(
        select(ParticipantDevice).where(ParticipantDevice.participant_id == room.at_a.id)
    ).one()
    return Viewer(workshop_id=room.workshop.id, participant_id=room.at_a.id, device_id=device.id)


class TestReadBatch:
    def test_facilitator_sees_everything(self, app: FastAPI, db: Session, room: Room) -> None:
        seqs = _everyone(db, room)
        viewer = Viewer(workshop_id=room.workshop.id, user_id=room.owner.id)
        batch = read_batch(app.state.engine, viewer, 0)
        assert batch is not None
        assert [e.seq for e in batch.events] == seqs
        assert batch.head == seqs[-1]

    def test_participant_sees_own_table_and_session(
        self, app: FastAPI, db: Session, room: Room
    ) -> None:
        a, _b, session, _facilitators = _everyone(db, room)
        batch = read_batch(app.state.engine, participant_viewer(db, room), 0)
        assert batch is not None
        assert [e.seq for e in batch.events] == [a, session]
        assert batch.head == 4  # the invisible ones are passed over too

    def test_a_move_counts_at_the_next_read(self, app: FastAPI, db: Session, room: Room) -> None:
        _a, b, session, _facilitators = _everyone(db, room)
        room.at_a.table_id = room.table_b.id
        db.add(room.at_a)
        db.commit()
        batch = read_batch(app.state.engine, participant_viewer(db, room), 0)
        assert batch is not None
        assert [e.seq for e in batch.events] == [b, session]
        assert batch.table_id == room.table_b.id

    def test_removed_or_signed_out_participant_stops(
        self, app: FastAPI, db: Session, room: Room
    ) -> None:
        viewer = participant_viewer(db, room)
        device = db.get(ParticipantDevice, viewer.device_id)
        assert device is not None
        device.revoked_at = utcnow()
        db.add(device)
        db.commit()
        assert read_batch(app.state.engine, viewer, 0) is None
        device.revoked_at = None
        room.at_a.status = ParticipantStatus.removed
        db.add_all([device, room.at_a])
        db.commit()
        assert read_batch(app.state.engine, viewer, 0) is None

    def test_stranger_facilitator_stops(self, app: FastAPI, room: Room) -> None:
        import uuid

        viewer = Viewer(workshop_id=room.workshop.id, user_id=uuid.uuid4())
        assert read_batch(app.state.engine, viewer, 0) is None


class TestStart:
    def test_fresh_stream_says_hello_at_the_current_seq(self, db: Session, room: Room) -> None:
        viewer = Viewer(workshop_id=room.workshop.id, participant_id=room.at_a.id)
        after, first = start(
            db, viewer=viewer, current=7, last_event_id=None, table_id=room.table_a.id
        )
        assert after == 7
        assert "event: hello" in first and "id: 7" in first and str(room.table_a.id) in first

    def test_resume_within_the_log(self, db: Session, room: Room) -> None:
        seqs = _everyone(db, room)
        viewer = Viewer(workshop_id=room.workshop.id, user_id=room.owner.id)
        after, first = start(db, viewer=viewer, current=seqs[-1], last_event_id=1)
        assert after == 1 and "event:" not in first

    @pytest.mark.parametrize("last", [0, 1, 9])
    def test_gone_or_unknown_ids_reset(self, db: Session, room: Room, last: int) -> None:
        _everyone(db, room)
        for event in db.exec(select(SessionEvent).where(SessionEvent.seq <= 2)):
            db.delete(event)
        db.commit()
        viewer = Viewer(workshop_id=room.workshop.id, user_id=room.owner.id)
        after, first = start(db, viewer=viewer, current=4, last_event_id=last)
        assert after == 4
        assert "event: reset" in first and "id: 4" in first

    def test_resume_right_after_the_pruned_part(self, db: Session, room: Room) -> None:
        _everyone(db, room)
        for event in db.exec(select(SessionEvent).where(SessionEvent.seq <= 2)):
            db.delete(event)
        db.commit()
        viewer = Viewer(workshop_id=room.workshop.id, user_id=room.owner.id)
        assert start(db, viewer=viewer, current=4, last_event_id=2)[0] == 2

    @pytest.mark.parametrize("raw", ["", " "])
    def test_blank_ids_mean_fresh(self, raw: str) -> None:
        assert parse_last_event_id(raw, None) is None

    def test_header_wins_over_query(self) -> None:
        assert parse_last_event_id("5", "9") == 5
        with pytest.raises(InvalidLastEventId):
            parse_last_event_id(None, "five")


class TestRetention:
    def test_prunes_by_age_and_by_count(
        self, db: Session, room: Room, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seqs = [note(db, room, room.table_a, str(i)) for i in range(6)]
        old = db.exec(select(SessionEvent).where(SessionEvent.seq == seqs[0])).one()
        old.created_at = utcnow() - retention.KEEP_FOR - timedelta(minutes=1)
        db.add(old)
        db.commit()
        assert retention.prune(db, room.workshop.id) == 1
        monkeypatch.setattr(retention, "KEEP_AT_MOST", 3)
        assert retention.prune(db, room.workshop.id) == 2
        db.commit()
        assert retention.oldest_kept_seq(db, room.workshop.id) == seqs[3]
