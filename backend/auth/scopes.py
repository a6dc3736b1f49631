"""Scopes a personal access token can carry. A signed-in browser holds all of them."""

SCOPES: dict[str, str] = {
    "sessions:read": "Read workshops (sessions), their phases and join codes",
    "sessions:write": "Create, edit, archive workshops and run their phases and timers",
    "participants:read": "Read participants, including private access needs",
    "participants:write": "Import, edit, remove participants and re-issue their rejoin codes",
    "tables:read": "Read tables and allocations",
    "tables:write": "Create tables, allocate and move people",
    "ideas:read": "Read ideas (hidden ones too), moderation, safeguarding flags and progress",
    "ideas:write": "Enter ideas for people, hide and unhide ideas, resolve safeguarding flags",
    "organisation:read": "Read the organisation, its members and perspectives",
    "organisation:write": "Invite members and manage the organisation's perspectives",
}

ALL_SCOPES: frozenset[str] = frozenset(SCOPES)
