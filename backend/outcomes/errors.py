"""The outcomes slice's problems, each with a stable code and an English and Welsh title."""

from backend.errors import Conflict, NotFound, RuleBroken


class IndicatorNotFound(NotFound):
    code = "indicator_not_found"
    title_en = "No such outcome indicator in your initiatives"
    title_cy = "Nid oes dangosydd canlyniad o'r fath yn eich mentrau"


class MeasurementNotFound(NotFound):
    code = "measurement_not_found"
    title_en = "No such measurement in your initiatives"
    title_cy = "Nid oes mesuriad o'r fath yn eich mentrau"


class ValueOutOfRange(RuleBroken):
    code = "value_out_of_range"
    title_en = "That value is not possible in this unit"
    title_cy = "Nid yw'r gwerth hwnnw'n bosibl yn yr uned hon"


class UnitMismatch(RuleBroken):
    code = "unit_mismatch"
    title_en = "The measurement's unit is not the indicator's unit"
    title_cy = "Nid uned y dangosydd yw uned y mesuriad"


class UnitLabelRule(RuleBroken):
    code = "unit_label_rule"
    title_en = "Name the unit when it is 'other', and only then"
    title_cy = "Enwch yr uned pan fo'n 'arall', a dim ond bryd hynny"


class TargetAgainstDirection(RuleBroken):
    code = "target_against_direction"
    title_en = "The target cannot be reached from the baseline in that direction"
    title_cy = "Ni ellir cyrraedd y targed o'r llinell sylfaen i'r cyfeiriad hwnnw"


class DateOutOfRange(RuleBroken):
    code = "date_out_of_range"
    title_en = "That date is not possible here"
    title_cy = "Nid yw'r dyddiad hwnnw'n bosibl yma"


class UnitLocked(Conflict):
    code = "unit_locked"
    title_en = "The unit cannot change once measurements have been recorded"
    title_cy = "Ni all yr uned newid ar ôl cofnodi mesuriadau"


class IndicatorHasMeasurements(Conflict):
    code = "indicator_has_measurements"
    title_en = "This indicator has measurements; it cannot be deleted"
    title_cy = "Mae gan y dangosydd hwn fesuriadau; ni ellir ei ddileu"


class MeasurementRetired(Conflict):
    code = "measurement_retired"
    title_en = "This measurement was already corrected or withdrawn"
    title_cy = "Cafodd y mesuriad hwn ei gywiro neu ei dynnu'n ôl eisoes"


class ValueDateIncomplete(RuleBroken):
    code = "value_date_incomplete"
    title_en = "Give a baseline or target as a value and a date together"
    title_cy = "Rhowch linell sylfaen neu darged fel gwerth a dyddiad gyda'i gilydd"
