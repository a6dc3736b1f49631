"""The README's partner examples run as written: pulling outcomes with a partner key from a real
server (seeded with the demo's published journey workshop), and verifying webhook signatures made
the way the server signs deliveries."""

import json
import re
import subprocess
import time
from pathlib import Path

import httpx

from backend.config import PROJECT_ROOT, Settings
from backend.demo import DEMO_EMAIL, DEMO_PASSWORD, ensure_demo
from backend.webhooks.signing import signature

README = PROJECT_ROOT / "README.md"
FRONTEND = PROJECT_ROOT / "frontend"


def readme_block(containing: str) -> str:
    blocks = re.findall(r"```(?:js|ts)\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    found = [block for block in blocks if containing in block]
    assert len(found) == 1, f"expected one README example containing {containing!r}"
    return str(found[0])


def run_node(source: str, tmp_path: Path, env: dict[str, str] | None = None) -> str:
    script = FRONTEND / f".readme-partner-{tmp_path.name}.mjs"
    script.write_text(source, encoding="utf-8")
    try:
        result = subprocess.run(
            ["node", str(script)],
            cwd=FRONTEND,
            env={"PATH": "/usr/bin:/bin:/usr/local/bin", **(env or {})},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        script.unlink()
    assert result.returncode == 0, result.stderr
    return result.stdout


def partner_key(base_url: str, server_data_dir: Path) -> str:
    settings = Settings(
        database_url=f"sqlite:///{server_data_dir / 'cyd.sqlite3'}",
        data_dir=server_data_dir,
        public_base_url=base_url,
    )
    ensure_demo(settings)
    with httpx.Client(base_url=base_url, headers={"Origin": base_url}) as http:
        signed_in = http.post(
            "/api/v1/auth/signin", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD}
        )
        assert signed_in.status_code == 200, signed_in.text
        organisation_id = signed_in.json()["memberships"][0]["organisation_id"]
        created = http.post(
            f"/api/v1/organisations/{organisation_id}/api-keys",
            headers={"X-CSRF-Token": http.cookies["cyd_csrf"]},
            json={"name": "README example", "scopes": ["initiatives:read", "outcomes:read"]},
        )
        assert created.status_code == 201, created.text
        return str(created.json()["token"])


def test_pull_outcomes_example(base_url: str, server_data_dir: Path, tmp_path: Path) -> None:
    key = partner_key(base_url, server_data_dir)
    example = readme_block("/api/v1/partner/measurements").replace(
        "http://127.0.0.1:8000", base_url
    )

    output = run_node(example, tmp_path, {"CYD_PARTNER_KEY": key})

    lines = output.strip().splitlines()
    assert "Bws paned — Friday bus and a cuppa | Regular Friday passengers: 24 people" in output
    assert "(baseline 0, target 30)" in output
    assert len(lines) >= 5  # every indicator of the journey's three initiatives
    for private in ("Mair", "Emyr Rees"):
        assert private not in output


def test_verify_webhook_example(tmp_path: Path) -> None:
    secret = "cyd_whsec_readme-example"
    body = json.dumps({"id": "evt-1", "kind": "outcome.measured", "data": {"value": 24}})
    now = int(time.time())
    cases = {
        "valid": (now, body, signature(secret, now, body.encode())),
        "tampered": (now, body.replace("24", "42"), signature(secret, now, body.encode())),
        "old": (now - 3600, body, signature(secret, now - 3600, body.encode())),
        "wrong secret": (now, body, signature("another secret", now, body.encode())),
    }
    calls = "\n".join(
        f"console.log({json.dumps(name)}, verifyCydWebhook({json.dumps(secret)}, "
        f'{{"cyd-webhook-timestamp": "{sent}", "cyd-webhook-signature": {json.dumps(sig)}}}, '
        f"Buffer.from({json.dumps(raw)})));"
        for name, (sent, raw, sig) in cases.items()
    )

    output = run_node(readme_block("verifyCydWebhook") + "\n" + calls + "\n", tmp_path)

    assert output.splitlines() == [
        "valid true",
        "tampered false",
        "old false",
        "wrong secret false",
    ]
