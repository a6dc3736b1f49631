"""Serving the built single-page app from the same process and port as the API."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from backend.errors import problem_response

_NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Cyd</title>
<main><h1>Cyd</h1><p>The web client has not been built yet: run <code>make run</code>.</p>
<p>The API is live: <a href="/docs">/docs</a>.</p></main></html>"""


def mount_spa(app: FastAPI, dist: Path) -> None:
    assets = dist / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="spa-assets")

    @app.get("/{path:path}", include_in_schema=False, name="spa")
    async def spa(path: str, request: Request) -> object:
        if path.startswith("api/"):
            return problem_response(
                request,
                status=404,
                code="not_found",
                title_en="Not found",
                title_cy="Heb ei ganfod",
            )
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            return FileResponse(candidate)
        index = dist / "index.html"
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return HTMLResponse(_NOT_BUILT)
