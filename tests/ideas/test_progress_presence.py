"""`present_count` in the progress answers: who is at each table now, removed people never."""

from datetime import timedelta

import httpx
from sqlmodel import Session

from backend.models import ParticipantStatus, Phase
from tests.factories.participants import make_participant, participant_token
from tests.factories.reduction import make_board, mark_seen
from tests.factories.tables import make_room, make_table


class TestPresentCount:
    async def test_per_table(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client, phase=Phase.ideate)
        # Two of three seen just now; the third never made a request.
        first = make_board(db, members=3, present=2, ideas=0, room=room)
        second = make_board(db, members=2, present=0, ideas=0, room=room)
        mark_seen(db, second.members[0], ago=timedelta(minutes=30))  # seen, but long ago
        removed = make_participant(
            db, room.workshop, table_id=first.table.id, status=ParticipantStatus.removed
        )
        participant_token(db, removed)
        mark_seen(db, removed)  # a removed person's device never makes them present
        empty = make_table(db, room.workshop)

        body = (await client.get(f"{room.base}/progress")).json()

        present = {t["table_id"]: t["present_count"] for t in body["tables"]}
        assert present == {str(first.table.id): 2, str(second.table.id): 0, str(empty.id): 0}

    async def test_my_tables_progress(self, db: Session, client: httpx.AsyncClient) -> None:
        board = make_board(db, members=3, present=1, ideas=0, phase=Phase.ideate)
        response = await client.get("/api/v1/me/table/progress", headers=board.auth(0))
        assert response.status_code == 200, response.text
        assert response.json()["present_count"] == 1
