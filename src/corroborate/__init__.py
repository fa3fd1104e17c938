"""corroborate: what several outlets' reports of one event establish, and where they part ways.

The pipeline, one stage per module, each a function of plain records:

    read_inputs (ingest) -> extract -> analyze -> group -> compare -> render (report)
"""

from corroborate.errors import CorroborateError, InputError, ModelUnavailable, NotAnArticle
from corroborate.extract import ExtractOptions, extract
from corroborate.ingest import IngestOptions, read_inputs
from corroborate.models import Article, Credit, DateEstimate, Line, RawDocument, from_dict, to_dict

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CorroborateError",
    "Credit",
    "DateEstimate",
    "ExtractOptions",
    "IngestOptions",
    "InputError",
    "Line",
    "ModelUnavailable",
    "NotAnArticle",
    "RawDocument",
    "__version__",
    "extract",
    "from_dict",
    "read_inputs",
    "to_dict",
]
