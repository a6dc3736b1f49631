"""One table's part of the report: who sat there (as a perspective mix, never by name), its
themes and ideas, how it reduced them, its storyboard, and its pitch with the responses."""

import uuid
from collections import Counter

from backend.models import (
    BarrierTag,
    BuiltinPerspective,
    Capital,
    Idea,
    IdeaStatus,
    Pitch,
    PitchResponse,
    WorkshopTable,
)
from backend.pitches.schemas import PitchAsk
from backend.reports.context import Context, bilingual
from backend.reports.reduction import reduction_report
from backend.reports.schemas import (
    ReportAsk,
    ReportFrame,
    ReportIdea,
    ReportPerspective,
    ReportPicture,
    ReportPitch,
    ReportResponse,
    ReportStoryboard,
    ReportTable,
    ReportTheme,
)
from backend.storyboards.schemas import StoryboardPublic

BUILTIN = [p.value for p in BuiltinPerspective]
BARRIERS = {b.value for b in BarrierTag}


def table_report(
    ctx: Context,
    table: WorkshopTable,
    storyboard: StoryboardPublic | None,
    pitches: list[Pitch],
    responses: dict[uuid.UUID, list[PitchResponse]],
) -> ReportTable:
    members = ctx.members.get(table.id, [])
    ideas = ctx.by_table.get(table.id, [])
    themes = Counter(i.theme_id for i in ideas if i.theme_id)
    theme_names = {t.id: t.name for t in ctx.themes.get(table.id, [])}
    return ReportTable(
        id=table.id,
        number=table.number,
        name=table.name,
        member_count=len(members),
        perspectives=_perspectives(ctx, [m.perspective for m in members]),
        themes=[
            ReportTheme(name=t.name, idea_count=themes.get(t.id, 0))
            for t in ctx.themes.get(table.id, [])
        ],
        ideas=[_idea(ctx, i, theme_names) for i in ideas],
        reduction=reduction_report(ctx, table),
        storyboard=_storyboard(ctx, table, storyboard) if storyboard and storyboard.idea else None,
        pitches=[_pitch(ctx, p, responses.get(p.id, [])) for p in pitches],
    )


def _perspectives(ctx: Context, keys: list[str | None]) -> list[ReportPerspective]:
    """Built-in perspectives in METHOD.md's order, then the organisation's own, then none given."""
    counts = Counter(keys)

    def order(key: str | None) -> tuple[int, str]:
        if key is None:
            return (2, "")
        return (0, f"{BUILTIN.index(key):02d}") if key in BUILTIN else (1, key)

    return [
        ReportPerspective(
            perspective=key,
            custom_label=bilingual(ctx.custom[key].label_en, ctx.custom[key].label_cy)
            if key in ctx.custom
            else None,
            count=counts[key],
        )
        for key in sorted(counts, key=order)
    ]


def _idea(ctx: Context, idea: Idea, theme_names: dict[uuid.UUID, str]) -> ReportIdea:
    ref = ctx.ref(idea.id)
    assert ref is not None  # a visible idea
    return ReportIdea(
        **ref.model_dump(),
        theme=theme_names.get(idea.theme_id) if idea.theme_id else None,
        status="combined" if idea.status == IdeaStatus.combined else "active",
        source=idea.source,
        parents=[link for i in ctx.parents.get(idea.id, []) if (link := ctx.link(i))],
        combined_into=[link for i in ctx.children.get(idea.id, []) if (link := ctx.link(i))],
        repurposed_from=ctx.link(idea.repurposed_from_id),
        dots=ctx.dots.get(idea.id, 0),
        voters=ctx.voters.get(idea.id, 0),
    )


def _storyboard(ctx: Context, table: WorkshopTable, board: StoryboardPublic) -> ReportStoryboard:
    assert board.idea is not None
    writers = [
        w for f in board.frames for w in (f.created_by_participant_id, f.updated_by_participant_id)
    ]
    shown = ctx.shows_table_words(table.id, board.idea.id, writers)
    return ReportStoryboard(
        idea=ctx.ref(board.idea.id),
        frame_count=len(board.frames),
        words_withheld=not shown,
        frames=[
            ReportFrame(
                position=f.position,
                title=f.title,
                what_happens=f.what_happens,
                who=f.who,
                where=f.where,
                picture=ReportPicture(
                    url=f.image.url, alt=f.image.alt, width=f.image.width, height=f.image.height
                )
                if f.image
                else None,
            )
            for f in board.frames
        ]
        if shown
        else [],
    )


def _pitch(ctx: Context, pitch: Pitch, responses: list[PitchResponse]) -> ReportPitch:
    shown = ctx.shows_table_words(pitch.table_id, pitch.idea_id, [pitch.updated_by_participant_id])
    return ReportPitch(
        idea=ctx.ref(pitch.idea_id),
        what=pitch.what if shown else None,
        why=(pitch.why or None) if shown else None,
        words_withheld=not shown,
        barrier_tags=[BarrierTag(t) for t in pitch.barrier_tags if t in BARRIERS],
        barriers_other=pitch.barriers_other if shown else [],
        other_barrier_count=len(pitch.barriers_other),
        asks=[
            ReportAsk(capital=ask.capital, note=(ask.note or None) if shown else None)
            for ask in (PitchAsk.model_validate(a) for a in pitch.asks)
        ],
        responses=[_response(ctx, r) for r in responses],
    )


def _response(ctx: Context, response: PitchResponse) -> ReportResponse:
    shown = ctx.shows_words_of(response.author_participant_id)
    reply_shown = ctx.shows_words_of(response.replied_by_participant_id)
    return ReportResponse(
        kind=response.kind,
        from_table=ctx.table_refs[response.table_id],
        body=response.body if shown else None,
        withheld=not shown,
        capitals=[Capital(c) for c in response.capitals],
        by_facilitator=response.author_user_id is not None,
        reply=response.reply if reply_shown else None,
        reply_withheld=response.reply is not None and not reply_shown,
        created_at=response.created_at,
    )
