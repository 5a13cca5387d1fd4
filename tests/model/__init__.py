"""Tests of the site model."""
