"""Tests of whole builds, checked in their output files, links and browsers."""
