"""The demo a newcomer meets on `make run` / `make demo`: an organisation, a facilitator login, a
workshop with two dozen participants already seated at tables, and a second workshop that has been
through the whole journey and is published (`backend/demo_journey.py`). Safe to run again: it only
prints the sign-in details (and a fresh rejoin link for one demo participant)."""

from datetime import timedelta

from sqlmodel import Session, select

from backend.accounts.passwords import hash_password
from backend.config import Settings, load_settings
from backend.db import make_engine
from backend.demo_journey import ensure_journey
from backend.kit.clock import utcnow
from backend.models import (
    ConstraintKind,
    Membership,
    Organisation,
    Participant,
    Phase,
    PhaseChange,
    Role,
    SeatingConstraint,
    User,
    Workshop,
)
from backend.participants.credentials import issue_rejoin_secrets
from backend.tables.schemas import AllocationCreate
from backend.tables.seating import run_allocation
from backend.workshops.join_codes import join_url, new_join_code

DEMO_EMAIL = "demo@example.org"
DEMO_PASSWORD = "cyd-demo-2026"
DEMO_TITLE = "Better bus journeys for everyone"

# (display name, perspective, network roles, strengths)
PEOPLE: list[tuple[str, str, list[str], dict[str, str]]] = [
    ("Megan", "lived_experience", ["connector"], {"social": "Runs the village WhatsApp group"}),
    ("Dafydd", "lived_experience", [], {"human": "Uses a wheelchair on the 42 every day"}),
    ("Aisha", "lived_experience", [], {"human": "Carer for my mum; knows the hospital routes"}),
    ("Tom", "lived_experience", ["salesperson"], {"social": "Youth club volunteer"}),
    ("Siân", "lived_experience", [], {"human": "Night-shift worker, relies on the last bus"}),
    ("Gareth", "service_provider", ["maven"], {"public": "Council transport team"}),
    ("Rhian", "service_provider", [], {"physical": "Community minibus, weekdays"}),
    ("Priya", "service_provider", [], {"public": "GP surgery practice manager"}),
    ("Owain", "service_provider", [], {"human": "Bus driver, 20 years"}),
    ("Helen", "academic", ["maven"], {"human": "Researches rural mobility"}),
    ("Iwan", "academic", [], {"human": "Data scientist, timetables and demand"}),
    ("Lowri", "academic", [], {"human": "Teaches inclusive design"}),
    ("Carys", "policy", ["connector"], {"public": "Regional transport policy"}),
    ("Mark", "policy", [], {"financial": "Knows the active travel grant rounds"}),
    ("Eleri", "policy", [], {"public": "Health board planning"}),
    ("Jo", "outlier", [], {"physical": "Runs a bike repair café"}),
    ("Sam", "outlier", ["salesperson"], {"social": "Local radio presenter"}),
    ("Nia", "outlier", [], {"financial": "Small business owner on the high street"}),
    ("Rhys", "lived_experience", [], {"human": "Lives with sight loss"}),
    ("Ffion", "service_provider", [], {"physical": "Library with a community room"}),
    ("Bethan", "academic", [], {"human": "PhD on loneliness and transport"}),
    ("Huw", "policy", ["connector"], {"social": "Town councillor"}),
    ("Alex", "outlier", [], {"human": "Game designer"}),
    ("Mared", "lived_experience", [], {"human": "Interpreter (BSL) for Dafydd"}),
]


def _existing(db: Session) -> Workshop | None:
    user = db.exec(select(User).where(User.email == DEMO_EMAIL)).first()
    if user is None:
        return None
    workshop = db.exec(
        select(Workshop)
        .join(Membership, Membership.organisation_id == Workshop.organisation_id)  # type: ignore[arg-type]
        .where(Membership.user_id == user.id, Workshop.title_en == DEMO_TITLE)
    ).first()
    return workshop


def _create(db: Session) -> Workshop:
    org = Organisation(name="Demo County Council / Cyngor Sir Demo")
    user = User(
        email=DEMO_EMAIL, name="Demo Facilitator", password_hash=hash_password(DEMO_PASSWORD)
    )
    db.add_all([org, user])
    db.flush()
    db.add(Membership(organisation_id=org.id, user_id=user.id, role=Role.owner))
    now = utcnow()
    workshop = Workshop(
        organisation_id=org.id,
        created_by_id=user.id,
        title_en=DEMO_TITLE,
        title_cy="Teithiau bws gwell i bawb",
        challenge_en="How might we make bus journeys in our county work for everyone who needs them?",
        challenge_cy="Sut allwn ni wneud i deithiau bws yn ein sir weithio i bawb sydd eu hangen?",
        consent_text_en="Your ideas may be published without your name if you agree.",
        consent_text_cy="Gellir cyhoeddi eich syniadau heb eich enw os ydych yn cytuno.",
        venue="Neuadd y Dref / Town Hall",
        starts_at=now,
        ends_at=now + timedelta(days=30),
        join_code=new_join_code(db),
        phase=Phase.tables,
        phase_changed_at=now,
    )
    db.add(workshop)
    db.flush()
    db.add(
        PhaseChange(
            workshop_id=workshop.id,
            from_phase=Phase.engage,
            to_phase=Phase.tables,
            changed_by_id=user.id,
        )
    )
    people = {}
    for index, (name, perspective, roles, strengths) in enumerate(PEOPLE):
        person = Participant(
            workshop_id=workshop.id,
            display_name=name,
            perspective=perspective,
            network_roles=roles,
            strengths=strengths,
            consent_publish=True,
            consent_share_perspective=index % 4 != 0,
            consent_recorded_at=now,
            access_needs="Step-free access, BSL interpreter" if name == "Dafydd" else None,
        )
        db.add(person)
        people[name] = person
    db.flush()
    db.add(
        SeatingConstraint(
            workshop_id=workshop.id,
            kind=ConstraintKind.together,
            first_id=people["Dafydd"].id,
            second_id=people["Mared"].id,
        )
    )
    db.add(
        SeatingConstraint(
            workshop_id=workshop.id,
            kind=ConstraintKind.apart,
            first_id=people["Aisha"].id,
            second_id=people["Priya"].id,
        )
    )
    db.flush()
    run_allocation(db=db, workshop=workshop, user_id=user.id, data=AllocationCreate(seed=2026))
    return workshop


def ensure_demo(settings: Settings) -> None:
    engine = make_engine(settings)
    with Session(engine, expire_on_commit=False) as db:
        found = _existing(db)
        created = found is None
        workshop = found or _create(db)
        megan = db.exec(
            select(Participant).where(
                Participant.workshop_id == workshop.id, Participant.display_name == "Megan"
            )
        ).one()
        secrets = issue_rejoin_secrets(megan, settings)
        db.add(megan)
        user = db.exec(select(User).where(User.email == DEMO_EMAIL)).one()
        journey = ensure_journey(
            db, settings, organisation_id=workshop.organisation_id, user_id=user.id
        )
        db.commit()
    engine.dispose()
    base = settings.public_base_url.rstrip("/")
    print(
        f"""
  Cyd demo {"created" if created else "ready"} — open {base}
    Facilitator sign-in : {DEMO_EMAIL} / {DEMO_PASSWORD}
    Demo workshop       : {base}/sessions/{workshop.id}
    Projector screen    : {base}/sessions/{workshop.id}/projector
    Join code           : {workshop.join_code}  ({join_url(settings, workshop.join_code)})
    Be participant Megan: {secrets.rejoin_url}  (recovery code {secrets.recovery_code})
    Finished journey    : "{journey.title_en}" {base}/sessions/{journey.id}  (public page {base}/published/{journey.id})
    API docs            : {base}/docs
"""
    )


if __name__ == "__main__":
    ensure_demo(load_settings())
