"""Accounts with a real (argon2) password, for the sign-in and reset tests."""

import pytest
from sqlmodel import Session

from backend.accounts.passwords import hash_password
from tests.factories.accounts import FacilitatorCtx, make_facilitator

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture
def account(db: Session, password_hash: str) -> FacilitatorCtx:
    return make_facilitator(db, email="ffion@example.org", password_hash=password_hash)
