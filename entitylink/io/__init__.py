"""Documents in and out: readers (one module per input format), writers (one per output format),
chunked resumable output.

- :mod:`.document`: the :class:`~entitylink.io.document.Document` record readers yield;
- :mod:`.readers`: text, PubTator, BioC, PubMed XML, JSONL and standard input, formats detected;
- :mod:`.writers`: JSONL, PubTator, Markdown, TSV/CSV and Parquet (pyarrow imported only there);
- :mod:`.chunked_output`: output appended in fsynced chunks with a checkpoint, for ``--resume``.

May import :mod:`entitylink.render`, :mod:`entitylink.pipeline` (the Doc attributes) and the shared
base modules; never pandas.
"""
