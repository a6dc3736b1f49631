"""GET /sessions/{id}/export.csv: one row per idea, safe to open in Excel."""

import csv
import io
from datetime import date

import httpx
import pytest
from sqlmodel import Session

from backend.exports.filename import content_disposition
from backend.exports.spreadsheet import HEADER, neutralise
from tests.exports.scenario import (
    FORMULAS,
    HIDDEN_TEXT,
    PRIVATE,
    WELSH_IDEA,
    Scenario,
    make_scenario,
)
from tests.factories.tables import make_room, make_table

DAY = date(2026, 3, 1)


@pytest.fixture
def scenario(db: Session, client: httpx.AsyncClient) -> Scenario:
    return make_scenario(db, client)


async def export(client: httpx.AsyncClient, s: Scenario) -> httpx.Response:
    response = await client.get(f"{s.room.base}/export.csv")
    assert response.status_code == 200, response.text
    return response


def parse(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


class TestExportCsv:
    async def test_headers(self, client: httpx.AsyncClient, scenario: Scenario) -> None:
        response = await export(client, scenario)
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        disposition = response.headers["content-disposition"]
        day = scenario.room.workshop.starts_at.date().isoformat()
        assert disposition == (
            f'attachment; filename="cyd-gwyl-y-bysiau-y-a-{day}-results.csv"; '
            f"filename*=UTF-8''cyd-g%C5%B5yl-y-bysiau-%C5%B7-%C3%A2-{day}-results.csv"
        )
        disposition.encode("ascii")

    async def test_bom_crlf_and_parse(self, client: httpx.AsyncClient, scenario: Scenario) -> None:
        raw = (await export(client, scenario)).content
        assert raw.startswith(b"\xef\xbb\xbf" + ",".join(HEADER).encode() + b"\r\n")
        assert raw.endswith(b"\r\n")
        rows = parse(raw)
        assert list(rows[0]) == HEADER
        # Table 1: welsh, night, merged, repurposed, shelters; table 2: the formulas.
        assert len(rows) == 5 + len(FORMULAS)

    async def test_welsh_round_trip_and_values(
        self, client: httpx.AsyncClient, scenario: Scenario
    ) -> None:
        rows = parse((await export(client, scenario)).content)
        [welsh] = [r for r in rows if r["idea"] == WELSH_IDEA]
        assert "ŵ ŷ â" in welsh["idea"]
        assert welsh | {"created_at": ""} == {
            "table": "1",
            "theme": "Trafnidiaeth",
            "idea": WELSH_IDEA,
            "status": "active",
            "source": "phone",
            "parents": "",
            "repurposed_from": "",
            "dots": "3",
            "shortlist_place": "1",
            "desirability": "8",
            "feasibility": "7",
            "viability": "5",
            "score_total": "20",
            "chosen": "yes",
            "created_at": "",
            "revisions": "2",
            "author": "Participant 1",
        }
        [merged] = [r for r in rows if r["idea"] == "Night buses for everyone"]
        assert set(merged["parents"].split("; ")) == {
            str(scenario.night.id),
            f"{scenario.hidden.id} (hidden)",
        }
        assert (merged["shortlist_place"], merged["chosen"], merged["author"]) == ("2", "no", "")
        [repurposed] = [r for r in rows if r["idea"] == "Buses as lending libraries"]
        assert repurposed["repurposed_from"] == f"{scenario.hidden.id} (hidden)"

    async def test_formulas_neutralised(
        self, client: httpx.AsyncClient, scenario: Scenario
    ) -> None:
        rows = parse((await export(client, scenario)).content)
        cells = [r["idea"] for r in rows if r["table"] == "2"]
        assert cells == ["'" + text for text in FORMULAS]

    async def test_nothing_hidden_or_personal(
        self, client: httpx.AsyncClient, scenario: Scenario
    ) -> None:
        text = (await export(client, scenario)).content.decode("utf-8-sig")
        assert "XHIDDENX" not in text and HIDDEN_TEXT not in text
        for secret in [*scenario.names, *PRIVATE, "Removed participant"]:
            assert secret not in text

    async def test_empty_session(self, db: Session, client: httpx.AsyncClient) -> None:
        room = make_room(db, client)
        make_table(db, room.workshop)
        response = await client.get(f"{room.base}/export.csv")
        assert response.status_code == 200
        assert response.content == b"\xef\xbb\xbf" + ",".join(HEADER).encode() + b"\r\n"
        day = room.workshop.starts_at.date().isoformat()
        assert response.headers["content-disposition"].startswith(
            f'attachment; filename="cyd-better-bus-journeys-{day}-results.csv"'
        )


class TestNeutralise:
    @pytest.mark.parametrize(
        "cell",
        ["=SUM(1,2)", "+1", "-1", "@cmd", "  =SUM(1,2)", " -1", "   @x", "\t1", "\r1", " \t=1"],
    )
    def test_dangerous(self, cell: str) -> None:
        assert neutralise(cell) == "'" + cell

    @pytest.mark.parametrize("cell", ["", "Free buses", "1-2", "a=b", "ŵ+ŷ", "'=quoted", "3"])
    def test_harmless(self, cell: str) -> None:
        assert neutralise(cell) == cell


class TestFilename:
    def test_no_title(self) -> None:
        assert content_disposition(None, DAY, "csv") == (
            'attachment; filename="cyd-session-2026-03-01-results.csv"; '
            "filename*=UTF-8''cyd-session-2026-03-01-results.csv"
        )

    def test_welsh_title_json(self) -> None:
        header = content_disposition("Ffordd ymlaen i Ŵyl Caerdydd", DAY, "json")
        assert header == (
            'attachment; filename="cyd-ffordd-ymlaen-i-wyl-caerdydd-2026-03-01-results.json"; '
            "filename*=UTF-8''cyd-ffordd-ymlaen-i-%C5%B5yl-caerdydd-2026-03-01-results.json"
        )
        header.encode("ascii")

    def test_quotes_and_slashes_cannot_escape(self) -> None:
        header = content_disposition('a"b/../c;d\r\nX-Evil: 1', DAY, "csv")
        assert header.startswith(
            'attachment; filename="cyd-a-b-c-d-x-evil-1-2026-03-01-results.csv";'
        )
        assert "\r" not in header and "\n" not in header
