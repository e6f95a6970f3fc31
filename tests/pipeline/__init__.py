"""Tests of the spec pipeline: scripts/normalize_spec.py, scripts/generate.py, their output, and how the
facade meets a spec newer than the one it shipped with.

A package (not a bare directory) so its module names never clash with other test folders'.
"""
