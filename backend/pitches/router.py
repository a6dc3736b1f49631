"""Cooperative pitches: each table's pitch, other tables' responses, presenter mode."""

from fastapi import APIRouter

from backend.pitches import me_routes, session_routes

router = APIRouter(tags=["pitches"])
router.include_router(me_routes.router)
router.include_router(session_routes.router)
