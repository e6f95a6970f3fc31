"""Tests of the spec pipeline: scripts/normalize_spec.py, scripts/generate.py and their output.

A package (not a bare directory) so its module names never clash with tests/spec_pipeline.
"""
