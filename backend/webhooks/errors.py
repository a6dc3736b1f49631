"""The webhooks slice's problems, each with a stable code and English and Welsh titles."""

from backend.errors import NotFound, RuleBroken


class WebhookNotFound(NotFound):
    code = "webhook_not_found"
    title_en = "No such webhook in this organisation"
    title_cy = "Nid oes bachyn gwe o'r fath yn y sefydliad hwn"


class WebhookTargetRefused(RuleBroken):
    code = "webhook_target_refused"
    title_en = "Webhooks can only be sent to public addresses"
    title_cy = "Dim ond i gyfeiriadau cyhoeddus y gellir anfon bachau gwe"


class WebhookDisabled(RuleBroken):
    code = "webhook_disabled"
    title_en = "This webhook is disabled; enable it first"
    title_cy = "Mae'r bachyn gwe hwn wedi'i analluogi; galluogwch ef yn gyntaf"


class WebhookDeliveryNotFound(NotFound):
    code = "webhook_delivery_not_found"
    title_en = "No such delivery of this webhook"
    title_cy = "Nid oes anfoniad o'r fath gan y bachyn gwe hwn"
