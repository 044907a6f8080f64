"""The values that flow through corpuslint: documents, diagnostics, edits, findings."""
