"""The corpus pass: compact features per document, then the D rules over all of them."""
