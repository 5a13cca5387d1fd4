"""Tests of utilities."""
