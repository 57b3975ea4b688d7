# Bridges: `make run` serves the site with demo content; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test bench lint format messages browser-deps pdf-deps publication-deps media-deps clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

# Stories told by voice are checked and cleaned with Debian's ffmpeg (stories/recordings.py).
media-deps:
	@command -v ffmpeg >/dev/null || { \
		echo "Installing ffmpeg for recorded stories (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null; }

# Links in mails, canonical links and the API's html_url follow the address the site runs at.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install pdf-deps media-deps
	@echo "Migrating the database (db.sqlite3, or DATABASE_URL) ..."
	@$(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin
	@echo
	@echo "  Bridges runs at http://$(HOST):$(PORT)/  -  admin: http://$(HOST):$(PORT)/admin/"
	@echo
	@# The task worker (mail, ...) runs beside the server and stops with it.
	@$(BIN)/python manage.py db_worker --no-reload --no-startup-delay & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The browser tests drive Debian's chromium; a browser download cannot work on these machines.
browser-deps:
	@test -x /usr/bin/chromium || { \
		echo "Installing Debian's chromium for the browser tests (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@# The Nu HTML checker (vnu-jar from npm) runs with the machine's Java.
	@command -v java >/dev/null || { \
		echo "Installing Java for the Nu HTML checker (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# The publication's PDF needs Pango (WeasyPrint): the demo's books are built by `make run` too.
pdf-deps:
	@ldconfig -p | grep -q libpango-1.0 || { \
		echo "Installing Pango for the publication's PDF (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# The tests also check the EPUB with Debian's epubcheck (Java) and read PDFs with poppler-utils.
publication-deps: pdf-deps
	@test -x /usr/bin/epubcheck && command -v pdftoppm >/dev/null || { \
		echo "Installing epubcheck and poppler-utils for the publication's tests (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			epubcheck poppler-utils >/dev/null; }

test: install browser-deps publication-deps media-deps
	$(BIN)/pytest $(PYTEST_ARGS)

# wrk, Varnish and nginx come from Debian (bench/stack.py installs them with apt-get when missing).
bench: install browser-deps
	$(BIN)/python bench/stack.py
	$(BIN)/python bench/scale.py
	@if [ -n "$$BENCH_DATABASE_URL" ]; then :; elif pg_isready -h 127.0.0.1 -q 2>/dev/null; then \
		psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'bridges_bench'" | grep -q 1 \
			|| psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bridges_bench"; \
		BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bridges_bench $(BIN)/python bench/scale.py; fi
	$(BIN)/python bench/publication.py
	$(BIN)/python bench/offline_walk.py
	$(BIN)/python bench/search.py
	@if pg_isready -h 127.0.0.1 -q 2>/dev/null; then \
		psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'bridges_bench_search'" | grep -q 1 \
			|| psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bridges_bench_search"; \
		DATABASE_URL=postgres://postgres@127.0.0.1:5432/bridges_bench_search BENCH_SEARCH_PAGES=100000 \
			$(BIN)/python bench/search.py; fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the .po files of the site-wide templates and every app, then compile them.
messages: install
	$(BIN)/python manage.py makemessages --all --ignore ".venv/*" --ignore "node_modules/*" --ignore "tests/*"
	$(BIN)/python manage.py compilemessages --ignore ".venv/*" --ignore "node_modules/*"

clean:
	rm -rf $(VENV) node_modules static .test-media .bench
