"""Assemble a session's results export from what the database holds, leaving out what must not
leave: hidden ideas' text, and every name, email, access need and consent detail.

Authorship (METHOD.md, "Consent is explicit and enforced"): a participant's `consent_publish`
allows their contributions to be published *without* their name, so no consent allows a name.
An author who consented is shown as a stable per-session pseudonym (`Participant <n>`, numbered by
joining order); one who did not consent, or was removed, is not attributed at all.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import Session

from backend.exports import repository as repo
from backend.exports.schemas import (
    ExportChoice,
    ExportIdea,
    ExportRevision,
    ExportSession,
    ExportTable,
    ExportTheme,
    IdeaRef,
    IdeaScoring,
    MemberScores,
    RoundRecord,
    Runoff,
    RunoffCount,
    ScoreTotals,
    SessionExport,
    ShortlistPlace,
    TallyRow,
)
from backend.kit.clock import utcnow
from backend.kit.i18n import LocalizedText, LocalizedTitle
from backend.models import (
    Idea,
    IdeaRevision,
    IdeaScore,
    IdeaStatus,
    ParticipantStatus,
    TableReduction,
    Workshop,
    WorkshopTable,
)
from backend.reduction.settings import effective

PSEUDONYM = "Participant {}"


@dataclass
class Context:
    """Everything of the session, loaded once and indexed."""

    ideas: dict[uuid.UUID, Idea]
    hidden: set[uuid.UUID]
    pseudonyms: dict[uuid.UUID, str]
    theme_names: dict[uuid.UUID, str]
    parents: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    children: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    revisions: dict[uuid.UUID, list[IdeaRevision]] = field(default_factory=dict)
    dots: dict[uuid.UUID, int] = field(default_factory=dict)
    voters: dict[uuid.UUID, int] = field(default_factory=dict)

    def ref(self, idea_id: uuid.UUID) -> IdeaRef:
        return IdeaRef(id=idea_id, hidden=idea_id in self.hidden)


def build_export(db: Session, workshop: Workshop) -> SessionExport:
    ctx = _context(db, workshop)
    themes = repo.themes_of(db, workshop.id)
    scores = repo.scores_of(db, workshop.id)
    reductions = repo.reductions_of(db, workshop.id)
    choices = repo.current_choices(db, workshop.id)
    tables = repo.tables_of(db, workshop.id)
    closures = repo.open_closures(db, [t.id for t in tables])
    rules = effective(db, workshop)
    out = []
    for table in tables:
        reduction = reductions.get(table.id) or TableReduction(
            workshop_id=workshop.id, table_id=table.id
        )
        ideas = [i for i in ctx.ideas.values() if i.table_id == table.id and i.id not in ctx.hidden]
        choice = choices.get(table.id)
        out.append(
            ExportTable(
                id=table.id,
                number=table.number,
                name=table.name,
                stage=reduction.stage,
                themes=[
                    ExportTheme(id=t.id, name=t.name, position=t.position)
                    for t in themes
                    if t.table_id == table.id
                ],
                ideas=[_idea(ctx, i) for i in ideas],
                tally=_tally(ctx, ideas),
                shortlist=_shortlist(ctx, reduction),
                runoff=_runoff(db, ctx, table, reduction),
                scores=_scores(ctx, reduction, [s for s in scores if s.table_id == table.id]),
                rounds=[
                    RoundRecord(
                        stage=c.stage,
                        decided_by=c.decided_by,
                        agreed=len(c.agreed_ids),
                        present=c.present_count,
                        closed_at=c.created_at,
                    )
                    for c in closures
                    if c.table_id == table.id
                ],
                choice=ExportChoice(
                    idea=ctx.ref(choice.idea_id),
                    decided_by=choice.decided_by,
                    decided_at=choice.created_at,
                )
                if choice
                else None,
            )
        )
    return SessionExport(
        exported_at=utcnow(),
        session=ExportSession(
            id=workshop.id,
            title=LocalizedTitle(en=workshop.title_en, cy=workshop.title_cy),
            challenge=LocalizedText(en=workshop.challenge_en, cy=workshop.challenge_cy),
            phase=workshop.phase,
            starts_at=workshop.starts_at,
            ends_at=workshop.ends_at,
            archived_at=workshop.archived_at,
            dot_budget=rules.dot_budget,
            dot_cap=rules.dot_cap,
            tie_break=rules.tie_break,
        ),
        tables=out,
    )


def _context(db: Session, workshop: Workshop) -> Context:
    ideas = {i.id: i for i in repo.ideas_of(db, workshop.id)}
    ctx = Context(
        ideas=ideas,
        hidden={i.id for i in ideas.values() if i.status == IdeaStatus.hidden},
        pseudonyms={
            p.id: PSEUDONYM.format(n)
            for n, p in enumerate(repo.participants_of(db, workshop.id), start=1)
            if p.consent_publish and p.status != ParticipantStatus.removed
        },
        theme_names={t.id: t.name for t in repo.themes_of(db, workshop.id)},
    )
    parents: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    children: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for link in repo.parent_links(db, workshop.id):
        parents[link.child_id].append(link.parent_id)
        children[link.parent_id].append(link.child_id)
    revisions: dict[uuid.UUID, list[IdeaRevision]] = defaultdict(list)
    for revision in repo.revisions_of(db, workshop.id):
        revisions[revision.idea_id].append(revision)
    dots: dict[uuid.UUID, int] = defaultdict(int)
    voters: dict[uuid.UUID, int] = defaultdict(int)
    for vote in repo.votes_of(db, workshop.id):
        idea = ideas.get(vote.idea_id)
        if idea is not None and idea.status == IdeaStatus.active:  # as the table counted them
            dots[vote.idea_id] += vote.dots
            voters[vote.idea_id] += 1
    ctx.parents, ctx.children, ctx.revisions = parents, children, revisions
    ctx.dots, ctx.voters = dots, voters
    return ctx


def _idea(ctx: Context, idea: Idea) -> ExportIdea:
    if idea.entered_by_user_id is not None:
        entered_by = "facilitator"
    elif idea.entered_by_participant_id is None:
        entered_by = None
    elif idea.entered_by_participant_id == idea.author_id:
        entered_by = "author"
    else:
        entered_by = "participant"
    return ExportIdea(
        id=idea.id,
        theme_id=idea.theme_id,
        theme=ctx.theme_names.get(idea.theme_id) if idea.theme_id else None,
        text=idea.text,
        status="combined" if idea.status == IdeaStatus.combined else "active",
        source=idea.source,
        entered_by=entered_by,
        author=ctx.pseudonyms.get(idea.author_id) if idea.author_id else None,
        parents=[ctx.ref(i) for i in ctx.parents.get(idea.id, [])],
        combined_into=[ctx.ref(i) for i in ctx.children.get(idea.id, [])],
        repurposed_from=ctx.ref(idea.repurposed_from_id) if idea.repurposed_from_id else None,
        dots=ctx.dots.get(idea.id, 0),
        created_at=idea.created_at,
        updated_at=idea.updated_at,
        revisions=[_revision(ctx, r) for r in ctx.revisions.get(idea.id, [])],
    )


def _revision(ctx: Context, revision: IdeaRevision) -> ExportRevision:
    if revision.editor_user_id is not None:
        role, editor = "facilitator", None
    elif revision.editor_participant_id is not None:
        role, editor = "participant", ctx.pseudonyms.get(revision.editor_participant_id)
    else:
        role, editor = "unknown", None
    return ExportRevision(
        edited_by=role,
        editor=editor,
        edited_at=revision.created_at,
        version=revision.version,
        text_before=revision.text_before,
        text_after=revision.text_after,
        theme_before=_theme(ctx, revision.theme_before_id),
        theme_after=_theme(ctx, revision.theme_after_id),
    )


def _theme(ctx: Context, theme_id: uuid.UUID | None) -> str | None:
    return ctx.theme_names.get(theme_id) if theme_id else None


def _tally(ctx: Context, ideas: list[Idea]) -> list[TallyRow]:
    active = [i for i in ideas if i.status == IdeaStatus.active]
    ranked = sorted(active, key=lambda i: (-ctx.dots.get(i.id, 0), i.created_at, str(i.id)))
    return [
        TallyRow(idea_id=i.id, dots=ctx.dots.get(i.id, 0), voters=ctx.voters.get(i.id, 0))
        for i in ranked
    ]


def _shortlist(ctx: Context, reduction: TableReduction) -> list[ShortlistPlace]:
    return [
        ShortlistPlace(
            place=int(entry["place"]),
            idea=ctx.ref(uuid.UUID(str(entry["idea_id"]))),
            decided_by=entry["decided_by"],
        )
        for entry in reduction.shortlist
    ]


def _runoff(
    db: Session, ctx: Context, table: WorkshopTable, reduction: TableReduction
) -> Runoff | None:
    if not reduction.runoff_idea_ids:
        return None
    counts = {uuid.UUID(i): 0 for i in reduction.runoff_idea_ids}
    for vote in repo.runoff_votes(db, table.id, reduction.runoff_number):
        if vote.idea_id in counts:
            counts[vote.idea_id] += 1
    return Runoff(
        number=reduction.runoff_number,
        places=reduction.runoff_places,
        candidates=[RunoffCount(idea=ctx.ref(i), runoff_votes=n) for i, n in counts.items()],
    )


def _scores(ctx: Context, reduction: TableReduction, scores: list[IdeaScore]) -> list[IdeaScoring]:
    places = {uuid.UUID(str(e["idea_id"])): int(e["place"]) for e in reduction.shortlist}
    by_idea: dict[uuid.UUID, list[IdeaScore]] = defaultdict(list)
    for score in scores:
        if score.idea_id not in ctx.hidden:
            by_idea[score.idea_id].append(score)
    order = sorted(by_idea, key=lambda i: (places.get(i, len(places) + 1), str(i)))
    return [_scoring(ctx.ref(i), places.get(i), by_idea[i]) for i in order]


def _scoring(ref: IdeaRef, place: int | None, scores: list[IdeaScore]) -> IdeaScoring:
    members = sorted(
        (
            MemberScores(
                desirability=s.desirability,
                feasibility=s.feasibility,
                viability=s.viability,
                total=s.desirability + s.feasibility + s.viability,
            )
            for s in scores
        ),
        # Sorted by value, not by who or when, so rows cannot be matched to members.
        key=lambda m: (-m.total, -m.desirability, -m.feasibility, -m.viability),
    )
    return IdeaScoring(
        idea=ref,
        place=place,
        totals=ScoreTotals(
            desirability=sum(m.desirability for m in members),
            feasibility=sum(m.feasibility for m in members),
            viability=sum(m.viability for m in members),
            total=sum(m.total for m in members),
        ),
        members=members,
    )
