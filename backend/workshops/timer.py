"""The current phase's countdown, kept on the workshop row.

Running: `timer_ends_at` is set (expired once it has passed). Paused: `timer_remaining_seconds`
is set. Stopped: neither. `timer_duration_seconds` is the total length, extensions included.
"""

import math
from datetime import datetime, timedelta

from backend.models import Workshop
from backend.workshops.errors import TimerStateConflict
from backend.workshops.schemas import TimerPublic, TimerState


def state_of(workshop: Workshop, now: datetime) -> TimerState:
    if workshop.timer_ends_at is not None:
        return TimerState.running if workshop.timer_ends_at > now else TimerState.expired
    if workshop.timer_remaining_seconds is not None:
        return TimerState.paused
    return TimerState.stopped


def _seconds_left(workshop: Workshop, now: datetime) -> int:
    assert workshop.timer_ends_at is not None
    return max(0, math.ceil((workshop.timer_ends_at - now).total_seconds()))


def timer_public(workshop: Workshop, now: datetime) -> TimerPublic:
    state = state_of(workshop, now)
    remaining: int | None = None
    if state in (TimerState.running, TimerState.expired):
        remaining = _seconds_left(workshop, now)
    elif state == TimerState.paused:
        remaining = workshop.timer_remaining_seconds
    return TimerPublic(
        state=state,
        duration_seconds=workshop.timer_duration_seconds,
        ends_at=workshop.timer_ends_at,
        remaining_seconds=remaining,
        server_now=now,
    )


def _require(workshop: Workshop, now: datetime, *allowed: TimerState) -> TimerState:
    state = state_of(workshop, now)
    if state not in allowed:
        wanted = " or ".join(allowed)
        raise TimerStateConflict(f"The timer is {state}; this needs it {wanted}")
    return state


def start(workshop: Workshop, *, duration_seconds: int, now: datetime) -> None:
    """Start (or restart) a countdown of `duration_seconds`, whatever the timer was doing."""
    workshop.timer_duration_seconds = duration_seconds
    workshop.timer_ends_at = now + timedelta(seconds=duration_seconds)
    workshop.timer_remaining_seconds = None


def pause(workshop: Workshop, *, now: datetime) -> None:
    _require(workshop, now, TimerState.running)
    workshop.timer_remaining_seconds = _seconds_left(workshop, now)
    workshop.timer_ends_at = None


def resume(workshop: Workshop, *, now: datetime) -> None:
    _require(workshop, now, TimerState.paused)
    assert workshop.timer_remaining_seconds is not None
    workshop.timer_ends_at = now + timedelta(seconds=workshop.timer_remaining_seconds)
    workshop.timer_remaining_seconds = None


def extend(workshop: Workshop, *, seconds: int, now: datetime) -> None:
    """Add time to a running or paused timer; an expired one runs again for `seconds`."""
    state = _require(workshop, now, TimerState.running, TimerState.paused, TimerState.expired)
    workshop.timer_duration_seconds = (workshop.timer_duration_seconds or 0) + seconds
    if state == TimerState.paused:
        assert workshop.timer_remaining_seconds is not None
        workshop.timer_remaining_seconds += seconds
    else:
        assert workshop.timer_ends_at is not None
        workshop.timer_ends_at = max(workshop.timer_ends_at, now) + timedelta(seconds=seconds)


def clear(workshop: Workshop) -> None:
    workshop.timer_duration_seconds = None
    workshop.timer_ends_at = None
    workshop.timer_remaining_seconds = None
