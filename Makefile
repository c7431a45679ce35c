# vnkg: `make demo` builds the sample graph and draws it; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= vnkg-data
OUT    ?= out

.PHONY: demo test lint typecheck pytest neo4j neo4j-stop bench bench-quick fuzz clean

$(BIN)/vnkg: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("vnkg needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(BIN)/vnkg

demo: $(BIN)/vnkg
	$(BIN)/vnkg build examples/articles --store $(STORE)
	@echo
	@echo "Who chaired which meeting:"
	$(BIN)/vnkg query chairs --store $(STORE)
	@mkdir -p $(OUT)
	$(BIN)/vnkg view overview --store $(STORE) -o $(OUT)/overview.html
	@echo
	@echo "Open $(OUT)/overview.html in a browser to explore the graph."
	@echo
	@echo "To search, browse and ask in your browser, start the explorer:"
	@echo "  $(BIN)/vnkg serve --store $(STORE)"
	@echo "then open http://127.0.0.1:8765/ (Ctrl-C stops it)."

test: lint typecheck pytest

lint: $(BIN)/vnkg
	$(BIN)/ruff check .

typecheck: $(BIN)/vnkg
	$(BIN)/mypy

pytest: $(BIN)/vnkg
	$(BIN)/pytest -q

# a local Neo4j 5.26 (from Maven Central, Java 17) on bolt://127.0.0.1:7687, data in .neo4j/
neo4j:
	tools/neo4j/start.sh

neo4j-stop:
	tools/neo4j/stop.sh

# benchmarks with their baselines, a table under benchmarks/results/ (quick: CI-sized)
bench: $(BIN)/vnkg
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/run.py

bench-quick: $(BIN)/vnkg
	$(BIN)/python benchmarks/run.py --quick --check

FUZZ_SECONDS ?= 300
fuzz: $(BIN)/vnkg
	$(BIN)/python tests/robustness/fuzz_extract.py --seconds $(FUZZ_SECONDS) --out test-artifacts/fuzz

clean:
	rm -rf $(STORE) $(OUT) test-artifacts .pytest_cache .mypy_cache .ruff_cache
