"""The README's JavaScript client example runs as written against a real server."""

import re
import subprocess
from pathlib import Path

import httpx

from backend.config import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
FRONTEND = PROJECT_ROOT / "frontend"


def _readme_ts_example() -> str:
    blocks = re.findall(r"```ts\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert blocks, "the README has no ```ts example"
    return str(blocks[0])


def _token_and_session(base_url: str) -> str:
    with httpx.Client(base_url=base_url, headers={"Origin": base_url}) as http:
        signup = http.post(
            "/api/v1/auth/signup",
            json={
                "name": "Partner Dev",
                "email": "partner-dev@example.org",
                "password": "a-long-enough-password",
                "organisation_name": "Partner Council",
                "locale": "en",
            },
        )
        assert signup.status_code == 201, signup.text
        csrf = {"X-CSRF-Token": http.cookies["cyd_csrf"]}
        org_id = signup.json()["memberships"][0]["organisation_id"]
        created = http.post(
            "/api/v1/sessions",
            headers=csrf,
            json={
                "organisation_id": org_id,
                "title": {
                    "en": "Libraries as warm spaces",
                    "cy": "Llyfrgelloedd fel mannau cynnes",
                },
                "starts_at": "2030-01-15T10:00:00Z",
            },
        )
        assert created.status_code == 201, created.text
        token = http.post(
            "/api/v1/auth/tokens",
            headers=csrf,
            json={"name": "readme", "scopes": ["sessions:read"]},
        )
        assert token.status_code == 201, token.text
        return str(token.json()["token"])


def test_readme_example_lists_sessions(base_url: str, tmp_path: Path) -> None:
    token = _token_and_session(base_url)
    script = FRONTEND / f".readme-example-{tmp_path.name}.mjs"
    script.write_text(
        _readme_ts_example().replace("http://127.0.0.1:8000", base_url), encoding="utf-8"
    )
    try:
        result = subprocess.run(
            ["node", str(script)],
            cwd=FRONTEND,
            env={"PATH": "/usr/bin:/bin:/usr/local/bin", "CYD_TOKEN": token},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        script.unlink()
    assert result.returncode == 0, result.stderr
    assert "Libraries as warm spaces engage" in result.stdout
