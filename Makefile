# Set-up and everyday commands. Every target installs what it needs, so a fresh
# Debian machine with Python 3.11 needs only `make serve` or `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: serve build validate test test-fast system-deps clean docs

$(BIN)/thin: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(BIN)/thin
	$(BIN)/thin serve --host $(HOST) --port $(PORT)

build: $(BIN)/thin
	$(BIN)/thin build

validate: $(BIN)/thin
	$(BIN)/thin validate

# Debian packages the browser and HTML-checker tests drive: Chromium, a Java
# runtime for the Nu HTML checker, Node.js and npm for axe-core and vnu-jar.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(BIN)/thin system-deps node_modules/.installed
	$(BIN)/python -m pytest -q

test-fast: $(BIN)/thin
	$(BIN)/python -m pytest -q -m "not browser"

docs: $(BIN)/thin
	$(BIN)/thin docs

clean:
	rm -rf site site.tmp-* site.old-* .pytest_cache
