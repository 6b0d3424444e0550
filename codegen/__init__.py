"""codegen: one catalog of error and status codes, generated into every language you ship."""

__version__ = "0.1.0"
