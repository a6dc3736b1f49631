"""Write the app's OpenAPI document to openapi/openapi.json (`make openapi`)."""

import json
import sys
from pathlib import Path

from backend.config import PROJECT_ROOT, Settings
from backend.main import create_app

SPEC_PATH = PROJECT_ROOT / "openapi" / "openapi.json"


def current_spec_text() -> str:
    app = create_app(Settings(database_url="sqlite://"))
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(current_spec_text(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
