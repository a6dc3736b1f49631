# Cyd — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv from PATH, else installed from PyPI and run as a module.
UV := $(shell command -v uv >/dev/null 2>&1 && echo uv || echo "python3 -m uv")
PY := $(UV) run --frozen
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_LINK_MODE ?= copy

.PHONY: help run test deps uv python-deps node-deps chromium frontend migrate demo \
	test-backend test-frontend test-browser lint openapi bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: deps frontend migrate ## Install what is missing, build the SPA and serve API + SPA on :8000 with a demo workshop
	@$(PY) python -m backend.demo
	$(PY) uvicorn --factory backend.main:app_from_env --host $(HOST) --port $(PORT)

test: deps chromium frontend ## Install what is missing and run every test (backend, frontend, browser)
	$(MAKE) test-backend
	$(MAKE) test-frontend
	$(MAKE) test-browser

deps: uv python-deps node-deps

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

python-deps:
	$(UV) sync --frozen --quiet

node-deps:
	@if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then \
		cd frontend && npm ci --no-audit --no-fund --loglevel=error; fi

chromium: ## Debian's Chromium for the browser tests (never a downloaded browser)
	@if [ ! -x /usr/bin/chromium ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; fi

frontend: node-deps ## Build the JS client and the SPA into frontend/dist
	cd frontend && npm run build --silent

migrate: ## Apply migrations to the configured database (SQLite file by default)
	$(PY) alembic upgrade head

demo: migrate ## Create (or show) the demo organisation, facilitator and workshop
	$(PY) python -m backend.demo

test-backend: ## Backend tests (DATABASE_URL=postgresql+psycopg://... to run them on PostgreSQL)
	$(PY) pytest tests --ignore=tests/browser -p no:cacheprovider

test-frontend: ## Frontend type check and unit tests
	cd frontend && npm run typecheck --silent && npm test --silent

test-browser: ## Browser tests: the real SPA in Debian's Chromium
	$(PY) pytest tests/browser -p no:cacheprovider

lint: ## ruff, mypy and tsc
	$(PY) ruff check backend tests migrations
	$(PY) ruff format --check backend tests migrations
	$(PY) mypy backend
	cd frontend && npm run typecheck --silent

openapi: ## Regenerate openapi/openapi.json and the JS client from the app
	$(PY) python -m backend.openapi_export
	cd frontend && npm run generate --silent

bench: ## Benchmarks that print figures (allocation; server CPU per idea; a 700-person conference and the largest N meeting the targets on one server process; 700 on two)
	$(PY) python tests/bench/bench_allocation.py
	$(PY) python tests/bench/bench_write_cost.py
	$(PY) python tests/bench/bench_conference.py --find-max --find-max-minutes 15
	$(PY) python tests/bench/bench_conference.py --workers 2
