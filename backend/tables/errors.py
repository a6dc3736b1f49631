"""The tables slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import Conflict, NotFound, RuleBroken


class TableNotFound(NotFound):
    code = "table_not_found"
    title_en = "No such table in this session"
    title_cy = "Nid oes bwrdd o'r fath yn y sesiwn hon"


class ParticipantNotFound(NotFound):
    code = "participant_not_found"
    title_en = "No such participant in this session"
    title_cy = "Nid oes cyfranogwr o'r fath yn y sesiwn hon"


class ConstraintNotFound(NotFound):
    code = "seating_constraint_not_found"
    title_en = "No such seating constraint in this session"
    title_cy = "Nid oes cyfyngiad seddi o'r fath yn y sesiwn hon"


class NoAllocationYet(NotFound):
    code = "no_allocation_yet"
    title_en = "No allocation has been run for this session yet"
    title_cy = "Nid oes dyraniad wedi'i redeg ar gyfer y sesiwn hon eto"


class TableNotEmpty(Conflict):
    code = "table_not_empty"
    title_en = "People are still seated at this table"
    title_cy = "Mae pobl yn eistedd wrth y bwrdd hwn o hyd"


class ConstraintExists(Conflict):
    code = "constraint_exists"
    title_en = "This pair already has a constraint of that kind"
    title_cy = "Mae gan y pâr hwn gyfyngiad o'r math hwnnw eisoes"


class ConstraintContradiction(RuleBroken):
    code = "constraint_contradiction"
    title_en = "The same pair cannot be seated both together and apart"
    title_cy = "Ni ellir gosod yr un pâr gyda'i gilydd ac ar wahân"


class SamePerson(RuleBroken):
    code = "same_person"
    title_en = "A seating constraint needs two different people"
    title_cy = "Mae angen dau berson gwahanol ar gyfer cyfyngiad seddi"


class ParticipantRemoved(RuleBroken):
    code = "participant_removed"
    title_en = "This participant has been removed from the session"
    title_cy = "Mae'r cyfranogwr hwn wedi'i dynnu o'r sesiwn"


class PinNeedsTable(RuleBroken):
    code = "pin_needs_table"
    title_en = "Only someone seated at a table can be pinned"
    title_cy = "Dim ond rhywun sy'n eistedd wrth fwrdd y gellir ei binio"


class NobodyToAllocate(RuleBroken):
    code = "nobody_to_allocate"
    title_en = "Nobody to allocate: the session has no active participants"
    title_cy = "Does neb i'w ddyrannu: nid oes gan y sesiwn gyfranogwyr gweithredol"


class TooManyTables(RuleBroken):
    code = "too_many_tables"
    title_en = "Too many tables"
    title_cy = "Gormod o fyrddau"


class PinnedTablesExceedCount(RuleBroken):
    code = "pinned_tables_exceed_count"
    title_en = "Pinned people sit at more tables than the table count asked for"
    title_cy = "Mae pobl wedi'u pinio'n eistedd wrth fwy o fyrddau na'r nifer a ofynnwyd amdano"


class AllocationImpossible(RuleBroken):
    code = "allocation_impossible"
    title_en = "The tables cannot be allocated with these settings"
    title_cy = "Ni ellir dyrannu'r byrddau gyda'r gosodiadau hyn"
