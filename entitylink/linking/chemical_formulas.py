"""The name of an inorganic compound or ion written as its formula: "CaCl2" -> "calcium chloride", "H2O2" ->
"hydrogen peroxide", "Ca(2+)" -> "calcium".

MeSH names compounds and elements, not formulas or symbols, so a salt or small molecule written as
its formula ("CaCl(2)", "NaHCO3", "Ca(NO3)2") is looked up by the name chemistry gives it: its
cation's name and its anion's, or, for a few molecules, their usual name ("CCl4": carbon
tetrachloride); a metal's symbol, with or without its charge ("Na", "Ca(2+)"), by the metal's name;
a halide's symbol with its charge ("Cl(-)") by the halide's.
"""

from __future__ import annotations

import re

__all__ = ["formula_name"]

_CATIONS = {
    "Li": "lithium", "Na": "sodium", "K": "potassium", "Rb": "rubidium", "Cs": "cesium", "Mg": "magnesium",
    "Ca": "calcium", "Sr": "strontium", "Ba": "barium", "Al": "aluminum", "Zn": "zinc", "Cd": "cadmium",
    "Mn": "manganese", "Co": "cobalt", "Ni": "nickel", "Cu": "copper", "Ag": "silver", "Pb": "lead",
    "Tl": "thallium", "La": "lanthanum", "Gd": "gadolinium", "NH4": "ammonium",
}  # fmt: skip
_ANIONS = {
    "F": "fluoride", "Cl": "chloride", "Br": "bromide", "I": "iodide", "O": "oxide", "S": "sulfide",
    "OH": "hydroxide", "CN": "cyanide", "SCN": "thiocyanate", "N3": "azide", "SO4": "sulfate",
    "SO3": "sulfite", "NO3": "nitrate", "NO2": "nitrite", "CO3": "carbonate", "HCO3": "bicarbonate",
    "PO4": "phosphate", "ClO4": "perchlorate", "OCl": "hypochlorite", "MnO4": "permanganate", "Ac": "acetate",
}  # fmt: skip
#: Molecules named otherwise than a cation and an anion; not "NO" or "CO", which are also words and
#: short forms ("cardiac output"), nor "HCl", which mostly names a drug's salt ("bupropion HCl").
_MOLECULES = {
    "H2O": "water", "H2O2": "hydrogen peroxide", "NH3": "ammonia", "CO2": "carbon dioxide",
    "N2O": "nitrous oxide", "H2S": "hydrogen sulfide", "SO2": "sulfur dioxide", "O3": "ozone",
    "CCl4": "carbon tetrachloride", "CHCl3": "chloroform", "H2SO4": "sulfuric acid", "HNO3": "nitric acid", "As2O3": "arsenic trioxide",
}  # fmt: skip


def _alternatives(names: dict[str, str]) -> str:
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


_SALT = re.compile(
    rf"(?P<cation>{_alternatives(_CATIONS)})\d?(?:\((?P<group>{_alternatives(_ANIONS)})\)\d|(?P<anion>{_alternatives(_ANIONS)})\d?)"
)
_ION = re.compile(rf"(?P<metal>{_alternatives(_CATIONS)})(?:\(?\d?\+\)?)?|(?P<halide>F|Cl|Br|I)\(?-\)?")
_SUBSCRIPT = re.compile(r"\((\d+)\)")


def formula_name(text: str) -> str | None:
    """The name of the compound whose formula ``text`` is ("CaCl(2)": calcium chloride), or None."""
    formula = _SUBSCRIPT.sub(r"\1", text.strip())
    if formula in _MOLECULES:
        return _MOLECULES[formula]
    ion = _ION.fullmatch(formula)
    if ion is not None:
        return _CATIONS[ion["metal"]] if ion["metal"] else _ANIONS[ion["halide"]]
    salt = _SALT.fullmatch(formula)
    if salt is None:
        return None
    return f"{_CATIONS[salt['cation']]} {_ANIONS[salt['group'] or salt['anion']]}"
