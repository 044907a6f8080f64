"""The corpus as a validated Polars dataset: rows, the pandera schema, export."""
