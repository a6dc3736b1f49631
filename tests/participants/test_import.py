"""POST /sessions/{id}/participants/import: a CSV of people, all of them or none."""

from collections.abc import Callable
from typing import Any

import httpx
from sqlmodel import Session, select

from backend.models import CustomPerspective, Participant, ParticipantStatus
from tests.factories.participants import make_participant
from tests.participants.conftest import Scene, assert_problem, count_participants, fetch_all

CSV = {"Content-Type": "text/csv"}
GOOD = (
    "display_name,email,perspective,network_roles,access_needs\n"
    "Gwenllïan Ŵyn,gwen@example.org,lived_experience,connector;maven,Large print\n"
    'Dai "Bws" Ŷw,,service_provider,,"Step-free, please"\n'
    "Ann,ann@example.org,,SALESPERSON ; connector,\n"
)


async def _upload(scene: Scene, data: bytes, **params: str) -> httpx.Response:
    return await scene.fclient.post(
        f"{scene.base}/import", content=data, headers=CSV, params=params
    )


def _errors(response: httpx.Response) -> list[tuple[Any, Any]]:
    return [(e["row"], e["column"]) for e in response.json()["errors"]]


class TestImportParticipants:
    async def test_good_file(self, db: Session, scene: Scene) -> None:
        response = await _upload(scene, GOOD.encode())
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["dry_run"] is False and body["count"] == 3
        names = [item["participant"]["display_name"] for item in body["items"]]
        assert names == ["Gwenllïan Ŵyn", 'Dai "Bws" Ŷw', "Ann"]
        for item in body["items"]:
            assert item["rejoin_url"].startswith("http://testserver/rejoin#cyd_rj_")
            assert len(item["recovery_code"]) == 14
            assert item["participant"]["status"] == "pre_registered"
        rows = {p.display_name: p for p in fetch_all(db, select(Participant))}
        assert rows["Gwenllïan Ŵyn"].network_roles == ["connector", "maven"]
        assert rows["Gwenllïan Ŵyn"].perspective == "lived_experience"
        assert rows['Dai "Bws" Ŷw'].access_needs == "Step-free, please"
        assert rows['Dai "Bws" Ŷw'].email is None
        assert rows["Ann"].network_roles == ["connector", "salesperson"]
        assert all(p.status == ParticipantStatus.pre_registered for p in rows.values())
        assert all(p.workshop_id == scene.workshop.id for p in rows.values())

    async def test_byte_order_mark_and_crlf(self, db: Session, scene: Scene) -> None:
        data = "\ufeff" + GOOD.replace("\n", "\r\n")
        response = await _upload(scene, data.encode("utf-8"))
        assert response.status_code == 201, response.text
        assert count_participants(db) == 3

    async def test_columns_in_any_order_and_case(self, db: Session, scene: Scene) -> None:
        data = " Email ,Display_Name\nsiôn@example.org,Siôn\n\n,Ŵil\n"
        response = await _upload(scene, data.encode())
        assert response.status_code == 201, response.text
        assert [i["participant"]["display_name"] for i in response.json()["items"]] == [
            "Siôn",
            "Ŵil",
        ]

    async def test_perspectives_loosely_written_and_custom(self, db: Session, scene: Scene) -> None:
        db.add(CustomPerspective(organisation_id=scene.facilitator.organisation.id, key="carer"))
        db.commit()
        data = "display_name,perspective\nA,Lived experience\nB,carer\nC,Service-Provider\n"
        response = await _upload(scene, data.encode())
        assert response.status_code == 201, response.text
        got = [i["participant"]["perspective"] for i in response.json()["items"]]
        assert got == ["lived_experience", "carer", "service_provider"]

    async def test_claimed_with_the_issued_code(
        self, db: Session, scene: Scene, new_client: Callable[..., httpx.AsyncClient]
    ) -> None:
        item = (await _upload(scene, GOOD.encode())).json()["items"][1]
        response = await new_client().post(
            "/api/v1/rejoin",
            json={"join_code": scene.workshop.join_code, "recovery_code": item["recovery_code"]},
        )
        assert response.status_code == 200
        assert response.json()["participant"]["id"] == item["participant"]["id"]
        assert response.json()["participant"]["status"] == "joined"
        assert count_participants(db) == 3

    async def test_bad_rows_all_reported_nothing_written(self, db: Session, scene: Scene) -> None:
        make_participant(db, scene.workshop, email="taken@example.org")
        data = (
            "display_name,email,perspective,network_roles,access_needs\n"
            "Good Person,good@example.org,academic,,\n"  # row 2 is fine
            ",nobody@example.org,,,\n"  # row 3: no name
            "Bad Email,not-an-email,,,\n"  # row 4
            "Bad Perspective,,wizard,,\n"  # row 5
            "Bad Role,,,connector;boss,\n"  # row 6
            f"Long Needs,,,,{'x' * 1001}\n"  # row 7
            f"{'N' * 81},,,,\n"  # row 8
            "Taken,TAKEN@example.org,,,\n"  # row 9: already in the session
            "Twin A,twin@example.org,,,\n"  # row 10
            "Twin B,twin@example.org,,,\n"  # row 11: same as row 10
            "Too,many,cells,,,,\n"  # row 12
        )
        response = await _upload(scene, data.encode())
        assert_problem(response, 422, "csv_invalid")
        assert _errors(response) == [
            (3, "display_name"),
            (4, "email"),
            (5, "perspective"),
            (6, "network_roles"),
            (7, "access_needs"),
            (8, "display_name"),
            (9, "email"),
            (11, "email"),
            (12, None),
        ]
        assert all(e["message"] for e in response.json()["errors"])
        assert "row 10" in response.json()["errors"][7]["message"]
        assert count_participants(db) == 1

    async def test_wrong_header(self, db: Session, scene: Scene) -> None:
        for data, expected in [
            ("name,email\nAlex,a@example.org\n", [(1, "name"), (1, "display_name")]),
            ("display_name,emial\nAlex,a@example.org\n", [(1, "emial")]),
            ("display_name,email,email\nAlex,a,b\n", [(1, "email")]),
            ("Alex,a@example.org\n", [(1, "alex"), (1, "a@example.org"), (1, "display_name")]),
        ]:
            response = await _upload(scene, data.encode())
            assert_problem(response, 422, "csv_invalid")
            assert _errors(response) == expected, data
        assert count_participants(db) == 0

    async def test_empty_files(self, db: Session, scene: Scene) -> None:
        for data in [b"", b"\n\n", b"display_name\n", b"display_name\n,\n"]:
            response = await _upload(scene, data)
            assert_problem(response, 422, "csv_invalid")
        assert count_participants(db) == 0

    async def test_too_many_rows(self, db: Session, scene: Scene) -> None:
        data = "display_name\n" + "".join(f"Person {i}\n" for i in range(2001))
        response = await _upload(scene, data.encode())
        assert_problem(response, 422, "csv_invalid")
        assert "2,000" in response.json()["errors"][0]["message"]
        assert count_participants(db) == 0

    async def test_exactly_the_most_rows(self, db: Session, scene: Scene) -> None:
        data = "display_name\n" + "".join(f"Person {i}\n" for i in range(2000))
        response = await _upload(scene, data.encode(), dry_run="true")
        assert response.status_code == 200, response.text
        assert response.json()["count"] == 2000

    async def test_too_large(self, db: Session, scene: Scene) -> None:
        data = b"display_name,access_needs\n" + b"A," + b"x" * (1024 * 1024) + b"\n"
        assert_problem(await _upload(scene, data), 413, "csv_too_large")
        assert count_participants(db) == 0

    async def test_not_utf8(self, db: Session, scene: Scene) -> None:
        data = "display_name\nSiân\n".encode("latin-1")
        response = await _upload(scene, data)
        assert_problem(response, 422, "csv_invalid")
        assert _errors(response) == [(2, None)]
        assert count_participants(db) == 0

    async def test_not_csv(self, db: Session, scene: Scene) -> None:
        for headers in [{"Content-Type": "application/json"}, {}]:
            response = await scene.fclient.post(
                f"{scene.base}/import", content=b"display_name\nA\n", headers=headers
            )
            assert_problem(response, 415, "csv_media_type")
        nul = await _upload(scene, b"display_name,access_needs\nA\x00B,ok\nC,bad\x07bell\n")
        assert_problem(nul, 422, "csv_invalid")
        assert _errors(nul) == [(2, "display_name"), (3, "access_needs")]
        assert count_participants(db) == 0

    async def test_dry_run_writes_nothing(self, db: Session, scene: Scene) -> None:
        response = await _upload(scene, GOOD.encode(), dry_run="true")
        assert response.status_code == 200
        assert response.json() == {"dry_run": True, "count": 3, "items": []}
        assert count_participants(db) == 0
        bad = await _upload(scene, b"display_name,email\nA,nope\n", dry_run="true")
        assert_problem(bad, 422, "csv_invalid")
        assert_problem(await _upload(scene, GOOD.encode(), dry_run="maybe"), 422)
