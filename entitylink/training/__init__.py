"""Training entitylink's NER from the gold corpora (``scripts/train_ner.py`` runs it).

- :mod:`entitylink.training.corpora`: the corpora, the labels each annotates, and their
  train/dev splits (a document of any dev split never trains);
- :mod:`entitylink.training.examples`: gold documents as spaCy training Docs, with the
  labels a corpus does not annotate left unknown where the dictionary finds them;
- :mod:`entitylink.training.vectors`: the NER's static floret vectors, trained on the training
  documents and the ontologies' names and definitions;
- :mod:`entitylink.training.trainer`: DocBins, then ``spacy train`` with ``ner.cfg``;
- :mod:`entitylink.training.linking_priors`: the linking priors learned from the train splits;
- ``ner.cfg``: the spaCy training config.

May import :mod:`entitylink.pipeline`, :mod:`entitylink.io`, :mod:`entitylink.evaluation` and below.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["CONFIG"]

#: The spaCy config the NER is trained with.
CONFIG = Path(__file__).with_name("ner.cfg")
