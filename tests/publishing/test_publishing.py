"""Publishing a session: facilitators publish and withdraw (audited); the public page shows what
tables chose with no names, honours consent, suppresses small counts, and 404s otherwise."""

from collections.abc import Callable

import httpx
from fastapi import FastAPI
from sqlmodel import Session, select

from backend.kit.clock import utcnow
from backend.models import (
    DecidedBy,
    Idea,
    Participant,
    ParticipantStatus,
    Phase,
    PublicationChange,
    TableChoice,
    Workshop,
    WorkshopTable,
)
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.participants import make_participant, participant_token
from tests.factories.tables import assert_problem, make_table, read_rows
from tests.factories.workshops import make_workshop


def chosen(
    db: Session, workshop: Workshop, table: WorkshopTable, author: Participant | None, text: str
) -> Idea:
    idea = Idea(
        workshop_id=workshop.id,
        table_id=table.id,
        author_id=author.id if author else None,
        text=text,
    )
    db.add(idea)
    db.flush()
    db.add(
        TableChoice(
            workshop_id=workshop.id,
            table_id=table.id,
            idea_id=idea.id,
            decided_by=DecidedBy.majority,
        )
    )
    db.commit()
    return idea


def people(
    db: Session, workshop: Workshop, table: WorkshopTable, n: int, **fields: object
) -> list[Participant]:
    return [
        make_participant(
            db,
            workshop,
            display_name=f"Person {i}",
            table_id=table.id,
            status=ParticipantStatus.joined,
            **fields,
        )
        for i in range(n)
    ]


class Setup:
    def __init__(self, db: Session) -> None:
        ctx = make_facilitator(db)
        self.user = ctx.user
        self.workshop = make_workshop(db, ctx.organisation, phase=Phase.glue)
        self.table_one = make_table(db, self.workshop)
        self.table_two = make_table(db, self.workshop)
        consenting = people(db, self.workshop, self.table_one, 3, consent_publish=True)
        private = people(db, self.workshop, self.table_two, 3, consent_publish=False)
        self.consenting, self.private = consenting, private
        chosen(db, self.workshop, self.table_one, consenting[0], "Bus buddies for first trips")
        chosen(db, self.workshop, self.table_two, private[0], "Words that must stay in the room")

    @property
    def path(self) -> str:
        return f"/api/v1/sessions/{self.workshop.id}/publication"

    @property
    def public(self) -> str:
        return f"/api/v1/public/sessions/{self.workshop.id}"


async def test_nothing_is_public_until_published(db: Session, client: httpx.AsyncClient) -> None:
    s = Setup(db)
    sign_in_client(db, client, s.user)
    assert_problem(await client.get(s.public), 404, "published_session_not_found")

    state = (await client.get(s.path)).json()
    assert (state["published"], state["public_path"], state["history"]) == (False, None, [])


async def test_publish_then_the_public_page_shows_choices_without_names(
    db: Session, client: httpx.AsyncClient, new_client: Callable[..., httpx.AsyncClient]
) -> None:
    s = Setup(db)
    sign_in_client(db, client, s.user)

    response = await client.put(s.path)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["published"] is True
    assert body["public_path"] == f"/published/{s.workshop.id}"
    assert [h["action"] for h in body["history"]] == ["published"]

    page = await new_client(spa_like=False).get(s.public)  # no cookies, no token
    assert page.status_code == 200, page.text
    public = page.json()
    assert public["title"]["en"] == "Better bus journeys"
    tables = {t["number"]: t for t in public["tables"]}
    assert tables[s.table_one.number]["chosen_idea"] == {
        "text": "Bus buddies for first trips",
        "withheld": False,
    }
    # Its author did not agree to publishing: the table's choice is there, its words are not.
    assert tables[s.table_two.number]["chosen_idea"] == {"text": None, "withheld": True}
    assert public["participant_count"] == 6
    text = page.text
    for person in [*s.consenting, *s.private]:
        assert person.display_name not in text and str(person.id) not in text
    assert "Words that must stay in the room" not in text


async def test_small_groups_are_not_counted_in_public(
    db: Session, client: httpx.AsyncClient
) -> None:
    ctx = make_facilitator(db)
    workshop = make_workshop(db, ctx.organisation)
    table = make_table(db, workshop)
    people(db, workshop, table, 4, consent_publish=True)
    sign_in_client(db, client, ctx.user)
    await client.put(f"/api/v1/sessions/{workshop.id}/publication")

    public = (await client.get(f"/api/v1/public/sessions/{workshop.id}")).json()
    assert public["participant_count"] is None
    assert public["tables"][0]["chosen_idea"] is None


async def test_unpublish_withdraws_at_once_and_both_are_audited(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    s = Setup(db)
    sign_in_client(db, client, s.user)
    await client.put(s.path)
    again = await client.put(s.path)  # idempotent: no second audit entry
    assert [h["action"] for h in again.json()["history"]] == ["published"]

    response = await client.delete(s.path)
    assert response.status_code == 200
    assert response.json()["published"] is False
    assert_problem(await client.get(s.public), 404, "published_session_not_found")
    changes = read_rows(app, select(PublicationChange))
    assert sorted(c.action for c in changes) == ["published", "unpublished"]
    assert all(c.user_id == s.user.id for c in changes)


async def test_other_organisations_and_participants_cannot_publish(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    s = Setup(db)
    stranger = make_facilitator(db, email="stranger@example.org")
    token = make_access_token(db, stranger.user)
    headers = {"Authorization": f"Bearer {token}"}
    assert_problem(await client.put(s.path, headers=headers), 404, "session_not_found")

    reader = make_access_token(db, s.user, scopes=frozenset({"sessions:read"}))
    response = await client.put(s.path, headers={"Authorization": f"Bearer {reader}"})
    assert response.status_code == 403

    participant = participant_token(db, s.consenting[0])[0]
    response = await client.put(s.path, headers={"Authorization": f"Bearer {participant}"})
    assert response.status_code == 401
    assert read_rows(app, select(PublicationChange)) == []


async def test_unknown_or_malformed_ids_are_404_or_422(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/public/sessions/00000000-0000-4000-8000-000000000000")
    assert_problem(response, 404, "published_session_not_found")
    assert (await client.get("/api/v1/public/sessions/not-a-uuid")).status_code == 422


def test_a_reopened_choice_is_not_shown(db: Session) -> None:
    s = Setup(db)
    choice = db.exec(select(TableChoice).where(TableChoice.table_id == s.table_one.id)).one()
    choice.reopened_at = utcnow()
    db.add(choice)
    db.commit()
    from backend.publishing import repository

    assert s.table_one.id not in repository.current_choices(db, s.workshop.id)
