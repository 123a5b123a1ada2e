# Conflict Timeline: every target installs what it needs first (a .venv on Python 3.11).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
STORE  ?= data/events.duckdb
HOST   ?= 127.0.0.1
PORT   ?= 8050

.PHONY: install run ingest test eval bench golden screenshot clean

install: $(STAMP)

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q -r requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

ingest: install  ## store the seeds' events, re-extracted by this version (exit 1 = some rejected, the rest stored)
	$(BIN)/python -m extractor ingest seeds/ --store $(STORE) --reextract || [ $$? -eq 1 ]

run: ingest  ## serve the dashboard on http://127.0.0.1:8050
	$(BIN)/python -m dashboard --store $(STORE) --host $(HOST) --port $(PORT)

test: install  ## every test, browser tests included
	$(BIN)/python -m pytest -q -p no:dash  # dash[testing] (selenium) is not used: Playwright drives the browser

eval: install  ## score the extractor on the gold sets in ../shared/eval
	$(BIN)/python tools/evaluate.py

bench: install  ## throughput, peak memory and dashboard latency at growing sizes
	$(BIN)/python tools/bench.py

golden: install  ## rewrite the golden files from the current extractor (review the diff!)
	$(BIN)/python tools/golden.py

screenshot: ingest  ## docs/dashboard.png of the dashboard on the seeds
	$(BIN)/python tools/screenshot.py --store $(STORE)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
