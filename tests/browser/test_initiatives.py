"""Glue in the browser: a facilitator takes a table's chosen idea forward, sets a committee as
steward with a member, adds an action and copies the member's invitation link; in a second
browser the member creates an account through the link and records an update on the action.
The initiative page and the accept page are axe-clean in English and Welsh."""

import json
import re
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect
from sqlalchemy import update
from sqlmodel import Session, create_engine

from backend.config import PROJECT_ROOT
from backend.models import DecidedBy, Idea, Phase, TableChoice, Workshop, WorkshopTable
from tests.browser.axe import assert_accessible
from tests.browser.helpers import PASSWORD, api_create_session, api_sign_up, switch_language

AREA = PROJECT_ROOT / "frontend" / "src" / "i18n" / "areas"
IDEA = "A community bus that stops where people ask"


@cache
def _strings(lang: str) -> dict[str, Any]:
    return dict(json.loads((AREA / f"initiatives.{lang}.json").read_text(encoding="utf-8")))


def t(lang: str, key: str, **values: object) -> str:
    node: Any = _strings(lang)["initiatives"]
    for part in key.split("."):
        node = node[part]
    for name, value in values.items():
        node = node.replace("{{" + name + "}}", str(value))
    return str(node)


def _arrange_choice(data_dir: Path, session_id: str) -> None:
    """Table 1 chose IDEA, and the session is in its glue phase (written to the server's DB)."""
    engine = create_engine(f"sqlite:///{data_dir / 'cyd.sqlite3'}")
    workshop_id = uuid.UUID(session_id)
    with Session(engine) as db:
        table = WorkshopTable(workshop_id=workshop_id, number=1)
        db.add(table)
        db.flush()
        idea = Idea(workshop_id=workshop_id, table_id=table.id, text=IDEA)
        db.add(idea)
        db.flush()
        db.add(
            TableChoice(
                workshop_id=workshop_id,
                table_id=table.id,
                idea_id=idea.id,
                decided_by=DecidedBy.majority,
            )
        )
        db.exec(  # type: ignore[call-overload]
            update(Workshop).where(Workshop.id == workshop_id).values(phase=Phase.glue)  # type: ignore[arg-type]
        )
        db.commit()
    engine.dispose()


def _take_forward_and_set_steward(page: Page, session_id: str) -> str:
    page.goto(f"/sessions/{session_id}/initiatives")
    page.get_by_role(
        "button", name=t("en", "takeForwardFor", table=t("en", "tableNumber", number=1))
    ).click()
    page.get_by_role("link", name=t("en", "openInitiative")).click()
    expect(page.get_by_role("heading", level=1, name=IDEA)).to_be_visible()

    page.get_by_text(t("en", "chooseSteward")).click()
    page.get_by_label(t("en", "fieldKind")).select_option("committee")
    page.get_by_label(t("en", "fieldStewardName"), exact=True).fill("Bus users' committee")
    page.get_by_role("button", name=t("en", "saveSteward")).click()
    expect(page.get_by_text("Bus users' committee")).to_be_visible()

    page.get_by_text(t("en", "addMember")).click()
    member = page.locator("#member-display_name")
    member.fill("Siân Steward")
    page.locator("#member-role_label").fill("Chair")
    page.get_by_role("checkbox", name=t("en", "fieldNamed")).check()
    page.get_by_role("button", name=t("en", "addMemberSubmit")).click()
    expect(page.get_by_text("Siân Steward")).to_be_visible()

    page.get_by_text(t("en", "addAction")).click()
    page.get_by_label(t("en", "fieldActionTitle")).fill("Ask the council for a minibus")
    page.get_by_label(t("en", "fieldOwnerRole")).fill("Transport officer")
    page.get_by_label(t("en", "fieldDue")).fill("2030-03-31")
    page.get_by_role("button", name=t("en", "addActionSubmit")).click()
    expect(
        page.get_by_role("heading", level=3, name="Ask the council for a minibus")
    ).to_be_visible()

    page.get_by_role("button", name=t("en", "inviteFor", name="Siân Steward")).click()
    link_box = page.get_by_role("textbox", name=t("en", "linkLabel"))
    expect(link_box).to_have_value(re.compile(r"/steward-invitation#cyd_stw_"))
    link = link_box.input_value()
    assert "/steward-invitation#cyd_stw_" in link
    return link


def test_take_forward_steward_and_action_update(
    new_context,
    base_url: str,
    server_data_dir: Path,  # type: ignore[no-untyped-def]
) -> None:
    facilitator = new_context(phone=False)
    account = api_sign_up(facilitator, base_url)
    organisation_id = account["memberships"][0]["organisation_id"]
    session = api_create_session(
        facilitator, base_url, organisation_id, title_en="Valley buses", title_cy="Bysiau'r cwm"
    )
    _arrange_choice(server_data_dir, session["id"])
    page = facilitator.new_page()
    link = _take_forward_and_set_steward(page, session["id"])
    assert_accessible(page, "initiative page (en)")
    switch_language(page, "cy")
    expect(page.get_by_role("heading", level=2, name=t("cy", "planTitle"))).to_be_visible()
    assert_accessible(page, "initiative page (cy)")

    steward = new_context().new_page()
    steward.goto(link)
    expect(steward.get_by_role("heading", level=1, name=t("en", "acceptTitle"))).to_be_visible()
    assert "#" not in steward.url
    assert_accessible(steward, "steward invitation (en)")
    switch_language(steward, "cy")
    expect(steward.get_by_role("heading", level=1, name=t("cy", "acceptTitle"))).to_be_visible()
    assert_accessible(steward, "steward invitation (cy)")

    steward.get_by_label(t("cy", "acceptName")).fill("Siân Steward")
    steward.get_by_label(t("cy", "acceptEmail")).fill(f"sian-{uuid.uuid4().hex[:8]}@example.org")
    steward.get_by_label(t("cy", "acceptPassword")).fill(PASSWORD)
    steward.get_by_role("button", name=t("cy", "acceptCreateSubmit")).click()
    expect(steward.get_by_role("heading", level=1, name=IDEA)).to_be_visible()

    action = "Ask the council for a minibus"
    steward.get_by_role("combobox", name=t("cy", "fieldNewStatus")).select_option("doing")
    steward.get_by_role("textbox", name=t("cy", "fieldNote")).fill("Emailed the transport team")
    steward.get_by_role("button", name=t("cy", "addUpdateFor", title=action)).click()
    expect(steward.get_by_text(t("cy", "actionStatus.doing"), exact=True).first).to_be_visible()
    steward.get_by_text(t("cy", "history")).click()
    expect(steward.get_by_text("Emailed the transport team")).to_be_visible()
    expect(steward.get_by_text("Siân Steward").first).to_be_visible()

    page.reload()
    expect(page.get_by_text(t("cy", "linked"))).to_be_visible()
    page.goto("/initiatives")
    expect(page.get_by_role("link", name=IDEA)).to_be_visible()
