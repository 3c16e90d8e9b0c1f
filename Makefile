# Two commands for a newcomer: `make run` starts the app, `make test` runs the lint gate, then the tests.
# Both create .venv when it is missing and install what they need into it.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test lint fuzz mutation bench screenshot wheel bundle bench-bundle icons install-desktop uninstall-desktop clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e '.[test,bench,dev]'
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	@./scripts/system-deps.sh window
	@if [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY$$QT_QPA_PLATFORM" ]; then \
		echo "There is no display here: run 'xvfb-run -a make run' for a virtual screen, or use the command line ('$(VENV)/bin/raci --help')."; \
		exit 1; \
	fi
	$(VENV)/bin/raci $(FILE)

# The gates the code keeps by itself, each with zero findings: style and
# likely bugs (ruff), the rooms' import contracts (import-linter), and types
# (mypy on src/). Their settings live in pyproject.toml.
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: lint
	@./scripts/system-deps.sh offscreen
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The fuzz tests with 10,000 inputs per entry point (`make test` runs them with a few);
# RACI_FUZZ_EXAMPLES=N sets another number.
fuzz: $(VENV)/.installed-test
	@./scripts/system-deps.sh offscreen
	RACI_FUZZ_EXAMPLES=$${RACI_FUZZ_EXAMPLES:-10000} HYPOTHESIS_PROFILE=explore QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/fuzz \
		--durations=0 --hypothesis-show-statistics $(PYTEST_ARGS)

# Mutation testing of the core (model, rules, team file, sheet import) with
# mutmut, configured in pyproject.toml; prints the score per group at the end.
# Results are kept in mutants/: a second run checks only what changed.
# MUTATION_JOBS=N sets the number of mutants tested at once.
MUTATION_JOBS ?= 2

mutation: $(VENV)/.installed-test
	nice -n 10 $(VENV)/bin/mutmut run --max-children $(MUTATION_JOBS)
	$(PY) scripts/mutation-score.py --minimum 85

bench: $(VENV)/.installed-test
	@./scripts/system-deps.sh offscreen
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

screenshot: $(VENV)/.installed-run
	@./scripts/system-deps.sh window
	xvfb-run -a -s "-screen 0 1280x720x24" $(PY) -m raci.ui.screenshot docs/screenshot.png --size 1280x720

wheel: $(VENV)/.installed-test
	$(PY) -m build --wheel --outdir dist .

# The bundle: dist/raci-builder/ runs without Python; built in its own venv so
# that nothing of the test tools can slip in, then checked as a user runs it.
BUNDLE_VENV := build/venv
BUNDLE := dist/raci-builder

$(BUNDLE_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip --disable-pip-version-check -q install -e '.[bundle]'
	@touch $@

bundle: $(BUNDLE_VENV)/.installed
	@./scripts/system-deps.sh window
	./scripts/build-bundle.sh $(BUNDLE_VENV)/bin/python
	./scripts/check-bundle.sh $(BUNDLE)

# Start-up of the bundle against the venv, in turns, under one virtual screen.
bench-bundle: $(VENV)/.installed-test
	@./scripts/system-deps.sh window
	./scripts/bench-bundle.sh $(BUNDLE)

icons: $(VENV)/.installed-run
	$(PY) packaging/make_icons.py

# The menu entry, icons and *.raci.json file type for the current user. It
# starts the bundle when one is built, otherwise the venv's raci.
DESKTOP_PROGRAM ?= $(if $(wildcard $(BUNDLE)/raci),$(CURDIR)/$(BUNDLE)/raci,$(CURDIR)/$(VENV)/bin/raci)

install-desktop: $(if $(wildcard $(BUNDLE)/raci),,$(VENV)/.installed-run)
	./packaging/linux/install-desktop.sh install "$(DESKTOP_PROGRAM)"

uninstall-desktop:
	./packaging/linux/install-desktop.sh uninstall

clean:
	rm -rf $(VENV) dist build .pytest_cache .hypothesis mutants .mypy_cache .ruff_cache .import_linter_cache
