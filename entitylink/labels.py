"""The three entity labels, the therapy subtypes, and the corpus types that map to them.

DISEASE (MONDO; MeSH C and F03), SPECIES (NCBI Taxonomy; MeSH B01-B05) and THERAPY (MeSH chemicals
and drugs, biologics, drug classes, therapeutic procedures, cell therapies); :mod:`entitylink.kb.category`
decides which ontology concepts belong to each.

Shared base layer: imports nothing of entitylink.
"""

from __future__ import annotations

__all__ = [
    "BIOLOGIC",
    "CELL_THERAPY",
    "DISEASE",
    "DRUG",
    "DRUG_CLASS",
    "GENE",
    "GOLD_LABELS",
    "LABELS",
    "PRIMARY_ONTOLOGY",
    "PROCEDURE",
    "SPECIES",
    "THERAPY",
]

DISEASE = "DISEASE"
SPECIES = "SPECIES"
THERAPY = "THERAPY"
LABELS = (DISEASE, SPECIES, THERAPY)
#: Genes and proteins: a label the NER learns so that gene symbols are not read as the others, never output.
GENE = "GENE"

#: The ontology whose identifier is an entity's ``kb_id``, per label.
PRIMARY_ONTOLOGY = {DISEASE: "mondo", SPECIES: "ncbitaxon", THERAPY: "mesh"}

DRUG = "drug"
DRUG_CLASS = "drug class"
#: Proteins, enzymes, nucleic acids and biological factors given as drugs (antibodies, interferons, vaccines).
BIOLOGIC = "biologic"
PROCEDURE = "procedure"
CELL_THERAPY = "cell therapy"

#: Corpus annotation types (PubTator, BioC) -> entitylink labels. Chemicals are compared with
#: THERAPY entities of subtype ``drug``.
GOLD_LABELS = {
    "Disease": DISEASE, "SpecificDisease": DISEASE, "DiseaseClass": DISEASE, "Modifier": DISEASE,
    "CompositeMention": DISEASE, "DiseaseOrPhenotypicFeature": DISEASE,
    "Chemical": THERAPY, "ChemicalEntity": THERAPY,
    "Species": SPECIES, "Genus": SPECIES, "Strain": SPECIES, "OrganismTaxon": SPECIES,
}  # fmt: skip
