# `make demo` sets up and runs the main job on the embedded default example;
# `make test` sets up and runs the whole test suite.
.PHONY: setup demo test bench
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

setup:
	@bash scripts/setup.sh

demo: setup
	@bash scripts/demo.sh

test: setup
	@npx vitest run

bench: setup
	@node bench/run.ts
