"""Building the bundled OBO files from the raw public releases (run offline, by the project).

- :mod:`.obo`: the OBO model written here (terms, synonyms, header) and its deterministic writer;
- :mod:`.mondo`, :mod:`.mesh`: readers of the raw MONDO and MeSH releases;
- :mod:`.ncbitaxon`: the taxonomy in two tiers; :mod:`.hgnc`: the gene symbols;
- :mod:`.build`: ``python -m entitylink.ontology_build.build`` and ``entitylink ontologies build``.

May import the shared base modules only; never the knowledge base or the pipeline, which read
what this package writes.
"""
