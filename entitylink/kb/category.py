"""Which label (and therapy subtype) an ontology concept belongs to.

========  =================================================================================
DISEASE   live MONDO classes under "disease", "injury" or "disease susceptibility" (not
          "disease characteristic" modifiers such as "complete"); MeSH descriptors under C (diseases) or F03 (mental disorders);
          supplementary concepts mapped to such descriptors
SPECIES   NCBI Taxonomy taxa of genus rank or below; MeSH organism descriptors (B01-B05)
THERAPY   subtype ``drug``: MeSH D (chemicals and drugs) outside the trees of proteins, enzymes,
          nucleic acids and biological factors; or also filed by its chemistry (inorganic, organic,
          heterocyclic or polycyclic compounds, lipids), or a nucleoside, and not a protein or
          enzyme (uridine, cyclic AMP, prostaglandins, coenzyme A); or with a pharmacological action (interferons, insulin:
          peptides are drugs); and supplementary concepts mapped to such descriptors;
          subtype ``biologic``: a protein, enzyme, nucleic acid or biological factor only
          (by its trees; nucleosides such as ribavirin are drugs) with a pharmacological
          action ("antibodies", "streptokinase");
          subtype ``drug class``: MeSH D27 (chemical actions and uses: "antibiotics");
          subtype ``procedure``: MeSH E02 (therapeutics) and E04 (surgical procedures);
          subtype ``cell therapy``: MeSH E02.095.147 (cell- and tissue-based therapy) and the
          cells and tissues given as therapies (stem and stromal cells, cord blood)
========  =================================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from entitylink.kb.concept import Concept
from entitylink.labels import (
    BIOLOGIC,
    CELL_THERAPY,
    DISEASE,
    DRUG,
    DRUG_CLASS,
    PROCEDURE,
    SPECIES,
    THERAPY,
)

__all__ = ["Category", "categorize", "is_amino_acid"]

_DISEASE_TREES = ("C", "F03")
_ORGANISM_TREES = ("B01", "B02", "B03", "B04", "B05")
#: MONDO roots whose descendants are diseases; the roots themselves are too general to link.
_MONDO_DISEASE_ROOTS = frozenset({"MONDO:0000001", "MONDO:0021178", "MONDO:0042489"})
_MONDO_GROUPINGS = _MONDO_DISEASE_ROOTS | {"MONDO:0700096"}  # "human disease"
_CELL_THERAPY_TREES = (
    "E02.095.147",  # Cell- and Tissue-Based Therapy
    "A11.872",  # Stem Cells
    "A11.329.830",  # Stromal Cells
    "A15.145.300",  # Fetal Blood (cord blood)
)
_PROCEDURE_TREES = ("E02", "E04")
#: Parts of D that are mostly genes and proteins rather than administered chemicals.
_BIOMOLECULE_TREES = ("D08", "D12.776", "D13", "D23")
#: Nucleosides (D13.570) are small molecules, and their analogues drugs ("Ribavirin"), though filed with nucleic acids.
_NUCLEOSIDE_TREES = ("D13.570",)
#: Trees that file a compound by its chemistry, and nucleosides: a small molecule, though also a nucleotide or an autacoid.
_SMALL_MOLECULE_TREES = ("D01", "D02", "D03", "D04", "D10", *_NUCLEOSIDE_TREES)
#: Cytochromes, enzymes and proteins (D08 also files coenzymes, small molecules: "Biotin", "Coenzyme A").
_PROTEIN_TREES = ("D08.244", "D08.811", "D12.776")
_AMINO_ACID_TREE = "D12.125"
_TAXON_RANKS = {"genus", "subgenus", "species group", "species subgroup", "species", "subspecies", "varietas",
                "forma", "strain", "serotype", "serogroup", "biotype", "isolate", "no rank"}  # fmt: skip
#: Taxa that are not organisms one can name: the root and "cellular organisms".
_TAXON_ROOTS = frozenset({"NCBITaxon:1", "NCBITaxon:131567"})


@dataclass(frozen=True)
class Category:
    """The label of a concept and, for therapies, its subtype."""

    label: str
    subtype: str | None = None


def _under(tree_numbers: tuple[str, ...], roots: tuple[str, ...]) -> bool:
    return any(number == root or number.startswith(root + ".") or (len(root) == 1 and number.startswith(root))
               for number in tree_numbers for root in roots)  # fmt: skip


def _descriptor_category(concept: Concept) -> Category | None:
    trees = concept.tree_numbers
    if any("." not in number and not number.startswith(("C", "F")) for number in trees):
        return None  # a top-level heading ("Therapeutics", "Cells") names no entity; "Neoplasms" (C04) does
    if _under(trees, _DISEASE_TREES):
        return Category(DISEASE)
    if _under(trees, _ORGANISM_TREES):
        return Category(SPECIES)
    if _under(trees, _CELL_THERAPY_TREES):
        return Category(THERAPY, CELL_THERAPY)
    if _under(trees, _PROCEDURE_TREES):
        return Category(THERAPY, PROCEDURE)
    if _under(trees, ("D27",)):
        return Category(THERAPY, DRUG_CLASS)
    chemical = tuple(number for number in trees if number.startswith("D"))
    if not chemical:
        return None
    if not _under(chemical, _BIOMOLECULE_TREES) or _small_molecule(chemical):
        return Category(THERAPY, DRUG)
    if not concept.pharmacological_actions:
        return None
    biologic = all(_under((number,), _BIOMOLECULE_TREES) and not _under((number,), _NUCLEOSIDE_TREES) for number in chemical)
    return Category(THERAPY, BIOLOGIC if biologic else DRUG)


def _small_molecule(chemical_trees: tuple[str, ...]) -> bool:
    """Whether a chemical is filed by its chemistry and is no protein or enzyme ("Uridine", "Cyclic AMP")."""
    return _under(chemical_trees, _SMALL_MOLECULE_TREES) and not _under(chemical_trees, _PROTEIN_TREES)


def is_amino_acid(concept: Concept) -> bool:
    """Whether a MeSH descriptor is an amino acid or the class of them (tree D12.125: "Arginine", "Amino Acids")."""
    return _under(concept.tree_numbers, (_AMINO_ACID_TREE,))


def _is_disease(concept: Concept, get: Callable[[str], Concept | None]) -> bool:
    """Whether a MONDO class descends from one of the disease roots (and is not a root or grouping itself)."""
    if concept.curie in _MONDO_GROUPINGS:
        return False
    seen: set[str] = set()
    stack = list(concept.parents)
    while stack:
        curie = stack.pop()
        if curie in _MONDO_DISEASE_ROOTS:
            return True
        if curie not in seen:
            seen.add(curie)
            parent = get(curie)
            stack.extend(parent.parents if parent is not None else ())
    return False


def _under_named_taxon(concept: Concept, get: Callable[[str], Concept | None] | None) -> bool:
    """Whether a taxon of no rank sits right under a species, a genus or a rank between: a strain, or a
    virus the 2024 taxonomy renamed ("Human betaherpesvirus 5", now under Cytomegalovirus humanbeta5)."""
    parents = [get(curie) for curie in concept.parents] if get is not None else []
    return any(parent is not None and parent.rank in _TAXON_RANKS and parent.rank != "no rank" for parent in parents)


def categorize(concept: Concept, get: Callable[[str], Concept | None] | None = None) -> Category | None:
    """The :class:`Category` of a concept, or None when it is none of the three labels.

    ``get`` fetches other concepts (usually ``kb.get``): the MeSH descriptors a
    supplementary concept is mapped to (its label follows theirs: a disease, else a
    biologic if they are all biologics, else a drug) and a MONDO class's ancestors.
    """
    if concept.obsolete:
        return None
    if concept.ontology == "mondo":
        return Category(DISEASE) if get is not None and _is_disease(concept, get) else None
    if concept.ontology == "ncbitaxon":
        numbered = concept.curie.partition(":")[2].isdigit()  # not the rank classes ("NCBITaxon:species")
        ranked = concept.rank in _TAXON_RANKS or (concept.rank is None and _under_named_taxon(concept, get))
        return Category(SPECIES) if numbered and ranked and concept.curie not in _TAXON_ROOTS else None
    if concept.ontology == "mesh":
        if concept.mapped_to:
            descriptors = [get(curie) for curie in concept.mapped_to] if get else []
            mapped = [_descriptor_category(d) for d in descriptors if d is not None]
            if Category(DISEASE) in mapped:
                return Category(DISEASE)
            therapies = [c for c in mapped if c is not None and c.label == THERAPY]
            if not therapies:
                return None
            return Category(THERAPY, BIOLOGIC if all(c.subtype == BIOLOGIC for c in therapies) else DRUG)
        return _descriptor_category(concept)
    return None
