# Stitch: build, test and demo on a fresh Debian machine.
SWIFT ?= swift

.PHONY: deps models build test demo clean data benchmark baselines plot fuzz fuzz-smoke install man openrpc

## deps: install the system libraries Stitch links, the Python reference tools its tests use (.venv) and the text model, when missing.
deps:
	@bash scripts/install-deps.sh

## models: fetch the text model (all-MiniLM-L6-v2) into models/ when missing (docs/scoring.md).
models:
	@bash scripts/install-deps.sh models

build: deps
	$(SWIFT) build -c release --product stitch

## test: every unit, property and end-to-end test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) fuzz-smoke

## demo: a scripted tour of the three jobs on the bundled Lewisham community.
demo: build
	@bash scripts/demo.sh "$$($(SWIFT) build -c release --show-bin-path)/stitch"

## install: stitch, its data, the text model, the man page and shell completions under PREFIX (default /usr/local; DESTDIR for packaging).
PREFIX ?= /usr/local
install: build
	install -D -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/stitch" "$(DESTDIR)$(PREFIX)/bin/stitch"
	install -D -m 0644 -t "$(DESTDIR)$(PREFIX)/share/stitch/data" data/taxonomy.json data/lewisham.json data/lewisham-dismissals.json data/openapi.yaml
	install -D -m 0644 -t "$(DESTDIR)$(PREFIX)/share/stitch/models/all-MiniLM-L6-v2" models/all-MiniLM-L6-v2/*
	install -D -m 0644 deploy/man/stitch.1 "$(DESTDIR)$(PREFIX)/share/man/man1/stitch.1"
	"$(DESTDIR)$(PREFIX)/bin/stitch" --generate-completion-script bash | install -D -m 0644 /dev/stdin "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/stitch"
	"$(DESTDIR)$(PREFIX)/bin/stitch" --generate-completion-script zsh | install -D -m 0644 /dev/stdin "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_stitch"
	"$(DESTDIR)$(PREFIX)/bin/stitch" --generate-completion-script fish | install -D -m 0644 /dev/stdin "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/stitch.fish"

## man: regenerate deploy/man/stitch.1 from the command's own help (swift-argument-parser's generate-manual).
man: deps
	mkdir -p deploy/man
	$(SWIFT) package plugin --allow-writing-to-directory deploy/man generate-manual --output-directory deploy/man --authors Stitch

## openrpc: rebuild docs/openrpc.json (the JSON-RPC methods) from Sources/StitchHTTP/openapi.yaml after changing it.
openrpc: deps
	.venv/bin/python3 Tests/StitchRPCTests/openrpc_document.py

clean:
	rm -rf .build

## data: regenerate the bundled community (the same every time).
data: build
	"$$($(SWIFT) build -c release --show-bin-path)/stitch" generate --lewisham --seed 2026 --output data/lewisham.json

## benchmark: the speed and memory benchmarks (outside `make test`); figures go in docs/performance.md.
benchmark: deps
	STITCH_BENCHMARKS=1 $(SWIFT) package --scratch-path .build-bench --allow-writing-to-package-directory benchmark --no-progress

## baselines: who-can-help in numpy against Stitch on the same communities and requests (Benchmarks/baselines).
baselines: deps
	bash Benchmarks/baselines/run.sh

## plot: docs/images/latency-vs-members.png from Benchmarks/plots/latency-vs-members.dat and the baselines' results.
plot: deps
	gnuplot Benchmarks/plots/latency-vs-members.gp

## fuzz-smoke: every libFuzzer target on a fixed seed and number of inputs (part of `make test`; fails on a crash).
fuzz-smoke: deps
	SWIFT=$(SWIFT) FUZZ_SEED=$${FUZZ_SEED:-1} FUZZ_SECONDS=$${FUZZ_SECONDS:-120} FUZZ_RUNS=$${FUZZ_RUNS:-20000} \
	  FUZZ_RUNS_json_line=3000 FUZZ_RUNS_params=5000 FUZZ_RUNS_restart=60 bash scripts/fuzz.sh

## fuzz: the long libFuzzer campaign, 15 minutes a target (over ten million inputs in all); figures in docs/daemon.md.
fuzz: deps
	SWIFT=$(SWIFT) FUZZ_SECONDS=$${FUZZ_SECONDS:-900} bash scripts/fuzz.sh
