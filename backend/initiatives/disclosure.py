"""How stewards and action owners appear outside the organisation (partner keys, webhooks, public
pages): by their role, and by name only when they agreed to be named."""

from backend.models import InitiativeAction, StewardMember


def steward_member_label(member: StewardMember) -> str:
    return member.display_name if member.agreed_to_be_named else member.role_label


def action_owner_label(action: InitiativeAction) -> str:
    if action.owner_agreed_to_be_named and action.owner_name:
        return f"{action.owner_name} ({action.owner_role})"
    return action.owner_role
