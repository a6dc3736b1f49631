"""Storyboards: a table's chosen idea as ordered frames from entry point to completion, with
pictures that are checked, re-encoded without metadata, and served only to the session."""

from fastapi import APIRouter

from backend.storyboards import image_routes, me_routes, session_routes

router = APIRouter(tags=["storyboards"])
router.include_router(me_routes.router)
router.include_router(session_routes.router)
router.include_router(image_routes.router)
