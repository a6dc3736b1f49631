"""The report's content, section by section, against a session that went all the way through."""

import json
from typing import Any

import httpx
import pytest
from sqlmodel import Session

from backend.models import SessionFeedback
from tests.factories.participants import make_participant
from tests.reports.scenario import (
    HIDDEN_TEXT,
    QUIET_IDEA,
    QUIET_QUESTION,
    Scenario,
    make_scenario,
)

Report = dict[str, Any]


@pytest.fixture
def scenario(db: Session, client: httpx.AsyncClient) -> Scenario:
    return make_scenario(db, client)


@pytest.fixture
async def report(scenario: Scenario, client: httpx.AsyncClient) -> Report:
    response = await client.get(scenario.url)
    assert response.status_code == 200, response.text
    body: Report = response.json()
    return body


def table(report: Report, number: int) -> Report:
    return next(t for t in report["tables"] if t["number"] == number)


def texts(ideas: list[Report]) -> list[str | None]:
    return [i["text"] for i in ideas]


class TestSession:
    def test_counts_and_rules(self, report: Report) -> None:
        session = report["session"]
        assert session["participant_count"] == 7  # the removed person is not counted
        assert session["table_count"] == 3
        assert session["idea_count"] == 10  # the hidden idea is not counted
        assert session["phase"] == "glue"
        rules = report["rules"]
        assert (rules["dot_budget"], rules["dot_cap"], rules["shortlist_size"]) == (5, 3, 3)
        assert rules["tie_break"] == "runoff"
        assert rules["tie_break_text"]["cy"]["lang"] == "cy"
        assert "run-off" in rules["tie_break_text"]["en"]["text"]

    def test_welsh_falls_back_to_english(self, report: Report) -> None:
        title = report["session"]["title"]
        assert title["en"] == {"text": "Better bus journeys", "lang": "en"}
        assert title["cy"] == {"text": "Better bus journeys", "lang": "en"}
        challenge = report["session"]["challenge"]
        assert challenge["en"]["lang"] == "en"
        assert challenge["cy"] == {
            "text": "Sut gallwn ni wneud i deithiau bws weithio i bawb?",
            "lang": "cy",
        }

    async def test_english_falls_back_to_welsh(
        self, db: Session, scenario: Scenario, client: httpx.AsyncClient
    ) -> None:
        w = scenario.room.workshop
        w.title_en, w.title_cy, w.challenge_en, w.challenge_cy = None, "Teithiau gwell", None, None
        db.add(w)
        db.commit()
        session = (await client.get(scenario.url)).json()["session"]
        assert session["title"]["en"] == {"text": "Teithiau gwell", "lang": "cy"}
        assert session["challenge"]["cy"] == {"text": None, "lang": None}


class TestTable:
    def test_perspective_mix_without_names(self, report: Report) -> None:
        first = table(report, 1)
        assert first["member_count"] == 5
        mix = [(p["perspective"], p["count"]) for p in first["perspectives"]]
        assert mix == [
            ("lived_experience", 2),
            ("service_provider", 1),
            ("academic", 1),
            ("carer", 1),
        ]
        carer = first["perspectives"][3]["custom_label"]
        assert (carer["en"]["text"], carer["cy"]["text"]) == ("Carer", "Gofalwr")
        assert [(p["perspective"], p["count"]) for p in table(report, 2)["perspectives"]] == [
            ("policy", 1),
            (None, 1),
        ]

    def test_themes_and_ideas(self, report: Report, scenario: Scenario) -> None:
        first = table(report, 1)
        assert first["themes"] == [
            {"name": "Travel", "idea_count": 2},
            {"name": "Information", "idea_count": 0},
        ]
        ideas = first["ideas"]
        assert [i["number"] for i in ideas] == list(range(1, 8))
        assert texts(ideas) == [
            "A bus buddy scheme",
            None,
            "A night bus on Fridays",
            "Print the timetables",
            "Timetables at the stops",
            "Printed timetables at every stop",
            "A night bus for shift workers",
        ]
        assert [i["dots"] for i in ideas] == [3, 2, 2, 0, 0, 0, 2]
        assert [i["voters"] for i in ideas] == [2, 1, 1, 0, 0, 0, 1]
        assert ideas[0]["theme"] == "Travel" and ideas[2]["source"] == "paper"

    def test_lineage(self, report: Report, scenario: Scenario) -> None:
        ideas = table(report, 1)["ideas"]
        merged = ideas[5]
        assert {(p["table_number"], p["number"]) for p in merged["parents"]} == {(1, 4), (1, 5)}
        assert [i["status"] for i in ideas[3:5]] == ["combined", "combined"]
        assert ideas[3]["combined_into"] == [
            {"id": str(scenario.ideas["timetables"].id), "table_number": 1, "number": 6}
        ]
        assert ideas[6]["repurposed_from"]["number"] == 3
        # The cross-table combination's new idea lives at the proposing table.
        community = table(report, 2)["ideas"][2]
        assert community["source"] == "combined"
        assert {(p["table_number"], p["number"]) for p in community["parents"]} == {(1, 3), (2, 1)}
        assert {(c["table_number"], c["number"]) for c in ideas[2]["combined_into"]} == {(2, 3)}

    def test_withheld_words(self, report: Report, scenario: Scenario) -> None:
        quiet = table(report, 1)["ideas"][1]
        assert quiet == quiet | {"text": None, "withheld": True, "theme": "Travel", "dots": 2}
        assert quiet["id"] == str(scenario.ideas["quiet"].id)
        assert QUIET_IDEA not in json.dumps(report)

    def test_empty_table(self, report: Report) -> None:
        empty = table(report, 3)
        assert empty["member_count"] == 0 and empty["ideas"] == [] and empty["pitches"] == []
        assert empty["storyboard"] is None
        assert empty["reduction"] == {
            "stage": "voting",
            "shortlist": [],
            "runoff": None,
            "scores": [],
            "rounds": [],
            "choice": None,
        }


class TestReduction:
    def test_shortlist_with_the_runoff(self, report: Report) -> None:
        reduction = table(report, 1)["reduction"]
        shortlist = [
            (e["place"], e["idea"]["number"], e["dots"], e["decided_by"])
            for e in reduction["shortlist"]
        ]
        assert shortlist == [(1, 1, 3, "votes"), (2, 2, 2, "runoff"), (3, 3, 2, "runoff")]
        assert reduction["shortlist"][1]["idea"]["withheld"] is True
        runoff = reduction["runoff"]
        assert (runoff["places"], runoff["voters"]) == (2, 3)
        assert [(c["idea"]["number"], c["runoff_votes"]) for c in runoff["candidates"]] == [
            (2, 2),
            (3, 1),
            (7, 0),  # its vote in an earlier run-off does not count
        ]

    def test_average_scores(self, report: Report) -> None:
        scores = table(report, 1)["reduction"]["scores"]
        assert [(s["place"], s["scorers"], s["overall"]) for s in scores] == [
            (1, 2, 24),
            (2, 2, 18),
            (3, 1, 15),
        ]
        assert scores[0]["average"] == {
            "desirability": 4.5,
            "feasibility": 4.0,
            "viability": 3.5,
            "total": 12.0,
        }

    def test_facilitator_closed_choice_is_recorded(self, report: Report) -> None:
        reduction = table(report, 1)["reduction"]
        rounds = [
            (r["stage"], r["decided_by"], r["agreed"], r["present"]) for r in reduction["rounds"]
        ]
        # The reopened closure is not part of the record any more.
        assert rounds == [
            ("voting", "majority", 3, 5),
            ("runoff", "majority", 3, 5),
            ("scoring", "majority", 4, 5),
            ("choosing", "facilitator", 0, 4),
        ]
        choice = reduction["choice"]
        assert choice["decided_by"] == "facilitator"
        assert choice["idea"]["text"] == "A night bus on Fridays"
        assert choice["best_scores"] is False  # the bus buddy had the best total

    def test_majority_choice_of_the_best_scores(self, report: Report) -> None:
        choice = table(report, 2)["reduction"]["choice"]
        assert (choice["decided_by"], choice["best_scores"]) == ("majority", True)
        assert choice["idea"]["text"] == "A community minibus"


class TestStoryboardAndPitch:
    def test_storyboard_with_its_picture(self, report: Report, scenario: Scenario) -> None:
        board = table(report, 2)["storyboard"]
        assert board["idea"]["text"] == "A community minibus"
        assert (board["frame_count"], board["words_withheld"]) == (2, False)
        first, second = board["frames"]
        assert first == {
            "position": 1,
            "title": "Hear about it",
            "what_happens": "A poster at the surgery",
            "who": "Receptionist",
            "where": "Surgery",
            "picture": None,
        }
        assert second["picture"] == {
            "url": f"/api/v1/images/{scenario.image.id}",
            "alt": "A minibus outside the chapel",
            "width": 64,
            "height": 48,
        }

    def test_table_words_withheld_like_publishing(self, report: Report) -> None:
        """Someone at table 1 keeps their words private: its storyboard and pitch are the
        table's shared words, so only what is not words shows."""
        first = table(report, 1)
        assert first["storyboard"] | {"idea": None} == {
            "idea": None,
            "frame_count": 1,
            "words_withheld": True,
            "frames": [],
        }
        (pitch,) = first["pitches"]
        assert pitch == pitch | {
            "what": None,
            "why": None,
            "words_withheld": True,
            "barrier_tags": ["engrained_systems"],
            "barriers_other": [],
            "other_barrier_count": 1,
            "asks": [{"capital": "financial", "note": None}],
        }
        assert "Night buses for people on shifts" not in json.dumps(report)

    def test_pitch_and_responses(self, report: Report) -> None:
        (pitch,) = table(report, 2)["pitches"]
        assert (pitch["what"], pitch["why"]) == (
            "A minibus run by the community",
            "The valley has no Sunday bus",
        )
        assert pitch["barrier_tags"] == ["waiting_for_permission", "hard_work"]
        assert pitch["barriers_other"] == ["Insurance"]
        assert pitch["asks"] == [
            {"capital": "social", "note": "Introductions to drivers"},
            {"capital": "physical", "note": None},
        ]
        offer, question, suggestion = pitch["responses"]
        assert offer == offer | {
            "kind": "offer",
            "from_table": {"number": 1, "name": "Glas"},
            "body": "We can lend our chapel's minibus",
            "capitals": ["social", "physical"],
            "reply": "Diolch! We will call you",
            "by_facilitator": False,
        }
        assert question == question | {"kind": "question", "body": None, "withheld": True}
        assert QUIET_QUESTION not in json.dumps(report)
        assert suggestion == suggestion | {
            "kind": "suggestion",
            "from_table": {"number": 3, "name": None},
            "by_facilitator": True,
            "withheld": False,
        }


class TestForward:
    def test_combinations(self, report: Report, scenario: Scenario) -> None:
        declined, accepted = report["combinations"]
        assert declined == declined | {
            "proposer": {"number": 1, "name": "Glas"},
            "receiver": {"number": 2, "name": None},
            "text": "A night bus app",
            "status": "declined",
            "decided_by": "facilitator",
            "combined_idea": None,
        }
        assert accepted["status"] == "accepted" and accepted["decided_by"] == "majority"
        assert accepted["proposer_idea"]["text"] == "A community minibus"
        assert accepted["receiver_idea"]["text"] == "A night bus on Fridays"
        assert accepted["combined_idea"] == {
            "id": str(scenario.ideas["community"].id),
            "table_number": 2,
            "number": 3,
        }

    def test_initiatives_and_stewards(self, report: Report) -> None:
        forward, private = report["initiatives"]
        assert forward == forward | {
            "title": "Community night minibus",
            "summary": "Run by volunteers from the chapel",
            "words_withheld": False,
            "status": "active",
            "table": {"number": 2, "name": None},
        }
        assert forward["steward"] == {
            "kind": "committee",
            "name": "Bus forum",
            "members": [
                {"label": "Siân Jones", "role": "Chair of the forum", "named": True},
                {"label": "Bus driver", "role": "Bus driver", "named": False},
            ],
        }
        # Its title started as the words of someone who keeps them private.
        assert private == private | {"title": None, "summary": None, "words_withheld": True}
        assert private["steward"] == {"kind": "person", "name": None, "members": []}

    async def test_feedback_suppressed_under_five(
        self, report: Report, db: Session, scenario: Scenario, client: httpx.AsyncClient
    ) -> None:
        feedback = report["feedback"]
        assert (feedback["response_count"], feedback["suppressed"]) == (4, True)
        assert feedback["comments"] is None
        assert [q["mean"] for q in feedback["questions"]] == [None, None, None]
        fifth = make_participant(db, scenario.room.workshop, display_name="Fifth")
        db.add(
            SessionFeedback(
                workshop_id=scenario.room.workshop.id,
                participant_id=fifth.id,
                felt_heard=2,
                felt_equal=5,
                trusted_process=3,
            )
        )
        db.commit()
        feedback = (await client.get(scenario.url)).json()["feedback"]
        assert (feedback["response_count"], feedback["suppressed"]) == (5, False)
        assert [q["mean"] for q in feedback["questions"]] == [3.6, 5.0, 3.0]


class TestPrivacy:
    def test_no_names_no_people_no_hidden_ideas(self, report: Report, scenario: Scenario) -> None:
        document = json.dumps(report, ensure_ascii=False)
        for name in scenario.names:
            assert name not in document
        for person in scenario.people.values():
            assert str(person.id) not in document
        assert HIDDEN_TEXT not in document
        assert str(scenario.ideas["hidden"].id) not in document
        assert str(scenario.room.facilitator.user.id) not in document
