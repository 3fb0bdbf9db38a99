"""The pipeline a worker loads from its run's options (entitylink.distributed.worker)."""

from __future__ import annotations

from entitylink.distributed import PipelineOptions
from entitylink.kb.mesh_release import MeshRelease


def test_options_load_the_linker_with_the_mesh_release(kb):
    assert PipelineOptions(ner=False).load().get_pipe("entitylink_linker").mesh_release is None
    nlp = PipelineOptions(ner=False, mesh_newest="D066126").load()
    assert nlp.get_pipe("entitylink_linker").mesh_release == MeshRelease(66126)
    (cystitis,) = [ent for ent in nlp("Hemorrhagic cystitis was seen.").ents if ent.label_ == "DISEASE"]
    assert "MESH:D003556" in cystitis._.kb_ids and "MESH:D000096722" not in cystitis._.kb_ids


def test_the_manifest_records_the_mesh_release():
    assert PipelineOptions(ner=False, mesh_newest="D066126").to_dict()["mesh_newest"] == "D066126"
    assert PipelineOptions(ner=False).to_dict()["mesh_newest"] is None
