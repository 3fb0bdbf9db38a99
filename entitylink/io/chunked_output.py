"""Writing a long annotation run to a file in chunks that survive an interruption (``--resume``).

The output grows in ``OUTPUT.partial``, one chunk of documents at a time: each chunk is
appended with one write and flushed to disk, then the checkpoint ``OUTPUT.checkpoint``
(documents done, bytes written, inputs, format) is replaced atomically. When the run ends
the partial file becomes ``OUTPUT`` and the checkpoint goes away. A resumed run cuts the
partial file back to the checkpoint's size (a chunk half-written when the run stopped is
dropped), skips the documents already written and goes on: nothing is written twice or lost.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from entitylink.atomic_files import atomic_text_file
from entitylink.errors import EntitylinkError

__all__ = ["Checkpoint", "ChunkedOutput"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checkpoint:
    """How far a run got: the documents written and the bytes they take, for which inputs and format."""

    documents: int
    bytes: int
    inputs: list[str]
    format: str


class ChunkedOutput:
    """An output file written chunk by chunk, resumable after an interruption (see the module)."""

    def __init__(self, output: Path, output_format: str, inputs: list[str], resume: bool = False) -> None:
        self.output = output
        self.partial = output.with_name(output.name + ".partial")
        self.checkpoint_path = output.with_name(output.name + ".checkpoint")
        self.state = Checkpoint(0, 0, inputs, output_format)
        saved = self._saved() if resume else None
        if saved is not None:
            if (saved.inputs, saved.format) != (inputs, output_format):
                raise EntitylinkError(f"{self.checkpoint_path}: the interrupted run read {saved.inputs} into {saved.format}, "
                                      f"not {inputs} into {output_format}; rerun it as it was, or without --resume")  # fmt: skip
            if not self.partial.exists() or self.partial.stat().st_size < saved.bytes:
                raise EntitylinkError(
                    f"{self.partial}: shorter than its checkpoint says ({saved.bytes} bytes); rerun without --resume"
                )
            os.truncate(self.partial, saved.bytes)
            self.state = saved
            logger.info("resuming after %d documents", saved.documents)
        else:
            if resume:
                logger.info("%s: no interrupted run to resume; starting from the first document", self.output)
            self.output.parent.mkdir(parents=True, exist_ok=True)
            self.partial.write_bytes(b"")
            self._save()

    @property
    def documents(self) -> int:
        """The documents already written (skip these many inputs)."""
        return self.state.documents

    @property
    def empty(self) -> bool:
        return self.state.bytes == 0

    def append(self, text: str, documents: int) -> None:
        """Append the output of ``documents`` more documents, then record the checkpoint."""
        data = text.encode("utf-8")
        with open(self.partial, "ab") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        self.state = Checkpoint(self.state.documents + documents, self.state.bytes + len(data), self.state.inputs,
                                self.state.format)  # fmt: skip
        self._save()

    def finish(self) -> None:
        """Move the complete output into place and drop the checkpoint."""
        os.replace(self.partial, self.output)
        self.checkpoint_path.unlink(missing_ok=True)

    def _saved(self) -> Checkpoint | None:
        try:
            return Checkpoint(**json.loads(self.checkpoint_path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (ValueError, TypeError) as error:
            raise EntitylinkError(f"{self.checkpoint_path}: not a checkpoint ({error}); rerun without --resume") from error

    def _save(self) -> None:
        with atomic_text_file(self.checkpoint_path) as handle:
            json.dump(asdict(self.state), handle)
