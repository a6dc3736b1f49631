"""The committed API contract matches the app, and its operation ids are stable and readable."""

import json
import re

from backend.openapi_export import SPEC_PATH, current_spec_text

OPERATION_ID = re.compile(r"^[a-z]+(-[a-z]+)+$")


def test_committed_spec_is_current() -> None:
    assert SPEC_PATH.read_text(encoding="utf-8") == current_spec_text(), (
        "openapi/openapi.json is out of date: run `make openapi` and commit it"
    )


def test_operation_ids_are_readable_and_unique() -> None:
    spec = json.loads(current_spec_text())
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    bad = [op_id for op_id in ids if not OPERATION_ID.match(op_id)]
    assert bad == [], f"operation ids must look like 'sessions-create': {bad}"


def test_every_path_is_versioned_and_errors_are_problem_json() -> None:
    spec = json.loads(current_spec_text())
    for path, operations in spec["paths"].items():
        assert path.startswith("/api/v1/"), path
        for method, op in operations.items():
            errors = {code: r for code, r in op["responses"].items() if code.startswith(("4", "5"))}
            assert errors, f"{method.upper()} {path} declares no error responses"
            for code, response in errors.items():
                assert "application/problem+json" in response.get("content", {}), (
                    method,
                    path,
                    code,
                )
