"""The data entitylink ships: the bundled ontologies, the trained NER, and the tables learned from the corpora.

Every file is found through :mod:`importlib.resources`, so an installed wheel, an editable
install and a source checkout run in place all find the same files. The ontologies live at
the top of the repository (``ontologies/``) and install as ``entitylink.resources.ontologies``.

Shared base layer: imports only :mod:`entitylink.errors`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from entitylink.errors import EntitylinkError

__all__ = [
    "BUNDLED_ONTOLOGIES",
    "DEFAULT_ONTOLOGIES",
    "GENE_SYMBOLS",
    "LEARNED_NAMES",
    "LINKING_PRIORS",
    "NER_MODEL",
    "STOP_TERMS",
    "bundled_gene_symbols",
    "bundled_ontology",
    "resource_path",
]

#: Ontology name -> bundled file name, and what each holds.
BUNDLED_ONTOLOGIES: dict[str, tuple[str, str]] = {
    "mondo": ("mondo.obo.gz", "MONDO 2026-05-05, xrefs from the SSSOM mappings of 2026-08-04"),
    "mesh": ("mesh.obo.gz", "MeSH 2024 descriptors"),
    "mesh-supplementary": ("mesh-supplementary.obo.gz", "MeSH 2024 supplementary concept records"),
    "ncbitaxon": ("ncbitaxon.obo.gz", "NCBI Taxonomy of 2024-09-07: the names worth matching, with taxslim's synonyms"),
    "ncbitaxon-full": ("ncbitaxon-full.tsv.gz", "NCBI Taxonomy of 2024-09-07: the other named taxa, a table for grounding"),
    "ncbitaxon-slim": ("ncbitaxon-slim.obo.gz", "NCBI Taxonomy taxslim subset of 2022-10-06 (the taxonomy before 0.2)"),
}
#: HGNC's approved and alias gene symbols, a bundled file beside the ontologies.
GENE_SYMBOLS = ("hgnc-symbols.txt.gz", "HGNC approved and alias symbols of 2024-07")
#: The parts :func:`entitylink.load_kb` loads unless told otherwise.
DEFAULT_ONTOLOGIES = ("mondo", "mesh", "mesh-supplementary", "ncbitaxon", "ncbitaxon-full")
#: The trained NER, a spaCy pipeline folder (``scripts/train_ner.py``).
NER_MODEL = "ner"
#: Mention text -> identifier counts of the train and dev splits (``scripts/learn_linking_priors.py --with-dev``).
LINKING_PRIORS = "linking_priors.tsv"
#: Mention texts the train and dev splits nearly always annotate, as dictionary names (``scripts/learn_linking_priors.py --with-dev``).
LEARNED_NAMES = "learned_names.tsv"
#: Names the dictionary never tags (``scripts/learn_stop_terms.py``).
STOP_TERMS = "stop_terms.tsv"


def resource_path(name: str) -> Path:
    """The path of a file or folder shipped in this package (:data:`NER_MODEL`, :data:`LINKING_PRIORS`...)."""
    return Path(str(resources.files(__name__).joinpath(name)))


def _ontology_dir() -> Path:
    """The installed ontologies, or the ``ontologies/`` folder of a source checkout run in place."""
    try:
        return Path(str(resources.files(f"{__name__}.ontologies")))
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[2] / "ontologies"
        if checkout.is_dir():
            return checkout
        raise EntitylinkError("the bundled ontologies are missing: reinstall entitylink (pip install entitylink)") from None


def bundled_ontology(name: str) -> Path:
    """Path of a bundled ontology file (a name of :data:`BUNDLED_ONTOLOGIES`)."""
    if name not in BUNDLED_ONTOLOGIES:
        raise KeyError(f"no bundled ontology named {name!r}; choose one of {', '.join(BUNDLED_ONTOLOGIES)}")
    return _ontology_dir() / BUNDLED_ONTOLOGIES[name][0]


def bundled_gene_symbols() -> Path:
    """Path of the bundled gene symbols (:data:`GENE_SYMBOLS`)."""
    return _ontology_dir() / GENE_SYMBOLS[0]
