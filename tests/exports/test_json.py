"""GET /sessions/{id}/export.json: the whole record, without hidden ideas or anyone's name."""

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from tests.exports.helpers import ideas_by_id, row_counts
from tests.exports.scenario import (
    FORMULAS,
    HIDDEN_REASON,
    HIDDEN_TEXT,
    PRIVATE,
    WELSH_IDEA,
    WELSH_TITLE,
    Scenario,
    make_scenario,
)
from tests.factories.tables import make_room, make_table


@pytest.fixture
def scenario(db: Session, client: httpx.AsyncClient) -> Scenario:
    return make_scenario(db, client)


async def export(client: httpx.AsyncClient, s: Scenario) -> httpx.Response:
    response = await client.get(f"{s.room.base}/export.json")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response


class TestExportJson:
    async def test_download_name(self, client: httpx.AsyncClient, scenario: Scenario) -> None:
        disposition = (await export(client, scenario)).headers["content-disposition"]
        day = scenario.room.workshop.starts_at.date().isoformat()
        assert disposition == (
            f'attachment; filename="cyd-gwyl-y-bysiau-y-a-{day}-results.json"; '
            f"filename*=UTF-8''cyd-g%C5%B5yl-y-bysiau-%C5%B7-%C3%A2-{day}-results.json"
        )
        disposition.encode("ascii")

    async def test_structure(self, client: httpx.AsyncClient, scenario: Scenario) -> None:
        body = (await export(client, scenario)).json()
        assert set(body) == {"exported_at", "session", "tables"}
        session = body["session"]
        assert session["id"] == str(scenario.room.workshop.id)
        assert session["title"] == {"en": None, "cy": WELSH_TITLE}
        assert session["challenge"]["cy"] == "Sut gallwn ni wella teithiau bws?"
        assert session["phase"] == "reduce"
        assert session["tie_break"] == "runoff" and session["dot_budget"] == 5
        assert [(t["number"], t["name"]) for t in body["tables"]] == [(1, "Bwrdd Glas"), (2, None)]
        first, second = body["tables"]
        assert first["themes"] == [
            {"id": str(scenario.theme.id), "name": "Trafnidiaeth", "position": 0}
        ]
        assert first["stage"] == "chosen"
        assert [i["text"] for i in second["ideas"]] == FORMULAS  # JSON keeps text as written

    async def test_lineage(self, client: httpx.AsyncClient, scenario: Scenario) -> None:
        ideas = ideas_by_id((await export(client, scenario)).json())
        merged = ideas[str(scenario.merged.id)]
        assert merged["source"] == "combined" and merged["status"] == "active"
        assert sorted(merged["parents"], key=lambda r: r["hidden"]) == [
            {"id": str(scenario.night.id), "hidden": False},
            {"id": str(scenario.hidden.id), "hidden": True},
        ]
        night = ideas[str(scenario.night.id)]
        assert night["status"] == "combined"
        assert night["combined_into"] == [{"id": str(scenario.merged.id), "hidden": False}]
        repurposed = ideas[str(scenario.repurposed.id)]
        assert repurposed["repurposed_from"] == {"id": str(scenario.hidden.id), "hidden": True}

    async def test_revisions(self, client: httpx.AsyncClient, scenario: Scenario) -> None:
        welsh = ideas_by_id((await export(client, scenario)).json())[str(scenario.welsh.id)]
        assert welsh["text"] == WELSH_IDEA
        assert welsh["theme"] == "Trafnidiaeth"
        first, second = welsh["revisions"]
        assert first["edited_by"] == "participant"
        assert first["editor"] is None  # Nia did not consent: not even a pseudonym
        assert (first["text_before"], first["text_after"]) == ("Bysiau", "Bysiau am ddim")
        assert (first["theme_before"], first["theme_after"]) == (None, "Trafnidiaeth")
        assert first["version"] == 2 and first["edited_at"]
        assert second["edited_by"] == "facilitator" and second["editor"] is None
        assert second["text_after"] == WELSH_IDEA

    async def test_hidden_idea_left_out(
        self, client: httpx.AsyncClient, scenario: Scenario
    ) -> None:
        response = await export(client, scenario)
        assert "XHIDDENX" not in response.text
        assert HIDDEN_TEXT not in response.text and HIDDEN_REASON not in response.text
        body = response.json()
        assert str(scenario.hidden.id) not in ideas_by_id(body)
        table = body["tables"][0]
        assert str(scenario.hidden.id) not in {t["idea_id"] for t in table["tally"]}
        assert {s["idea"]["id"] for s in table["scores"]} == {str(scenario.welsh.id)}
        third = table["shortlist"][2]
        assert third == {"place": 3, "idea": {"id": str(scenario.hidden.id), "hidden": True},
                         "decided_by": "earliest"}  # fmt: skip
        hidden_refs = [c["idea"] for c in table["runoff"]["candidates"] if c["idea"]["hidden"]]
        assert hidden_refs == [{"id": str(scenario.hidden.id), "hidden": True}]

    async def test_no_names_or_private_details(
        self, client: httpx.AsyncClient, scenario: Scenario
    ) -> None:
        text = (await export(client, scenario)).text
        for secret in [*scenario.names, *PRIVATE, "Removed participant"]:
            assert secret not in text
        for key in ("display_name", "email", "access_needs", "consent", "participant_id"):
            assert f'"{key}' not in text
        for person in (scenario.consenting, scenario.refusing, scenario.removed):
            assert str(person.id) not in text

    async def test_authors_are_pseudonyms_only_with_consent(
        self, client: httpx.AsyncClient, scenario: Scenario
    ) -> None:
        ideas = ideas_by_id((await export(client, scenario)).json())
        assert ideas[str(scenario.welsh.id)]["author"] == "Participant 1"  # Carys joined first
        assert ideas[str(scenario.welsh.id)]["entered_by"] == "author"
        assert ideas[str(scenario.night.id)]["author"] is None  # Nia did not consent
        assert ideas[str(scenario.merged.id)]["author"] is None  # the table's
        removed = [i for i in ideas.values() if i["text"] == "Bus shelters with seats"]
        assert removed[0]["author"] is None
        assert {i["author"] for i in ideas.values()} == {"Participant 1", None}

    async def test_counts_and_choice(self, client: httpx.AsyncClient, scenario: Scenario) -> None:
        table = (await export(client, scenario)).json()["tables"][0]
        assert table["tally"][:2] == [
            {"idea_id": str(scenario.welsh.id), "dots": 3, "voters": 2},
            {"idea_id": str(scenario.merged.id), "dots": 1, "voters": 1},
        ]
        assert [(p["place"], p["decided_by"]) for p in table["shortlist"]] == [
            (1, "votes"), (2, "runoff"), (3, "earliest"),
        ]  # fmt: skip
        assert table["runoff"]["places"] == 1
        assert {"idea": {"id": str(scenario.merged.id), "hidden": False}, "runoff_votes": 1} in (
            table["runoff"]["candidates"]
        )
        [scoring] = table["scores"]
        assert scoring["place"] == 1
        assert scoring["totals"] == {
            "desirability": 8, "feasibility": 7, "viability": 5, "total": 20,
        }  # fmt: skip
        assert scoring["members"] == [
            {"desirability": 5, "feasibility": 4, "viability": 3, "total": 12},
            {"desirability": 3, "feasibility": 3, "viability": 2, "total": 8},
        ]
        assert [(r["stage"], r["decided_by"], r["agreed"], r["present"]) for r in table["rounds"]] == [
            ("voting", "majority", 2, 2), ("choosing", "facilitator", 0, 2),
        ]  # fmt: skip
        assert table["choice"]["idea"] == {"id": str(scenario.welsh.id), "hidden": False}
        assert table["choice"]["decided_by"] == "facilitator"

    async def test_is_a_pure_read(
        self, app: FastAPI, client: httpx.AsyncClient, scenario: Scenario
    ) -> None:
        before = row_counts(app)
        await export(client, scenario)
        await client.get(f"{scenario.room.base}/export.csv")
        assert row_counts(app) == before

    async def test_empty_session(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        response = await client.get(f"{room.base}/export.json")
        assert response.status_code == 200, response.text
        assert response.json()["tables"] == []
        assert response.json()["session"]["title"]["en"] == "Better bus journeys"
        make_table(db, room.workshop)
        [table] = (await client.get(f"{room.base}/export.json")).json()["tables"]
        assert table["ideas"] == table["tally"] == table["shortlist"] == table["scores"] == []
        assert (table["stage"], table["runoff"], table["choice"]) == ("voting", None, None)
