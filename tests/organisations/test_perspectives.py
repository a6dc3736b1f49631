"""An organisation's custom perspectives."""

import httpx
import pytest
from sqlmodel import Session, select

from backend.models import CustomPerspective, Role
from tests.accounts.helpers import assert_problem, count, one
from tests.factories.accounts import make_access_token, make_facilitator, sign_in_client


def url(ctx: object) -> str:
    return f"/api/v1/organisations/{ctx.organisation.id}/perspectives"  # type: ignore[attr-defined]


def make_perspective(
    db: Session, organisation_id: object, key: str = "young_carer"
) -> CustomPerspective:
    row = CustomPerspective(organisation_id=organisation_id, key=key, label_en="Young carer")  # type: ignore[arg-type]
    db.add(row)
    db.commit()
    return row


class TestListPerspectives:
    async def test_mine_only(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, role=Role.facilitator)
        mine = make_perspective(db, ctx.organisation.id)
        make_perspective(db, make_facilitator(db).organisation.id, key="theirs")
        sign_in_client(db, client, ctx.user)
        response = await client.get(url(ctx))
        assert response.status_code == 200
        assert response.json()["items"] == [
            {
                "id": str(mine.id),
                "key": "young_carer",
                "label": {"en": "Young carer", "cy": None},
                "created_at": response.json()["items"][0]["created_at"],
            }
        ]


class TestCreatePerspective:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, role=Role.facilitator)
        sign_in_client(db, client, ctx.user)
        response = await client.post(
            url(ctx),
            json={"key": "young_carer", "label": {"en": "Young carer", "cy": "Gofalwr ifanc"}},
        )
        assert response.status_code == 201, response.text
        assert response.json()["label"] == {"en": "Young carer", "cy": "Gofalwr ifanc"}
        row = one(db, select(CustomPerspective))
        assert (row.key, row.label_cy, row.organisation_id) == (
            "young_carer",
            "Gofalwr ifanc",
            ctx.organisation.id,
        )

    async def test_duplicate_key(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        make_perspective(db, ctx.organisation.id)
        sign_in_client(db, client, ctx.user)
        response = await client.post(url(ctx), json={"key": "young_carer", "label": {"cy": "X"}})
        assert_problem(response, 409, "perspective_exists")
        assert count(db, CustomPerspective) == 1

    @pytest.mark.parametrize(
        "data",
        [
            {"key": "academic", "label": {"en": "Academic"}},
            {"key": "lived_experience", "label": {"en": "X"}},
            {"key": "a", "label": {"en": "X"}},
            {"key": "k" * 41, "label": {"en": "X"}},
            {"key": "Young_Carer", "label": {"en": "X"}},
            {"key": "young__carer", "label": {"en": "X"}},
            {"key": "_young", "label": {"en": "X"}},
            {"key": "young_", "label": {"en": "X"}},
            {"key": "9lives", "label": {"en": "X"}},
            {"key": "young carer", "label": {"en": "X"}},
            {"key": "young_carer", "label": {}},
            {"key": "young_carer", "label": {"en": "", "cy": None}},
            {"key": "young_carer", "label": {"en": "l" * 81}},
            {"key": "young_carer", "label": {"fr": "X"}},
            {"key": "young_carer", "label": "Young carer"},
            {"key": "young_carer"},
        ],
    )
    async def test_bad_input(self, db: Session, client: httpx.AsyncClient, data: dict) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        assert_problem(await client.post(url(ctx), json=data), 422, "validation_failed")
        assert count(db, CustomPerspective) == 0

    async def test_built_in_key_is_named(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        sign_in_client(db, client, ctx.user)
        response = await client.post(url(ctx), json={"key": "outlier", "label": {"en": "X"}})
        body = assert_problem(response, 422, "validation_failed")
        assert "built-in" in body["errors"][0]["msg"]

    async def test_read_only_token(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db)
        token = make_access_token(db, ctx.user, frozenset({"organisation:read"}))
        response = await client.post(
            url(ctx),
            json={"key": "young_carer", "label": {"en": "X"}},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert_problem(response, 403, "insufficient_scope")
        assert count(db, CustomPerspective) == 0


class TestDeletePerspective:
    async def test_valid(self, db: Session, client: httpx.AsyncClient) -> None:
        ctx = make_facilitator(db, role=Role.facilitator)
        row = make_perspective(db, ctx.organisation.id)
        sign_in_client(db, client, ctx.user)
        assert (await client.delete(f"{url(ctx)}/{row.id}")).status_code == 204
        assert count(db, CustomPerspective) == 0
        again = await client.delete(f"{url(ctx)}/{row.id}")
        assert_problem(again, 404, "perspective_not_found")

    async def test_perspective_of_another_organisation(
        self, db: Session, client: httpx.AsyncClient
    ) -> None:
        ctx = make_facilitator(db)
        theirs = make_perspective(db, make_facilitator(db).organisation.id)
        sign_in_client(db, client, ctx.user)
        response = await client.delete(f"{url(ctx)}/{theirs.id}")
        assert_problem(response, 404, "perspective_not_found")
        assert count(db, CustomPerspective) == 1
