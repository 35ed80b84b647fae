# make demo  - set up .venv if needed, install legacykeras, run the demo
# make test  - set up/refresh .venv, run the test suite
# make fixtures - regenerate fixtures/ with the real Keras 1.2.2 (needs ../shared/keras1-oracle)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: demo test fixtures bench docs

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[cpu,test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

# pytest exits 5 when it collected nothing: that is a failure here, not a pass.
test: $(STAMP)
	@$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

fixtures:
	bash fixtures/make/run_all.sh

# Benchmarks print ratios against native Keras 3 / raw h5py / tf_upgrade_v2 measured side by side.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_layers
	$(BIN)/python -m benchmarks.bench_migrate
	$(BIN)/python -m benchmarks.bench_loader

docs: $(STAMP)
	$(BIN)/python -m legacykeras.rules.docs --write README.md
