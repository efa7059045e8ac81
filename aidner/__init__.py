"""aidner: entities and partnership triples from Chinese reports on paired medical aid.

    >>> import aidner
    >>> doc = aidner.extract("东莞市帮扶沿河土家族自治县人民医院。")
    >>> [(e.text, e.label) for e in doc.entities]   # doctest: +SKIP
    [('东莞市', 'REGION'), ('沿河土家族自治县人民医院', 'HOSPITAL')]
"""
from aidner.api import extract, extract_batch
from aidner.document import Document, Entity, Relation, Triple
from aidner.models import load

__version__ = "0.1.0"
__all__ = ["extract", "extract_batch", "load", "Document", "Entity", "Relation", "Triple",
           "__version__"]
