"""Outside the organisation, people appear by role unless they agreed to be named."""

import uuid

from backend.initiatives.disclosure import action_owner_label, steward_member_label
from backend.models import InitiativeAction, StewardMember


def member(agreed: bool) -> StewardMember:
    return StewardMember(
        steward_id=uuid.uuid4(),
        initiative_id=uuid.uuid4(),
        display_name="Siân Jones",
        role_label="Chair",
        agreed_to_be_named=agreed,
    )


def action(name: str | None, agreed: bool) -> InitiativeAction:
    return InitiativeAction(
        initiative_id=uuid.uuid4(),
        title="Book the hall",
        owner_role="Tenant representative",
        owner_name=name,
        owner_agreed_to_be_named=agreed,
    )


def test_steward_member_by_role_unless_agreed() -> None:
    assert steward_member_label(member(False)) == "Chair"
    assert steward_member_label(member(True)) == "Siân Jones"


def test_action_owner_by_role_unless_agreed_and_named() -> None:
    assert action_owner_label(action("Gwyn", False)) == "Tenant representative"
    assert action_owner_label(action(None, True)) == "Tenant representative"
    assert action_owner_label(action("Gwyn", True)) == "Gwyn (Tenant representative)"
