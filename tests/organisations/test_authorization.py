"""Nobody outside an organisation can read or change anything of it, by id.

Callers: a facilitator (owner) of ANOTHER organisation, a participant of another workshop (by
cookie and by bearer token), and an anonymous caller. Every organisation object is tried.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import httpx
import pytest
from sqlmodel import Session, select

from backend.config import Settings
from backend.kit.clock import utcnow
from backend.kit.tokens import hash_token
from backend.models import (
    CustomPerspective,
    Invitation,
    Membership,
    Organisation,
    PersonalAccessToken,
    Role,
    User,
)
from tests.accounts.helpers import rows
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client
from tests.factories.mail import read_outbox
from tests.factories.participants import make_participant, participant_token, sign_in_participant
from tests.factories.workshops import make_workshop


@dataclass
class World:
    org: str
    owner_member: str
    helper_member: str
    invitation: str
    perspective: str
    token: str
    other_org: str
    intruder: User


def build(db: Session) -> World:
    owner = make_facilitator(db)
    helper = make_facilitator(db, organisation=owner.organisation, role=Role.facilitator)
    invitation = Invitation(
        organisation_id=owner.organisation.id,
        email="newydd@example.org",
        token_hash=hash_token("tok"),
        expires_at=utcnow() + timedelta(days=7),
    )
    perspective = CustomPerspective(
        organisation_id=owner.organisation.id, key="young_carer", label_en="Young carer"
    )
    db.add_all([invitation, perspective])
    db.commit()
    make_access_token(db, owner.user)
    token = rows(db, select(PersonalAccessToken))[0]
    other = make_facilitator(db, email="intruder@example.org")
    return World(
        org=str(owner.organisation.id),
        owner_member=str(owner.membership.id),
        helper_member=str(helper.membership.id),
        invitation=str(invitation.id),
        perspective=str(perspective.id),
        token=str(token.id),
        other_org=str(other.organisation.id),
        intruder=other.user,
    )


def requests(w: World) -> list[tuple[str, str, dict | None]]:
    org = f"/api/v1/organisations/{w.org}"
    mine = f"/api/v1/organisations/{w.other_org}"  # the intruder's own organisation, foreign ids
    return [
        ("GET", org, None),
        ("PATCH", org, {"name": "Hacked"}),
        ("GET", f"{org}/members", None),
        ("PATCH", f"{org}/members/{w.owner_member}", {"role": "facilitator"}),
        ("DELETE", f"{org}/members/{w.helper_member}", None),
        ("POST", f"{org}/invitations", {"email": "spy@example.org", "role": "owner"}),
        ("GET", f"{org}/invitations", None),
        ("DELETE", f"{org}/invitations/{w.invitation}", None),
        ("GET", f"{org}/perspectives", None),
        ("POST", f"{org}/perspectives", {"key": "spy", "label": {"en": "Spy"}}),
        ("DELETE", f"{org}/perspectives/{w.perspective}", None),
        ("PATCH", f"{mine}/members/{w.helper_member}", {"role": "owner"}),
        ("DELETE", f"{mine}/members/{w.helper_member}", None),
        ("DELETE", f"{mine}/invitations/{w.invitation}", None),
        ("DELETE", f"{mine}/perspectives/{w.perspective}", None),
        ("DELETE", f"/api/v1/auth/tokens/{w.token}", None),
    ]


def snapshot(db: Session) -> tuple[object, ...]:
    return (
        sorted(o.name for o in rows(db, select(Organisation))),
        sorted((str(m.id), m.role) for m in rows(db, select(Membership))),
        sorted((str(i.id), i.revoked_at) for i in rows(db, select(Invitation))),
        sorted(p.key for p in rows(db, select(CustomPerspective))),
        [t.revoked_at for t in rows(db, select(PersonalAccessToken))],
    )


CALLERS = ["other_organisation", "participant_cookie", "participant_token", "anonymous"]


@pytest.mark.parametrize("caller", CALLERS)
class TestOutsidersAreRefused:
    async def test_every_object(
        self,
        db: Session,
        new_client: Callable[..., httpx.AsyncClient],
        settings: Settings,
        caller: str,
    ) -> None:
        world = build(db)
        client = new_client()
        expected = {401}
        if caller == "other_organisation":
            sign_in_client(db, client, world.intruder)
            expected = {404}
        elif caller.startswith("participant"):
            elsewhere = make_facilitator(db)
            participant = make_participant(db, make_workshop(db, elsewhere.organisation))
            if caller == "participant_cookie":
                sign_in_participant(db, client, participant)
            else:
                token, _ = participant_token(db, participant)
                client.headers["Authorization"] = f"Bearer {token}"
        before = snapshot(db)
        for method, path, body in requests(world):
            response = await client.request(method, path, json=body)
            assert response.status_code in expected, (method, path, response.text)
            assert response.headers["content-type"] == "application/problem+json"
        assert snapshot(db) == before
        assert read_outbox(settings) == []
