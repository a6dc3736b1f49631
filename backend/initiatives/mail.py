"""The steward invitation email, in English and Welsh, added to the mail slice's templates.

It names the inviter and the organisation only: the initiative's title is shown on the accept
page, after the link is opened."""

from backend.mail.templates import TEMPLATES, Template

STEWARD_INVITATION = "steward_invitation"

TEMPLATES.setdefault(
    STEWARD_INVITATION,
    {
        "en": Template(
            subject="Cyd: help steward an initiative with {organisation}",
            text=(
                "Hello {name},\n\n"
                "{inviter} of {organisation} has invited you to help steward an initiative "
                "that came out of a co-creation workshop: keeping its action plan up to date and "
                "its momentum going.\n\n"
                "To accept, open this link within 14 days. It works once, and you can sign in or "
                "create an account on the page it opens:\n\n"
                "{link}\n\n"
                "If you were not expecting this message, you can ignore it.\n\n"
                "Cyd\n"
            ),
        ),
        "cy": Template(
            subject="Cyd: helpu i stiwardio menter gyda {organisation}",
            text=(
                "Helo {name},\n\n"
                "Mae {inviter} o {organisation} wedi eich gwahodd i helpu i stiwardio menter a "
                "ddaeth o weithdy cyd-greu: cadw ei chynllun gweithredu'n gyfredol a chadw'r "
                "momentwm i fynd.\n\n"
                "I dderbyn, agorwch y ddolen hon o fewn 14 diwrnod. Mae'n gweithio unwaith, a "
                "gallwch fewngofnodi neu greu cyfrif ar y dudalen y mae'n ei hagor:\n\n"
                "{link}\n\n"
                "Os nad oeddech chi'n disgwyl y neges hon, gallwch ei hanwybyddu.\n\n"
                "Cyd\n"
            ),
        ),
    },
)
