"""The parent compound a salt or hydrate is named after: "bupropion HCl" -> "bupropion".

MeSH files a drug's salts under the drug ("Bupropion" for bupropion hydrochloride) and
names few of them, so a salt nothing names is linked as its parent compound.
"""

from __future__ import annotations

__all__ = ["COUNTER_IONS", "parent_compound"]

#: Cations written before a drug's name ("sodium valproate", "disodium edetate").
_CATIONS = frozenset({"sodium", "disodium", "potassium", "dipotassium", "calcium", "magnesium"})
#: Counter-ions and waters written after a drug's name ("dosulepine hydrochloride", "morphine sulphate");
#: not acetates or nitrates, mostly esters, which MeSH files apart ("Desoxycorticosterone Acetate").
COUNTER_IONS = frozenset({
    *_CATIONS, "hydrochloride", "dihydrochloride", "hcl", "hydrobromide", "hbr", "maleate", "mesylate",
    "mesilate", "besylate", "besilate", "citrate", "tartrate", "bitartrate", "fumarate", "sulfate", "sulphate",
    "phosphate", "bromide", "chloride", "iodide", "gluconate", "monohydrate", "dihydrate",
    "trihydrate", "hydrate",
})  # fmt: skip


def parent_compound(text: str) -> str | None:
    """``text`` without the counter-ions and waters around it, or None when it names none or only them."""
    words = text.split()
    start, end = 0, len(words)
    while end > start and words[end - 1].lower() in COUNTER_IONS:
        end -= 1
    while start < end and words[start].lower() in _CATIONS:
        start += 1
    if (start, end) == (0, len(words)) or start == end:
        return None
    return " ".join(words[start:end])
