"""The role of a species mention in its document: the host the study is about, a pathogen, or other.

A taxon under Viruses, Bacteria or Fungi is a pathogen
(:meth:`~entitylink.linking.grounder.Grounder.is_pathogen`: FeLV, CMV); a species named as a
reagent ("goat anti-rabbit IgG", "mouse antibody") is other; every other species mention,
"patients" and "a cat" among them, is a host. ``doc._.host_species`` lists the hosts
(:func:`entitylink.pipeline.outputs.host_species`).
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["HOST", "OTHER", "PATHOGEN", "species_role"]

HOST = "host"
PATHOGEN = "pathogen"
OTHER = "other"
#: Words after a species that make it a reagent's source ("rabbit antibody", "mouse IgG").
_REAGENT_AFTER = frozenset({"anti", "antibody", "antibodies", "antiserum", "serum", "sera", "igg", "igm", "iga",
                            "polyclonal", "monoclonal"})  # fmt: skip


def species_role(span: Span, pathogen: bool) -> str:
    """The role of the species mention ``span``; ``pathogen``: whether its taxon is a virus, bacterium or fungus."""
    if pathogen:
        return PATHOGEN
    doc = span.doc
    after = [token.lower_ for token in doc[span.end : span.end + 2] if token.text != "-"]
    before = [token.lower_ for token in doc[max(0, span.start - 2) : span.start]]
    return OTHER if (after and after[0] in _REAGENT_AFTER) or "anti" in before else HOST
