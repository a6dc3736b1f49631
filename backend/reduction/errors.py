"""The reduction slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import Conflict, Forbidden, NotFound, RuleBroken


class FacilitatorsDoNotVote(Forbidden):
    code = "facilitators_do_not_vote"
    title_en = "Facilitators do not vote, score or choose for tables"
    title_cy = "Nid yw hwyluswyr yn pleidleisio, sgorio na dewis dros fyrddau"


class IdeaNotFound(NotFound):
    code = "idea_not_found"
    title_en = "No such idea at your table"
    title_cy = "Nid oes syniad o'r fath wrth eich bwrdd"


class VoteNotFound(NotFound):
    code = "vote_not_found"
    title_en = "You have no dots on this idea"
    title_cy = "Nid oes gennych ddotiau ar y syniad hwn"


class IdeaNotActive(RuleBroken):
    code = "idea_not_active"
    title_en = "Only active ideas can be voted for"
    title_cy = "Dim ond syniadau gweithredol y gellir pleidleisio drostynt"


class DotBudgetExceeded(RuleBroken):
    code = "dot_budget_exceeded"
    title_en = "You do not have that many dots left"
    title_cy = "Nid oes gennych gymaint â hynny o ddotiau ar ôl"


class DotCapExceeded(RuleBroken):
    code = "dot_cap_exceeded"
    title_en = "That is more dots on one idea than the session allows"
    title_cy = "Mae hynny'n fwy o ddotiau ar un syniad nag y mae'r sesiwn yn ei ganiatáu"


class NotShortlisted(RuleBroken):
    code = "not_shortlisted"
    title_en = "This idea is not on your table's shortlist"
    title_cy = "Nid yw'r syniad hwn ar restr fer eich bwrdd"


class NotInRunoff(RuleBroken):
    code = "not_in_runoff"
    title_en = "This idea is not in the run-off"
    title_cy = "Nid yw'r syniad hwn yn y gornest derfynol"


class SettingsInvalid(RuleBroken):
    code = "validation_failed"
    title_en = "Some fields are not valid"
    title_cy = "Nid yw rhai meysydd yn ddilys"


class StageClosed(Conflict):
    code = "stage_closed"
    title_en = "Your table is not at that stage"
    title_cy = "Nid yw eich bwrdd ar y cam hwnnw"


class VotesAlreadyCast(Conflict):
    code = "votes_already_cast"
    title_en = "Votes have been cast in this session; the voting rules can no longer change"
    title_cy = (
        "Mae pleidleisiau wedi'u bwrw yn y sesiwn hon; ni all y rheolau pleidleisio newid mwyach"
    )


class NoVotes(Conflict):
    code = "no_votes"
    title_en = "Nobody has voted yet, so there is no shortlist to make"
    title_cy = "Nid oes neb wedi pleidleisio eto, felly nid oes rhestr fer i'w llunio"


class NoScores(Conflict):
    code = "no_scores"
    title_en = "Nobody has scored the shortlist yet"
    title_cy = "Nid oes neb wedi sgorio'r rhestr fer eto"


class RunoffVoteCast(Conflict):
    code = "runoff_vote_already_cast"
    title_en = "You have already voted in this run-off"
    title_cy = "Rydych eisoes wedi pleidleisio yn y gornest derfynol hon"


class ProposalChanged(Conflict):
    code = "proposal_changed"
    title_en = "The table's proposal is now a different idea"
    title_cy = "Mae cynnig y bwrdd bellach yn syniad gwahanol"


class CannotReopen(Conflict):
    code = "cannot_reopen"
    title_en = "That stage has not been closed at this table"
    title_cy = "Nid yw'r cam hwnnw wedi'i gau wrth y bwrdd hwn"
