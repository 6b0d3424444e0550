# Go: the tests build, vet and lint the generated Go module with the go command on the PATH
# (Go 1.21 or newer) and staticcheck, pinned here and installed once into .tools/go/.
GO ?= go
STATICCHECK_VERSION := v0.8.2
GO_STAMP := .tools/go/.installed
TEST_DEPS += $(GO_STAMP)

$(GO_STAMP): mk/go.mk
	@command -v $(GO) >/dev/null || { echo "go not found: install Go 1.21+ (apt-get install golang-go)"; exit 1; }
	GOBIN=$(CURDIR)/.tools/go/bin GOMODCACHE=$(CURDIR)/.tools/go/mod GOFLAGS="-mod=mod -modcacherw" \
		$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	touch $@
