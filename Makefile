# Stitch: build, test and demo on a fresh Debian machine.
SWIFT ?= swift
DEB_PACKAGES := liblapack-dev libblas-dev libsqlite3-dev
PYTHON ?= python3

.PHONY: deps build test demo clean

## deps: install the system libraries Stitch links (and the Python reference tools its tests use) when missing.
deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product stitch

## test: every unit, property and end-to-end test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

## demo: a scripted tour of the three jobs on the bundled Lewisham community.
demo: build
	@bash scripts/demo.sh "$$($(SWIFT) build -c release --show-bin-path)/stitch"

clean:
	rm -rf .build
