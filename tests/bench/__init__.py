"""Tests for the benchmark template, its data and the docgen/docxtpl parity it relies on."""
