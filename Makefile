# 公开审 (gongkai-triage). The README's two commands: `make demo` and `make test`.
# Both set up everything on a fresh Debian machine: Debian packages (apt-get, when
# missing) and the Python environment in .venv with pinned versions.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# fonts-wqy-zenhei: a CJK TrueType font, to draw Chinese text into PDFs (reportlab, Pillow).
# libreoffice-writer-nogui + fonts-noto-cjk: the tests make PDFs of the devset .docx as
# agencies do; qpdf: the tests decompress redacted PDFs with it to grep them.
# chromium: the reviewers' web app is tested in it (Playwright drives /usr/bin/chromium);
# postgresql: the store's tests also run on a throwaway PostgreSQL cluster on loopback.
APT_PACKAGES := fonts-wqy-zenhei fonts-noto-cjk libreoffice-writer-nogui qpdf chromium postgresql
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install apt demo test pytest lint typecheck bench screenshots samples lab notebooks-strip clean

install: $(STAMP) $(NODE_STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(MAKE) --no-print-directory apt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# axe-core for the accessibility checks of the browser tests (package-lock.json pins it);
# npm from Debian when no npm is there (a NodeSource nodejs brings its own).
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null; }
	npm ci --no-audit --no-fund --silent
	@touch $(NODE_STAMP)

apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  echo "apt-get install$$missing"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

demo: install
	$(BIN)/triage scan data/samples

test: install lint typecheck pytest

# The store's tests run on SQLite and on PostgreSQL: a throwaway cluster on 127.0.0.1:54329
# (scripts/test-postgres.sh; left running for the next run), unless TRIAGE_TEST_PG names one.
pytest: install
	@if [ -z "$$TRIAGE_TEST_PG" ]; then \
	  TRIAGE_TEST_PG=$$(scripts/test-postgres.sh start) || exit 1; export TRIAGE_TEST_PG; \
	fi; \
	echo "TRIAGE_TEST_PG=$$TRIAGE_TEST_PG $(BIN)/python -m pytest -q"; \
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check pipeline tests benchmarks data scripts
	$(BIN)/ruff format --check pipeline tests benchmarks data scripts
	$(BIN)/python scripts/notebooks.py check
	$(BIN)/triage lexicon check

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/metadata.py
	$(BIN)/python benchmarks/ingest.py

# The README's screenshots of the review app (docs/*.png), taken by its browser tests.
screenshots: install
	TRIAGE_README_SHOTS=1 $(BIN)/python -m pytest -q tests/review/test_reviewers_day.py \
	  tests/review/test_clerk_browser.py tests/review/test_batch_browser.py

samples: install
	$(BIN)/python data/make_samples.py

# The analysts' notebooks (notebooks/) in JupyterLab, on the project's environment.
lab: install
	cd notebooks && ../$(BIN)/jupyter lab

# Notebooks are committed without outputs (make lint checks it).
notebooks-strip: install
	$(BIN)/python scripts/notebooks.py strip

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .prefect
