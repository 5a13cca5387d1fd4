"""Tests of writing the output folder."""
