"""qfacts: offline extraction of organisations, places, dates, agreements and agreement facts from news.

>>> import qfacts
>>> record = qfacts.extract(text, reference_date="2025-05-19")
>>> record.to_dict()["agreements"]
"""
from .api import Document, extract, extract_documents, parse_reference_date
from .models import Agreement, Entity, Record
from .pipeline import build_pipeline, get_pipeline

__version__ = "0.1.0"

__all__ = ["Agreement", "Document", "Entity", "Record", "build_pipeline", "extract", "extract_documents",
           "get_pipeline", "parse_reference_date", "__version__"]
