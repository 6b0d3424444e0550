# The documentation site's browser tests: Debian's Chromium (no browser download) driven by
# playwright-core, with axe-core and html-validate, from tests/browser/package-lock.json.
BROWSER_NODE := tests/browser/node_modules/.installed
CHROMIUM_STAMP := .tools/chromium.installed
TEST_DEPS += $(BROWSER_NODE) $(CHROMIUM_STAMP)

$(BROWSER_NODE): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CHROMIUM_STAMP):
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium; }
	mkdir -p .tools && touch $@
