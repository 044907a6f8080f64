"""The dataset's contract: one row per document, as a strict pandera model for Polars.

Every column's dtype, nullability and checks are stated here, checks written
as Polars expressions; `corpuslint export` validates each batch lazily (every
failure reported, not the first) before anything is written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import pandera.polars as pa
import polars as pl

# ISO 639-1: the two-letter language codes (langdetect's "zh-cn"/"zh-tw" map to "zh").
_ISO_639_1 = """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
"""
ISO_639_1 = frozenset(_ISO_639_1.split())

TIMESTAMP = pl.Datetime("us", "UTC")


class ArticleSchema(pa.DataFrameModel):
    """One cleaned article per row: its metadata, its text, its counts and its findings."""

    id: str = pa.Field(unique=True, description="Stable: a hash of the source key and the content")
    path: str = pa.Field(description="The file the article was read from")
    record: pl.Int64 = pa.Field(nullable=True, ge=1,
                                description="Record number in a JSONL (its line) or Parquet corpus")
    record_id: str = pa.Field(nullable=True, description="The record's own id (--id-field)")
    headline: str = pa.Field(nullable=True)
    standfirst: str = pa.Field(nullable=True)
    byline: str = pa.Field(nullable=True)
    published: TIMESTAMP = pa.Field(
        nullable=True, description="UTC; null unless the text gives date, time and timezone")
    published_iso: str = pa.Field(
        nullable=True, description="The date as the text gives it, ISO 8601, perhaps partial or local")
    updated: TIMESTAMP = pa.Field(
        nullable=True, description="UTC; null unless the text gives date, time and timezone")
    updated_iso: str = pa.Field(
        nullable=True, description="The date as the text gives it, ISO 8601, perhaps partial or local")
    dateline_place: str = pa.Field(nullable=True)
    source: str = pa.Field(nullable=True)
    urls: pl.List(pl.String) = pa.Field()
    language: str = pa.Field(nullable=True, isin=sorted(ISO_639_1))
    language_confidence: float = pa.Field(nullable=True, ge=0.0, le=1.0)
    text: str = pa.Field(
        description="Safe fixes applied, unsafe ones too with --unsafe-fixes (or as it was, with --raw)")
    n_chars: pl.Int64 = pa.Field(ge=0)
    n_words: pl.Int64 = pa.Field(ge=0)
    n_paragraphs: pl.Int64 = pa.Field(ge=0)
    content_hash: str = pa.Field(str_length={"min_value": 16, "max_value": 64})
    near_duplicate_of: str = pa.Field(nullable=True, description="The id of the cluster's first member")
    codes: pl.List(pl.String) = pa.Field(description="Rule codes found in the document, sorted")
    n_errors: pl.Int64 = pa.Field(ge=0)
    n_warnings: pl.Int64 = pa.Field(ge=0)

    class Config:
        strict = True
        coerce = False

    @pa.check("published", "updated", name="not_in_the_future")
    @classmethod
    def not_in_the_future(cls, data: Any) -> pl.LazyFrame:
        now = dt.datetime.now(dt.timezone.utc)
        column = pl.col(data.key)
        return data.lazyframe.select(column.is_null() | (column <= pl.lit(now, dtype=TIMESTAMP)))


def polars_schema() -> pl.Schema:
    """The columns and dtypes of a row, in order: what a batch is built with."""
    return pl.Schema({name: column.dtype.type for name, column in ArticleSchema.to_schema().columns.items()})


class Column(NamedTuple):
    """One column as `corpuslint schema` lists it."""

    name: str
    dtype: str
    nullable: bool
    checks: list[str]
    description: str


def columns() -> list[Column]:
    """Every column of a row, in order, with its dtype, nullability and checks."""
    return [Column(name, str(column.dtype), column.nullable,
                   [c.name for c in column.checks] + (["unique"] if column.unique else []),
                   column.description or "")
            for name, column in ArticleSchema.to_schema().columns.items()]


def json_schema() -> dict[str, Any]:
    """The row as JSON Schema (draft 2020-12): what one JSONL line of an export holds."""
    schema = ArticleSchema.to_schema()
    properties: dict[str, Any] = {}
    for name, column in schema.columns.items():
        prop = _json_type(column.dtype.type)
        for check in column.checks:
            stats = check.statistics or {}
            if "allowed_values" in stats:
                prop["enum"] = sorted(stats["allowed_values"])
            if "min_value" in stats and check.name.startswith("greater"):
                prop["minimum"] = stats["min_value"]
            if "max_value" in stats and check.name.startswith("less"):
                prop["maximum"] = stats["max_value"]
        if column.nullable:
            prop = {"anyOf": [prop, {"type": "null"}]}
        if column.description:
            prop["description"] = column.description
        properties[name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "corpuslint article",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _json_type(dtype: pl.DataType) -> dict[str, Any]:
    if isinstance(dtype, pl.List):
        return {"type": "array", "items": _json_type(dtype.inner)}
    if isinstance(dtype, pl.Datetime):
        return {"type": "string", "format": "date-time"}
    if dtype.is_integer():
        return {"type": "integer"}
    if dtype.is_float():
        return {"type": "number"}
    return {"type": "string"}
