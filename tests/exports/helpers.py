"""Shared checks of the export tests."""

from typing import Any

from fastapi import FastAPI
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel


def row_counts(app: FastAPI) -> dict[str, int]:
    """Rows per table, to show an export wrote nothing."""
    with Session(app.state.engine) as fresh:
        return {
            name: fresh.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in SQLModel.metadata.tables.items()
        }


def ideas_by_id(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {idea["id"]: idea for table in body["tables"] for idea in table["ideas"]}
