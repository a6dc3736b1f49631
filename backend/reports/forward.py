"""What went forward from the session: ideas combined across tables, and the initiatives taken
forward with their stewards (by role unless they agreed to be named, as partners see them)."""

from sqlmodel import Session, col

from backend.combinations.repository import session_stmt
from backend.initiatives.disclosure import steward_member_label
from backend.models import Combination, DecidedBy, Initiative, StewardKind
from backend.partners import read_repository as initiative_rows
from backend.reports.context import Context
from backend.reports.schemas import (
    ReportCombination,
    ReportInitiative,
    ReportSteward,
    ReportStewardMember,
)


def combinations_report(db: Session, ctx: Context) -> list[ReportCombination]:
    """Proposals that reached the other table (a draft is still its own table's business)."""
    rows = db.exec(
        session_stmt(ctx.workshop.id)
        .where(col(Combination.sent_at).is_not(None))
        .order_by(col(Combination.created_at), col(Combination.id))
    ).all()
    return [
        ReportCombination(
            proposer=ctx.table_refs[c.proposer_table_id],
            receiver=ctx.table_refs[c.receiver_table_id],
            proposer_idea=ctx.ref(c.proposer_idea_id),
            receiver_idea=ctx.ref(c.receiver_idea_id),
            text=c.text,
            status=c.status,
            decided_by=DecidedBy(c.decided_by) if c.decided_by else None,
            decided_at=c.decided_at,
            combined_idea=ctx.link(c.combined_idea_id),
        )
        for c in rows
    ]


def initiatives_report(db: Session, ctx: Context) -> list[ReportInitiative]:
    initiatives = initiative_rows.session_initiatives(db, ctx.workshop.id)
    ids = [i.id for i in initiatives]
    stewards = initiative_rows.stewards(db, ids)
    members = initiative_rows.current_members(db, ids)
    out = []
    for initiative in initiatives:
        shown = _words_shown(ctx, initiative)
        steward = stewards.get(initiative.id)
        out.append(
            ReportInitiative(
                id=initiative.id,
                title=initiative.title if shown else None,
                summary=initiative.summary if shown else None,
                words_withheld=not shown,
                status=initiative.status,
                table=ctx.table_refs.get(initiative.table_id) if initiative.table_id else None,
                idea=ctx.ref(initiative.idea_id),
                steward=ReportSteward(
                    kind=steward.kind,
                    name=None if steward.kind == StewardKind.person else steward.name,
                    members=[
                        ReportStewardMember(
                            label=steward_member_label(m),
                            role=m.role_label,
                            named=m.agreed_to_be_named,
                        )
                        for m in members.get(initiative.id, [])
                    ],
                )
                if steward
                else None,
                created_at=initiative.created_at,
            )
        )
    return out


def _words_shown(ctx: Context, initiative: Initiative) -> bool:
    """An initiative's title starts as its idea's words, so it follows the idea's author's
    consent (as for partners)."""
    idea = ctx.every_idea.get(initiative.idea_id) if initiative.idea_id else None
    return ctx.shows_words_of(idea.author_id if idea else None)
