# The two commands: `make serve` (build and serve the page) and `make test` (every test).
# Each installs what is missing first (scripts/ensure-tools.sh).
PORT ?= 8080

.PHONY: serve test build bench tools clean

serve: build
	node scripts/serve.mjs --port $(PORT) --host 127.0.0.1

# The browser tests need Debian's chromium: installed here when missing.
test:
	scripts/ensure-tools.sh --browser
	scripts/test.sh

build: tools
	scripts/build.sh

bench: build
	scripts/ensure-tools.sh --browser
	scripts/bench.sh

tools:
	scripts/ensure-tools.sh

clean:
	rm -rf pkg target
