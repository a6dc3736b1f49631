"""How a table went from its ideas to one: the shortlist (with the tie-break applied), the run-off,
the average scores, how each round was closed, and whether the choice was the one its scores put
first (METHOD.md: "every count and every tie-break is visible")."""

import uuid
from collections import defaultdict

from backend.models import IdeaScore, ReductionStage, TableReduction, WorkshopTable
from backend.reduction.counting import default_choice
from backend.reduction.service import shortlisted_ids
from backend.reports.context import Context
from backend.reports.schemas import (
    ReportAverages,
    ReportChoice,
    ReportReduction,
    ReportRound,
    ReportRunoff,
    ReportRunoffCandidate,
    ReportScores,
    ReportShortlistPlace,
)

# As the table sees it: scores show from the scoring stage on (a table sent back keeps them).
UNSCORED = (ReductionStage.voting, ReductionStage.runoff)


def reduction_report(ctx: Context, table: WorkshopTable) -> ReportReduction:
    reduction = ctx.reductions.get(table.id) or TableReduction(
        workshop_id=table.workshop_id, table_id=table.id
    )
    by_idea: dict[uuid.UUID, list[IdeaScore]] = defaultdict(list)
    for score in ctx.scores.get(table.id, []):
        by_idea[score.idea_id].append(score)
    places = [(int(e["place"]), uuid.UUID(str(e["idea_id"])), e) for e in reduction.shortlist]
    return ReportReduction(
        stage=reduction.stage,
        shortlist=[
            ReportShortlistPlace(
                place=place,
                idea=ctx.ref(idea_id),
                dots=ctx.dots.get(idea_id, 0),
                decided_by=entry["decided_by"],
            )
            for place, idea_id, entry in places
        ],
        runoff=_runoff(ctx, reduction),
        scores=[]
        if reduction.stage in UNSCORED
        else [_scores(ctx, place, idea_id, by_idea[idea_id]) for place, idea_id, _ in places],
        rounds=[
            ReportRound(
                stage=c.stage,
                decided_by=c.decided_by,
                agreed=len(c.agreed_ids),
                present=c.present_count,
                closed_at=c.created_at,
            )
            for c in ctx.closures.get(table.id, [])
        ],
        choice=_choice(ctx, table, reduction, by_idea),
    )


def _runoff(ctx: Context, reduction: TableReduction) -> ReportRunoff | None:
    if not reduction.runoff_idea_ids:
        return None
    counts = {uuid.UUID(i): 0 for i in reduction.runoff_idea_ids}
    for vote in ctx.runoff_votes.get(reduction.table_id, []):
        if vote.idea_id in counts:
            counts[vote.idea_id] += 1
    return ReportRunoff(
        places=reduction.runoff_places,
        voters=sum(counts.values()),
        candidates=[
            ReportRunoffCandidate(idea=ctx.ref(i), dots=ctx.dots.get(i, 0), runoff_votes=n)
            for i, n in counts.items()
        ],
    )


def _overall(scores: list[IdeaScore]) -> int:
    return sum(s.desirability + s.feasibility + s.viability for s in scores)


def _scores(ctx: Context, place: int, idea_id: uuid.UUID, scores: list[IdeaScore]) -> ReportScores:
    average = None
    if scores:
        n = len(scores)
        average = ReportAverages(
            desirability=round(sum(s.desirability for s in scores) / n, 2),
            feasibility=round(sum(s.feasibility for s in scores) / n, 2),
            viability=round(sum(s.viability for s in scores) / n, 2),
            total=round(_overall(scores) / n, 2),
        )
    return ReportScores(
        place=place,
        idea=ctx.ref(idea_id),
        scorers=len(scores),
        average=average,
        overall=_overall(scores),
    )


def _choice(
    ctx: Context,
    table: WorkshopTable,
    reduction: TableReduction,
    by_idea: dict[uuid.UUID, list[IdeaScore]],
) -> ReportChoice | None:
    choice = ctx.choices.get(table.id)
    if choice is None:
        return None
    shortlist = shortlisted_ids(reduction)
    best = None
    known = all(i in ctx.every_idea for i in shortlist)
    if shortlist and known and any(by_idea.get(i) for i in shortlist):
        totals = {
            i: (_overall(by_idea.get(i, [])), sum(s.desirability for s in by_idea.get(i, [])))
            for i in shortlist
        }
        ages = {i: (ctx.every_idea[i].created_at, i) for i in shortlist}
        best = default_choice(shortlist, totals, ages) == choice.idea_id
    return ReportChoice(
        idea=ctx.ref(choice.idea_id),
        decided_by=choice.decided_by,
        decided_at=choice.created_at,
        best_scores=best,
    )
