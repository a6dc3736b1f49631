"""The table's reduction as its members (and facilitators) see it: every count, every tie-break."""

import uuid

from sqlmodel import Session

from backend.models import (
    DotVote,
    IdeaScore,
    IdeaStatus,
    Participant,
    Phase,
    ReductionStage,
    TableReduction,
    Workshop,
    WorkshopTable,
)
from backend.reduction import repository as repo
from backend.reduction.presence import majority_needed, present_members
from backend.reduction.schemas import (
    AgreementPublic,
    ChoicePublic,
    ClosurePublic,
    IdeaScores,
    MemberPublic,
    MemberScore,
    MyReduction,
    ProposalPublic,
    ReductionState,
    RunoffEntry,
    RunoffPublic,
    ShortlistEntry,
    TallyEntry,
)
from backend.reduction.service import runoff_counts, shortlisted_ids, totals
from backend.reduction.settings import settings_public

AGREEABLE = (
    ReductionStage.voting,
    ReductionStage.runoff,
    ReductionStage.scoring,
    ReductionStage.choosing,
)


def reduction_state(
    db: Session, workshop: Workshop, table: WorkshopTable, me: Participant | None
) -> ReductionState:
    reduction = repo.reduction_of(db, table.id) or TableReduction(
        workshop_id=workshop.id, table_id=table.id
    )
    settings = settings_public(db, workshop)
    members, present = present_members(db, table, acting=me.id if me else None)
    names = {m.id: m.display_name for m in members}
    votes = repo.table_votes(db, table.id)
    dots, voters = repo.dots_by_idea(votes)
    ideas = repo.active_ideas(db, table.id)
    short_ids = shortlisted_ids(reduction)
    # Shortlisted ideas may since have been combined (their text still shows) or hidden by a
    # facilitator (their text does not).
    texts = {i.id: i.text for i in ideas} | {
        i.id: i.text
        for i in repo.ideas_by_id(db, table.id, short_ids).values()
        if i.status != IdeaStatus.hidden
    }
    tally = sorted(
        (
            TallyEntry(
                idea_id=i.id,
                text=i.text,
                created_at=i.created_at,
                dots=dots.get(i.id, 0),
                voters=voters.get(i.id, 0),
            )
            for i in ideas
        ),
        key=lambda t: (-t.dots, t.created_at, str(t.idea_id)),
    )
    shortlist = [
        ShortlistEntry(
            place=int(e["place"]),
            idea_id=uuid.UUID(str(e["idea_id"])),
            text=texts.get(uuid.UUID(str(e["idea_id"])), ""),
            dots=dots.get(uuid.UUID(str(e["idea_id"])), 0),
            decided_by=e["decided_by"],
        )
        for e in reduction.shortlist
    ]
    agreement = _agreement(db, reduction, present)
    return ReductionState(
        table_id=table.id,
        phase_open=workshop.phase == Phase.reduce,
        stage=reduction.stage,
        settings=settings,
        me=_mine(db, reduction, me, votes, settings.dot_budget, agreement) if me else None,
        members=[
            MemberPublic(participant_id=m.id, display_name=m.display_name, present=m.id in present)
            for m in members
        ],
        tally=tally,
        runoff=_runoff(db, reduction, dots, texts),
        shortlist=shortlist,
        scores=_scores(db, reduction, shortlist, names),
        proposal=_proposal(reduction, agreement, texts),
        agreement=agreement,
        closures=_closures(db, table),
        choice=_choice(db, table, texts),
    )


def _mine(
    db: Session,
    reduction: TableReduction,
    me: Participant,
    votes: list[DotVote],
    budget: int,
    agreement: AgreementPublic | None,
) -> MyReduction:
    mine = {str(v.idea_id): v.dots for v in votes if v.participant_id == me.id}
    used = sum(mine.values())
    runoff_vote = None
    if reduction.runoff_idea_ids:
        runoff_vote = next(
            (
                v.idea_id
                for v in repo.runoff_votes(db, reduction.table_id, reduction.runoff_number)
                if v.participant_id == me.id
            ),
            None,
        )
    return MyReduction(
        participant_id=me.id,
        dots_used=used,
        dots_left=max(budget - used, 0),
        votes=mine,
        runoff_vote=runoff_vote,
        agreed=agreement is not None and me.id in agreement.agreed_by,
    )


def _agreement(
    db: Session, reduction: TableReduction, present: set[uuid.UUID]
) -> AgreementPublic | None:
    if reduction.stage not in AGREEABLE:
        return None
    agreed = [a.participant_id for a in repo.agreements(db, reduction.table_id, reduction.stage)]
    return AgreementPublic(
        stage=reduction.stage,
        agreed_by=agreed,
        agreed_present=len([p for p in agreed if p in present]),
        present=len(present),
        needed=majority_needed(len(present)),
    )


def _runoff(
    db: Session, reduction: TableReduction, dots: dict[uuid.UUID, int], texts: dict[uuid.UUID, str]
) -> RunoffPublic | None:
    if not reduction.runoff_idea_ids:
        return None
    counts = runoff_counts(db, reduction)
    return RunoffPublic(
        number=reduction.runoff_number,
        places=reduction.runoff_places,
        candidates=[
            RunoffEntry(idea_id=i, text=texts.get(i, ""), dots=dots.get(i, 0), runoff_votes=n)
            for i, n in counts.items()
        ],
        voters=sum(counts.values()),
    )


def _scores(
    db: Session,
    reduction: TableReduction,
    shortlist: list[ShortlistEntry],
    names: dict[uuid.UUID, str],
) -> list[IdeaScores]:
    if reduction.stage in (ReductionStage.voting, ReductionStage.runoff):
        return []
    rows = repo.scores_for(db, reduction.table_id, [e.idea_id for e in shortlist])
    by_idea: dict[uuid.UUID, list[IdeaScore]] = {}
    for row in rows:
        by_idea.setdefault(row.idea_id, []).append(row)
    return [
        IdeaScores(
            idea_id=e.idea_id,
            text=e.text,
            place=e.place,
            scores=[
                MemberScore(
                    participant_id=s.participant_id,
                    display_name=names.get(s.participant_id, ""),
                    desirability=s.desirability,
                    feasibility=s.feasibility,
                    viability=s.viability,
                    total=s.desirability + s.feasibility + s.viability,
                )
                for s in by_idea.get(e.idea_id, [])
            ],
            totals=totals(by_idea.get(e.idea_id, [])),
        )
        for e in shortlist
    ]


def _proposal(
    reduction: TableReduction, agreement: AgreementPublic | None, texts: dict[uuid.UUID, str]
) -> ProposalPublic | None:
    if reduction.proposal_idea_id is None or reduction.stage != ReductionStage.choosing:
        return None
    return ProposalPublic(
        idea_id=reduction.proposal_idea_id,
        text=texts.get(reduction.proposal_idea_id, ""),
        proposed_by=reduction.proposed_by_id,
        confirmed_by=agreement.agreed_by if agreement else [],
    )


def _closures(db: Session, table: WorkshopTable) -> list[ClosurePublic]:
    closures = repo.open_closures(db, table.id)
    names = repo.user_names(db, {c.closed_by_user_id for c in closures if c.closed_by_user_id})
    return [
        ClosurePublic(
            stage=c.stage,
            decided_by=c.decided_by,
            closed_by_user_id=c.closed_by_user_id,
            closed_by_name=names.get(c.closed_by_user_id) if c.closed_by_user_id else None,
            agreed_by=[uuid.UUID(i) for i in c.agreed_ids],
            present=c.present_count,
            closed_at=c.created_at,
        )
        for c in closures
    ]


def _choice(db: Session, table: WorkshopTable, texts: dict[uuid.UUID, str]) -> ChoicePublic | None:
    choice = repo.current_choice(db, table.id)
    if choice is None:
        return None
    return ChoicePublic(
        idea_id=choice.idea_id,
        text=texts.get(choice.idea_id, ""),
        decided_by=choice.decided_by,
        decided_by_user_id=choice.decided_by_user_id,
        decided_at=choice.created_at,
    )
