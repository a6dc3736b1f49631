"""Everything of one session the report shows, loaded in a fixed number of queries (however many
tables and ideas it has) and indexed, with the two rules every section follows: hidden ideas are
left out, and a participant's words show only if they agreed to publishing."""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TypeVar

from sqlmodel import Session

from backend.exports import repository as session_rows
from backend.kit.i18n import Locale, pick
from backend.models import (
    CustomPerspective,
    DotVote,
    Idea,
    IdeaParent,
    IdeaScore,
    IdeaStatus,
    Participant,
    ParticipantStatus,
    RoundClosure,
    RunoffVote,
    TableChoice,
    TableReduction,
    Theme,
    Workshop,
    WorkshopTable,
)
from backend.participants.repository import custom_perspectives
from backend.publishing.consent import SessionConsent, session_consent
from backend.reduction.repository import dots_by_idea
from backend.reports import repository as repo
from backend.reports.schemas import (
    ReportBilingual,
    ReportIdeaLink,
    ReportIdeaRef,
    ReportTableRef,
    ReportText,
)


def _resolved(en: str | None, cy: str | None, locale: Locale) -> ReportText:
    text = pick(en, cy, locale)
    own = cy if locale == "cy" else en
    other: Locale = "en" if locale == "cy" else "cy"
    return ReportText(text=text, lang=None if text is None else locale if own else other)


def bilingual(en: str | None, cy: str | None) -> ReportBilingual:
    return ReportBilingual(en=_resolved(en, cy, "en"), cy=_resolved(en, cy, "cy"))


T = TypeVar("T")


def _grouped(rows: list[T], key: str) -> dict[uuid.UUID, list[T]]:
    found: dict[uuid.UUID, list[T]] = defaultdict(list)
    for row in rows:
        found[getattr(row, key)].append(row)
    return found


@dataclass
class Context:
    workshop: Workshop
    tables: list[WorkshopTable]
    people: dict[uuid.UUID, Participant]
    custom: dict[str, CustomPerspective]
    every_idea: dict[uuid.UUID, Idea]  # hidden ones too: for the tie-break and for consent
    themes: dict[uuid.UUID, list[Theme]]  # by table
    reductions: dict[uuid.UUID, TableReduction]
    scores: dict[uuid.UUID, list[IdeaScore]]  # by table
    closures: dict[uuid.UUID, list[RoundClosure]]  # by table
    choices: dict[uuid.UUID, TableChoice]  # by table
    runoff_votes: dict[uuid.UUID, list[RunoffVote]]  # by table, the current run-off's
    consent: SessionConsent
    ideas: dict[uuid.UUID, Idea] = field(default_factory=dict)  # visible ideas only
    by_table: dict[uuid.UUID, list[Idea]] = field(default_factory=dict)  # visible, oldest first
    numbers: dict[uuid.UUID, int] = field(default_factory=dict)
    parents: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    children: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    dots: dict[uuid.UUID, int] = field(default_factory=dict)
    voters: dict[uuid.UUID, int] = field(default_factory=dict)
    table_refs: dict[uuid.UUID, ReportTableRef] = field(default_factory=dict)
    members: dict[uuid.UUID, list[Participant]] = field(default_factory=dict)  # joined, by table

    def shows_words_of(self, participant_id: uuid.UUID | None) -> bool:
        """Publishing's rule for one person's words: nobody's (a paper note, the table's combined
        idea, a facilitator's) or someone who agreed to publishing and was not removed."""
        return self.consent.agreed_to(participant_id)

    def shows_table_words(
        self, table_id: uuid.UUID, idea_id: uuid.UUID, writers: list[uuid.UUID | None]
    ) -> bool:
        """Publishing's rule for what a table writes together (its storyboard and pitch)."""
        idea = self.every_idea.get(idea_id)
        if idea is None:
            return False
        author = self.people.get(idea.author_id) if idea.author_id else None
        return self.consent.table_words_shown(table_id, idea, author, writers)

    def link(self, idea_id: uuid.UUID | None) -> ReportIdeaLink | None:
        idea = self.ideas.get(idea_id) if idea_id else None
        if idea is None:
            return None
        return ReportIdeaLink(
            id=idea.id,
            table_number=self.table_refs[idea.table_id].number,
            number=self.numbers[idea.id],
        )

    def ref(self, idea_id: uuid.UUID | None) -> ReportIdeaRef | None:
        link = self.link(idea_id)
        if link is None:
            return None
        idea = self.ideas[link.id]
        shown = self.shows_words_of(idea.author_id)
        return ReportIdeaRef(
            **link.model_dump(), text=idea.text if shown else None, withheld=not shown
        )


def load_context(db: Session, workshop: Workshop) -> Context:
    tables = session_rows.tables_of(db, workshop.id)
    every_idea = {i.id: i for i in session_rows.ideas_of(db, workshop.id)}
    ctx = Context(
        workshop=workshop,
        tables=tables,
        people={p.id: p for p in session_rows.participants_of(db, workshop.id)},
        custom={
            c.key: c for c in custom_perspectives(db, organisation_id=workshop.organisation_id)
        },
        every_idea=every_idea,
        themes=_grouped(session_rows.themes_of(db, workshop.id), "table_id"),
        reductions=session_rows.reductions_of(db, workshop.id),
        scores=_grouped(session_rows.scores_of(db, workshop.id), "table_id"),
        closures=_grouped(session_rows.open_closures(db, [t.id for t in tables]), "table_id"),
        choices=session_rows.current_choices(db, workshop.id),
        runoff_votes=_grouped(repo.runoff_votes(db, workshop.id), "table_id"),
        consent=session_consent(db, workshop.id),
    )
    ctx.table_refs = {t.id: ReportTableRef(number=t.number, name=t.name) for t in tables}
    ctx.members = _grouped(
        [p for p in ctx.people.values() if p.table_id and p.status == ParticipantStatus.joined],
        "table_id",
    )
    ctx.ideas = {i.id: i for i in every_idea.values() if i.status != IdeaStatus.hidden}
    ctx.by_table = _grouped(list(ctx.ideas.values()), "table_id")  # oldest first, as queried
    for ideas in ctx.by_table.values():
        for number, idea in enumerate(ideas, start=1):
            ctx.numbers[idea.id] = number
    ctx.parents, ctx.children = _lineage(session_rows.parent_links(db, workshop.id), ctx.ideas)
    ctx.dots, ctx.voters = _counted(session_rows.votes_of(db, workshop.id), ctx.ideas)
    return ctx


def _lineage(
    links: list[IdeaParent], visible: dict[uuid.UUID, Idea]
) -> tuple[dict[uuid.UUID, list[uuid.UUID]], dict[uuid.UUID, list[uuid.UUID]]]:
    parents: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    children: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for link in links:
        if link.child_id in visible and link.parent_id in visible:
            parents[link.child_id].append(link.parent_id)
            children[link.parent_id].append(link.child_id)
    return parents, children


def _counted(
    votes: list[DotVote], visible: dict[uuid.UUID, Idea]
) -> tuple[dict[uuid.UUID, int], dict[uuid.UUID, int]]:
    """Dots as the table counted them: on active ideas only."""
    active = [
        v for v in votes if v.idea_id in visible and visible[v.idea_id].status == IdeaStatus.active
    ]
    return dots_by_idea(active)
