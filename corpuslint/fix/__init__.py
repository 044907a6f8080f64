"""Applying fixes to a document until it settles, and writing files safely."""
