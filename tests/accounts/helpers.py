"""Small helpers shared by the account and organisation tests."""

from typing import Any, TypeVar

import httpx
from sqlmodel import Session, func, select
from sqlmodel.sql.expression import SelectOfScalar

T = TypeVar("T")

FOREIGN = {"Origin": "https://evil.example"}


def rows(db: Session, stmt: SelectOfScalar[T]) -> list[T]:
    """What the database holds now (never stale objects from the session's identity map); the
    read transaction is ended at once, because on SQLite it would hold the app's write lock."""
    found = list(db.exec(stmt.execution_options(populate_existing=True)).all())
    db.commit()
    return found


def one(db: Session, stmt: Any) -> Any:
    """The single row (or column value) `stmt` selects, read fresh."""
    [found] = rows(db, stmt)
    return found


def count(db: Session, model: Any) -> int:
    return one(db, select(func.count()).select_from(model))


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    return body
