"""Scenario files as pytest items (filled in below)."""
