"""Tests of reading and parsing source files."""
