"""Vietnamese extraction engine: articles (Document) in, records (record.schema.json) out."""

from vnkg.extraction.record import extract_record, extract_records

__all__ = ["extract_record", "extract_records"]
