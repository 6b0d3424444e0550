# Rust: the tests build the generated crates with cargo, clippy, rustfmt and rustdoc from the
# toolchain on the PATH (rustup's stable); the crates they use (serde, serde_json) are pinned
# by tests/rust/Cargo.lock and land in cargo's own cache on first use. Builds share one
# target directory under .tools/rust/.
RUST_STAMP := .tools/rust/.installed
TEST_DEPS += $(RUST_STAMP)

$(RUST_STAMP): mk/rust.mk tests/rust/Cargo.lock
	cargo --version
	cargo clippy --version
	cargo fmt --version
	mkdir -p .tools/rust
	touch $@
