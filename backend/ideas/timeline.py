"""Ideas over time: counts per time bucket and table, in one grouped query.

The bucket is the creation time in whole seconds since 1970 divided by the bucket's length.
SQLite and PostgreSQL spell "seconds since 1970" differently, so `epoch_seconds` compiles to
each one's own expression.
"""

import uuid
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, func, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select

from backend.ideas.repository import counted
from backend.ideas.schemas import IdeaTimeline, TableCount, TimelineBucket
from backend.models import Idea, Workshop


class epoch_seconds(FunctionElement[int]):
    type = BigInteger()
    inherit_cache = True


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(epoch_seconds, "postgresql")
def _epoch_postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


def idea_timeline(db: Session, workshop: Workshop, *, bucket_minutes: int) -> IdeaTimeline:
    seconds = bucket_minutes * 60
    # A literal, not a bound parameter: PostgreSQL must see the same expression in GROUP BY.
    bucket = (epoch_seconds(col(Idea.created_at)) // literal_column(str(int(seconds)))).label(
        "bucket"
    )
    rows = db.exec(
        select(bucket, col(Idea.table_id), func.count())
        .where(*counted(workshop.id))
        .group_by(bucket, col(Idea.table_id))
        .order_by(bucket, col(Idea.table_id))
    ).all()
    by_bucket: dict[int, list[TableCount]] = defaultdict(list)
    for number, table_id, ideas in rows:
        by_bucket[int(number)].append(TableCount(table_id=uuid.UUID(str(table_id)), ideas=ideas))
    buckets = [
        TimelineBucket(
            start=datetime.fromtimestamp(number * seconds, UTC),
            ideas=sum(t.ideas for t in tables),
            tables=tables,
        )
        for number, tables in sorted(by_bucket.items())
    ]
    return IdeaTimeline(
        bucket_minutes=bucket_minutes, buckets=buckets, total=sum(b.ideas for b in buckets)
    )
