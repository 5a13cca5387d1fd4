"""Tests of people and places."""
