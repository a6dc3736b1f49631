"""Outcomes and feedback in the browser: a facilitator adds an outcome indicator and a
measurement and sees the chart, its words and its table; a participant gives feedback on the
session; the facilitator sees the (still suppressed) summary. axe-clean in English and Welsh,
on a phone."""

import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import update
from sqlmodel import Session, create_engine

from backend.config import PROJECT_ROOT
from backend.models import Initiative, Participant, Phase, SessionFeedback, Workshop
from tests.browser.axe import assert_accessible
from tests.browser.helpers import api_create_session, api_join, api_sign_up, switch_language

AREAS = PROJECT_ROOT / "frontend" / "src" / "i18n" / "areas"


@cache
def _area(area: str, lang: str) -> dict[str, Any]:
    return dict(json.loads((AREAS / f"{area}.{lang}.json").read_text(encoding="utf-8")))


def t(lang: str, key: str, **values: object) -> str:
    """A string of the outcomes or feedback area in `lang`, placeholders filled in."""
    node: Any = _area(key.split(".")[0], lang)
    for part in key.split("."):
        node = node[part]
    for name, value in values.items():
        node = node.replace("{{" + name + "}}", str(value))
    return str(node)


def _arrange(data_dir: Path, organisation_id: str, session_id: str) -> str:
    """An initiative of the session (as the glue phase makes), the session in its outcomes
    phase; written to the server's database. Returns the initiative id."""
    engine = create_engine(f"sqlite:///{data_dir / 'cyd.sqlite3'}")
    with Session(engine) as db:
        initiative = Initiative(
            organisation_id=uuid.UUID(organisation_id),
            workshop_id=uuid.UUID(session_id),
            title="Sunday buses",
        )
        db.add(initiative)
        db.exec(  # type: ignore[call-overload]
            update(Workshop)
            .where(Workshop.id == uuid.UUID(session_id))  # type: ignore[arg-type]
            .values(phase=Phase.outcomes)
        )
        db.commit()
        initiative_id = str(initiative.id)
    engine.dispose()
    return initiative_id


def _more_feedback(data_dir: Path, session_id: str, count: int) -> None:
    """Other participants' feedback, written to the server's database."""
    engine = create_engine(f"sqlite:///{data_dir / 'cyd.sqlite3'}")
    with Session(engine) as db:
        for i in range(count):
            person = Participant(workshop_id=uuid.UUID(session_id), display_name=f"Person {i}")
            db.add(person)
            db.flush()
            db.add(
                SessionFeedback(
                    workshop_id=person.workshop_id,
                    participant_id=person.id,
                    felt_heard=5,
                    felt_equal=4,
                    trusted_process=i % 5 + 1,
                    comment=f"Comment {i}" if i % 2 else None,
                )
            )
        db.commit()
    engine.dispose()


def _add_indicator_and_measurement(page: Page, lang: str) -> None:
    page.get_by_role("button", name=t(lang, "outcomes.section.add")).click()
    page.get_by_label(t(lang, "outcomes.form.name")).fill(
        "Pobl sy'n teimlo'n ddiogel / People who feel safe"
    )
    page.get_by_label(t(lang, "outcomes.form.unit")).select_option("percent")
    page.get_by_role("radio", name=t(lang, "outcomes.directions.increase")).check()
    page.get_by_label(t(lang, "outcomes.form.baselineValue")).fill("40")
    page.get_by_label(t(lang, "outcomes.form.baselineDate")).fill("2024-01-01")
    page.get_by_label(t(lang, "outcomes.form.targetValue")).fill("80")
    page.get_by_label(t(lang, "outcomes.form.targetDate")).fill("2027-01-01")
    page.get_by_role("button", name=t(lang, "outcomes.form.add")).click()
    expect(page.get_by_text(t(lang, "outcomes.saved.indicator"))).to_be_attached()
    indicator = page.get_by_test_id("indicator")
    expect(indicator.get_by_role("heading", level=3)).to_contain_text("People who feel safe")
    expect(indicator.get_by_test_id("outcome-summary")).to_contain_text(
        t(lang, "outcomes.summary.noMeasurements")
    )

    indicator.get_by_role("button", name=t(lang, "outcomes.card.addMeasurement")).click()
    value = page.get_by_label(
        t(lang, "outcomes.measure.value", unit=t(lang, "outcomes.units.percent"))
    )
    value.fill("56.8")
    page.get_by_label(t(lang, "outcomes.measure.date")).fill("2025-06-01")
    page.get_by_label(t(lang, "outcomes.measure.source")).fill("Arolwg teithwyr / Passenger survey")
    page.get_by_role("button", name=t(lang, "outcomes.measure.save")).click()
    expect(page.get_by_text(t(lang, "outcomes.saved.measurement"))).to_be_attached()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_outcomes_and_feedback(
    new_context, base_url: str, server_data_dir: Path, lang: str
) -> None:  # type: ignore[no-untyped-def]
    facilitator = new_context(phone=True)
    me = api_sign_up(facilitator, base_url)
    org = me["memberships"][0]["organisation_id"]
    session = api_create_session(facilitator, base_url, org, title_en="Buses", title_cy="Bysiau")
    participant = new_context(phone=True)
    api_join(participant, base_url, session["join_code"], "Gwenllïan")
    initiative_id = _arrange(server_data_dir, org, session["id"])

    page = facilitator.new_page()
    page.goto(f"/initiatives/{initiative_id}/outcomes")
    switch_language(page, lang)
    expect(
        page.get_by_role("heading", level=1, name=t(lang, "outcomes.page.title"))
    ).to_be_visible()
    expect(page.get_by_text(t(lang, "outcomes.section.none"))).to_be_visible()
    assert_accessible(page, f"outcomes, empty ({lang})")

    _add_indicator_and_measurement(page, lang)
    chart = page.get_by_role(
        "img",
        name=t(
            lang, "outcomes.chart.title", name="Pobl sy'n teimlo'n ddiogel / People who feel safe"
        ),
    )
    expect(chart).to_be_visible()
    summary = page.get_by_test_id("outcome-summary")
    expect(summary).to_contain_text(t(lang, "outcomes.summary.partway", percent=42))
    page.get_by_text(t(lang, "outcomes.chart.tableToggle")).click()
    table = page.get_by_test_id("outcome-table")
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(4)  # header, baseline, measurement, target
    expect(table).to_contain_text("Passenger survey")
    assert_accessible(page, f"outcomes, with a chart and its table ({lang})")

    page.get_by_role("button", name=t(lang, "outcomes.card.addMeasurement")).click()
    page.get_by_role("button", name=t(lang, "outcomes.measure.save")).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, f"outcomes, measurement form with errors ({lang})")

    me_page = participant.new_page()
    me_page.goto("/me/now")
    switch_language(me_page, lang)
    expect(me_page.get_by_role("heading", level=1, name=t(lang, "feedback.title"))).to_be_visible()
    assert_accessible(me_page, f"feedback form ({lang})")
    for question, score in (("felt_heard", "4"), ("felt_equal", "2"), ("trusted_process", "3")):
        group = me_page.get_by_role("group", name=t(lang, f"feedback.questions.{question}"))
        group.get_by_role("radio", name=score, exact=True).check()
    me_page.get_by_label(t(lang, "feedback.comment")).fill("Diolch / Thank you")
    me_page.get_by_role("button", name=t(lang, "feedback.send")).click()
    expect(me_page.get_by_text(t(lang, "feedback.thanks"))).to_be_visible()
    assert_accessible(me_page, f"feedback given ({lang})")

    page.goto(f"/sessions/{session['id']}/feedback")
    results = page.get_by_test_id("feedback-summary")
    expect(results).to_contain_text(t(lang, "feedback.summary.heading"))
    expect(results).not_to_contain_text("Diolch")
    assert_accessible(page, f"feedback summary, suppressed ({lang})")

    _more_feedback(server_data_dir, session["id"], 4)
    page.reload()
    expect(results.get_by_role("table")).to_have_count(3)
    expect(results).to_contain_text("Diolch / Thank you")
    expect(results).to_contain_text("Comment 1")
    assert_accessible(page, f"feedback summary, five responses ({lang})")
