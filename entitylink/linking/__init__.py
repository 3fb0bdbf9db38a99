"""Linking rules: from a mention text and its label to ranked candidate concepts.

- :mod:`.grounder`: exact names, ranking, equivalents across ontologies, grounding rules
  (short forms, coordinations, pathogen genera in human texts);
- :mod:`.candidate_generation`: fuzzy candidates by character 3-gram TF-IDF (scispaCy's design);
- :mod:`.priors`: the identifiers the corpora's annotators gave each mention text, at run time;
- :mod:`.chemical_formulas`: the name of an inorganic compound written as its formula ("CaCl2": calcium chloride);
- :mod:`.disease_adjectives`: the noun forms of a disease adjective ("psychotic": psychosis);
- :mod:`.inheritance`: the mode of inheritance a disease phrase opens with ("autosomal recessive": hereditary);
- :mod:`.learned_names`: the mention texts the corpora's annotators nearly always tag, as names;
- :mod:`.mondo_equivalents`: the MONDO class of a disease linked through MeSH, OMIM or a name;
- :mod:`.organ_adjectives`: the organ a disease's adjective of anatomy names ("renal": kidney);
- :mod:`.prepositional_phrases`: a disease phrase with its site first ("cirrhosis of the liver": liver cirrhosis);
- :mod:`.therapy_sense`: the procedure of giving a cell or tissue (MSCs -> MSC transplantation), from MeSH.

May import :mod:`entitylink.kb` and the shared base modules; no spaCy, no pandas.
"""
