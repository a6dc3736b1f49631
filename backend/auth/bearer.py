"""Reading `Authorization: Bearer <token>`; tokens carry a prefix that says what they are."""

from fastapi import Request

PAT_PREFIX = "cyd_pat"
PARTICIPANT_TOKEN_PREFIX = "cyd_pt"


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
