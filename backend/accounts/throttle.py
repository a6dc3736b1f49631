"""Attempt limits for sign-in and password-reset requests.

Limits count per email address (guessing one account's password) and per client, where a
client is its address *and* its browser: many people behind one council's NAT share an IP and
must not lock each other out. A generous per-IP ceiling still stops one machine spraying.
Keys hold hashes, so that the counters never store an email address.
"""

from fastapi import Request

from backend.kit.ratelimit import Limit
from backend.kit.tokens import hash_token

WINDOW_SECONDS = 15 * 60
SIGNIN_PER_EMAIL = 10
SIGNIN_PER_CLIENT = 30
SIGNIN_PER_IP = 200
RESET_WINDOW_SECONDS = 60 * 60
RESET_PER_EMAIL = 5
RESET_PER_CLIENT = 20


def _ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _client(request: Request) -> str:
    return hash_token(f"{_ip(request)}|{request.headers.get('user-agent', '')}")[:32]


def _email(email: str) -> str:
    return hash_token(email)[:32]


def signin_limits(request: Request, email: str) -> tuple[Limit, ...]:
    return (
        Limit(f"signin:email:{_email(email)}", SIGNIN_PER_EMAIL, WINDOW_SECONDS),
        Limit(f"signin:client:{_client(request)}", SIGNIN_PER_CLIENT, WINDOW_SECONDS),
        Limit(f"signin:ip:{hash_token(_ip(request))[:32]}", SIGNIN_PER_IP, WINDOW_SECONDS),
    )


def reset_client_limit(request: Request) -> Limit:
    return Limit(f"reset:client:{_client(request)}", RESET_PER_CLIENT, RESET_WINDOW_SECONDS)


def reset_email_limit(email: str) -> Limit:
    return Limit(f"reset:email:{_email(email)}", RESET_PER_EMAIL, RESET_WINDOW_SECONDS)
