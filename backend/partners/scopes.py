"""What a partner API key may read. Partner endpoints never return personal data about
participants, whatever the scopes: only what describes sessions, initiatives and outcomes."""

PARTNER_SCOPES: dict[str, str] = {
    "sessions:read": (
        "List the organisation's published sessions (title in English and Welsh, phase, dates) "
        "and read their results: idea counts, chosen ideas whose authors agreed to publishing, "
        "pitched barriers and asks (never participants, join codes or their names)"
    ),
    "initiatives:read": (
        "Read initiatives of published sessions: status, steward and action plan, stewards and "
        "action owners by role unless they agreed to be named"
    ),
    "outcomes:read": (
        "Read published outcome indicators and their measurements (about initiatives, not people)"
    ),
    "barriers:read": "Read the barriers that published pitches tagged, to see which ones recur",
}

TOKEN_PREFIX = "cyd_pk"
