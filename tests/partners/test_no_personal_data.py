"""Walks every partner endpoint, in JSON and CSV, over a published session full of distinctive
personal data and an unpublished one: none of it ever appears in an answer."""

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from tests.factories.accounts import make_organisation
from tests.partners.helpers import bearer, make_key
from tests.partners.seed import (
    NEEDLES,
    UNPUBLISHED_NEEDLES,
    initiative_from_withheld_idea,
    seed_session,
    seed_unpublished,
)
from tests.partners.test_reads import ALL_SCOPES


def partner_paths(app: FastAPI) -> list[str]:
    """Every partner read endpoint. Read from the OpenAPI document: this FastAPI keeps included
    routers unflattened in `app.routes`, and the document is built from all of them."""
    return sorted(
        path
        for path, operations in app.openapi()["paths"].items()
        if path.startswith("/api/v1/partner") and "get" in operations
    )


async def test_no_personal_data_leaves(
    app: FastAPI, db: Session, client: httpx.AsyncClient
) -> None:
    org = make_organisation(db)
    seeded = seed_session(db, org)
    initiative_from_withheld_idea(db, seeded)
    hidden = seed_unpublished(db, org)
    token = bearer(make_key(db, org.id, scopes=ALL_SCOPES))
    ids = {"session_id": seeded.workshop.id, "initiative_id": seeded.initiative.id}
    paths = partner_paths(app)
    assert len(paths) >= 9, paths
    bodies = []
    for path in paths:
        url = path.format(**ids)
        for params in [{}, {"format": "csv"}, {"session_id": str(hidden.id)}]:
            answer = await client.get(url, params=params, headers=token)
            assert answer.status_code == 200, (url, params, answer.text)
            bodies.append((url, answer.content.decode("utf-8")))
    hidden_results = await client.get(
        f"/api/v1/partner/sessions/{hidden.id}/results", headers=token
    )
    assert hidden_results.status_code == 404
    bodies.append(("hidden results", hidden_results.text))
    for url, body in bodies:
        for needle in NEEDLES + UNPUBLISHED_NEEDLES:
            assert needle not in body, (needle, url)
    results = next(body for url, body in bodies if url.endswith("/results"))
    assert "Lit paths to the school" in results  # the walk did see the published results
