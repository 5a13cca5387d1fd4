"""Tests of rendering pages and data files."""
