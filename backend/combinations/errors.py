"""The combinations slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import Conflict, Forbidden, NotFound, RuleBroken


class CombinationNotFound(NotFound):
    code = "combination_not_found"
    title_en = "No such combination proposal for your table"
    title_cy = "Nid oes cynnig cyfuno o'r fath ar gyfer eich bwrdd"


class NotProposingTable(Forbidden):
    code = "not_proposing_table"
    title_en = "Only the members of the table that made the proposal can do this"
    title_cy = "Dim ond aelodau'r bwrdd a wnaeth y cynnig sy'n gallu gwneud hyn"


class NotDrafter(Forbidden):
    code = "not_drafter"
    title_en = "Only the member who drafted it can withdraw a draft; you can withdraw your support"
    title_cy = (
        "Dim ond yr aelod a'i drafftiodd sy'n gallu tynnu drafft yn ôl; "
        "gallwch chi dynnu eich cefnogaeth yn ôl"
    )


class NotReceivingTable(Forbidden):
    code = "not_receiving_table"
    title_en = "Only the members of the table that received the proposal decide on it"
    title_cy = "Dim ond aelodau'r bwrdd a gafodd y cynnig sy'n penderfynu arno"


class OwnTable(RuleBroken):
    code = "own_table"
    title_en = "Propose combining with another table's idea"
    title_cy = "Cynigiwch gyfuno â syniad bwrdd arall"


class NoChosenIdea(RuleBroken):
    code = "no_chosen_idea"
    title_en = "Both tables need a chosen idea before they can combine"
    title_cy = "Mae angen syniad wedi'i ddewis ar y ddau fwrdd cyn y gallant gyfuno"


class SameIdea(RuleBroken):
    code = "same_idea"
    title_en = "These tables already carry the same idea"
    title_cy = "Mae'r byrddau hyn eisoes yn cario'r un syniad"


class AlreadyVoted(Conflict):
    code = "already_voted"
    title_en = "You have already voted on this proposal"
    title_cy = "Rydych eisoes wedi pleidleisio ar y cynnig hwn"


class CombinationClosed(Conflict):
    code = "combination_closed"
    title_en = "This proposal has already been decided"
    title_cy = "Mae penderfyniad eisoes wedi'i wneud ar y cynnig hwn"


class CombinationWithdrawn(Conflict):
    code = "combination_withdrawn"
    title_en = "This proposal has been withdrawn"
    title_cy = "Mae'r cynnig hwn wedi'i dynnu'n ôl"


class CombinationSent(Conflict):
    code = "combination_sent"
    title_en = "This proposal has already been sent to the other table"
    title_cy = "Mae'r cynnig hwn eisoes wedi'i anfon at y bwrdd arall"


class CombinationNotSent(Conflict):
    code = "combination_not_sent"
    title_en = "This proposal is still a draft: the proposing table has not sent it yet"
    title_cy = "Drafft yw'r cynnig hwn o hyd: nid yw'r bwrdd a'i cynigiodd wedi'i anfon eto"


class CombinationStale(Conflict):
    code = "combination_stale"
    title_en = "One of the tables now carries a different idea; propose again"
    title_cy = "Mae un o'r byrddau bellach yn cario syniad gwahanol; cynigiwch eto"


class ProposalOpen(Conflict):
    code = "proposal_open"
    title_en = "There is already an open proposal to combine these two tables' ideas"
    title_cy = "Mae cynnig agored eisoes i gyfuno syniadau'r ddau fwrdd hyn"
