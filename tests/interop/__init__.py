"""Interoperability tests (a package so that the tests import their helpers from .conftest)."""
