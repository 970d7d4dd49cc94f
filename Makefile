# Samverkansportalen. `make serve` and `make test` do everything on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# dev (default): everything, tests included. run: only what building the site needs (publishing).
LOCK ?= dev
STAMP := $(VENV)/.installed-$(LOCK)
AXE := node_modules/axe-core/axe.min.js
ADDR ?= 127.0.0.1:8000
SITE ?= site
# intern (default): everything, internal items marked. public: nothing marked `visibility: intern`.
EDITION ?= intern
export SAMVERKAN_EDITION := $(EDITION)


.PHONY: serve build check test lint bench fuzz lock clean

# The venv is made once and reinstalled only when the dependencies change.
$(STAMP): pyproject.toml requirements/$(LOCK).txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/$(LOCK).txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

# The locks, with hashes, generated from pyproject.toml: run.txt to build the site, dev.txt for
# everything. Dependabot proposes updates to them; regenerate by hand after changing pyproject.toml.
COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock: $(VENV)/.installed-dev
	$(COMPILE) --output-file=requirements/run.txt pyproject.toml
	$(COMPILE) --extra=dev --output-file=requirements/dev.txt pyproject.toml

# axe-core for the accessibility tests, from the npm registry, pinned by package-lock.json.
$(AXE): package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(AXE); \
	else echo "npm saknas: tillgänglighetstesterna med axe-core hoppas över"; fi

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr $(ADDR)

# Data is validated before MkDocs starts; the site is built in a folder of its own, under a lock,
# and swapped in whole only when the build succeeded (hooks/samverkan/sitedir.py): a failed build
# leaves the last good site exactly as it was, and two builds at once take turns.
build: $(STAMP)
	$(BIN)/python -m samverkan build --site-dir $(SITE)

check: $(STAMP)
	@$(BIN)/python -m samverkan check $(if $(FORMAT),--format $(FORMAT))

test: lint $(AXE)
	$(BIN)/python -m pytest

# Build times at national scale; writes benchmarks/BENCHMARKS.md (takes about ten minutes).
# Then the time hostile inputs take (benchmarks/hostile.py), and search quality and speed through
# the real search box, on the seed site and at national scale (benchmarks/search.py).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/hostile.py
	$(BIN)/python benchmarks/search.py

# The fuzz tests with many examples (make test runs a few); the nightly workflow runs more.
FUZZ_EXAMPLES ?= 1000
FUZZ_BUILD_EXAMPLES ?= 30
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_BUILD_EXAMPLES=$(FUZZ_BUILD_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py

lint: $(STAMP)
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf site $(VENV)
