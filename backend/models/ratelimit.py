"""Fixed-window counters in the database: shared by every app process without Redis."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.kit.types import UTCDateTime


class RateCounter(SQLModel, table=True):
    key: str = Field(primary_key=True, max_length=200)
    window_start: datetime = Field(sa_type=UTCDateTime, nullable=False)
    count: int = 0
