"""Runs the selected rules: registry, screen, the linter, suppressions, cache, baseline."""
