"""Implementations of CLI commands, imported only when their command runs."""
