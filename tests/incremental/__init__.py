"""Tests of what the last build left, and rebuilds."""
