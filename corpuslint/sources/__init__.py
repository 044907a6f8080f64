"""Where documents come from: files on disk, stdin, JSONL and Parquet records."""
