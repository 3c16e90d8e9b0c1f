# Two commands for a newcomer: `make run` starts the app, `make test` runs the tests.
# Both create .venv when it is missing and install what they need into it.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test fuzz bench screenshot wheel clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e '.[test,bench]'
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	@./scripts/system-deps.sh window
	@if [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY$$QT_QPA_PLATFORM" ]; then \
		echo "There is no display here: run 'xvfb-run -a make run' for a virtual screen, or use the command line ('$(VENV)/bin/raci --help')."; \
		exit 1; \
	fi
	$(VENV)/bin/raci $(FILE)

test: $(VENV)/.installed-test
	@./scripts/system-deps.sh offscreen
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The fuzz tests with 10,000 inputs per entry point (`make test` runs them with a few);
# RACI_FUZZ_EXAMPLES=N sets another number.
fuzz: $(VENV)/.installed-test
	@./scripts/system-deps.sh offscreen
	RACI_FUZZ_EXAMPLES=$${RACI_FUZZ_EXAMPLES:-10000} QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/fuzz \
		--durations=0 --hypothesis-show-statistics $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	@./scripts/system-deps.sh offscreen
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

screenshot: $(VENV)/.installed-run
	@./scripts/system-deps.sh window
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m raci.ui.screenshot docs/screenshot.png

wheel: $(VENV)/.installed-test
	$(PY) -m build --wheel --outdir dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .hypothesis
