"""Tests of the commands besides build."""
