"""aidner: entities and partnership triples from Chinese reports on paired medical aid.

    >>> import aidner
    >>> doc = aidner.extract("东莞市帮扶沿河土家族自治县人民医院。")
    >>> [(e.text, e.label) for e in doc.entities]   # doctest: +SKIP
    [('东莞市', 'REGION'), ('沿河土家族自治县人民医院', 'HOSPITAL')]
"""
from aidner.api import extract, extract_batch
from aidner.document import Document, Entity, Relation, Triple
from aidner.export import to_dataframe
from aidner.models import load
from aidner.partnerships import merge_partnerships as partnerships

__version__ = "0.1.0"
__all__ = ["extract", "extract_batch", "load", "partnerships", "to_dataframe", "Document",
           "Entity", "Relation", "Triple", "__version__"]
