"""The package without Dask installed: reading a dataset with pandas works, the rest says which extra it needs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

WITHOUT_DASK = textwrap.dedent(
    """
    import sys
    sys.modules["dask"] = sys.modules["distributed"] = None  # as if entitylink[dask] were not installed
    from entitylink import read_annotations
    print(read_annotations.__module__)
    try:
        from entitylink.distributed import annotate_files
    except ModuleNotFoundError as error:
        print(error)
    """
)


def test_without_dask_read_annotations_imports_and_annotate_files_names_the_extra():
    done = subprocess.run([sys.executable, "-c", WITHOUT_DASK], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    module, message = done.stdout.splitlines()
    assert module == "entitylink.distributed.dataset"
    assert message.startswith("entitylink.distributed.annotate_files needs Dask: pip install 'entitylink[dask]'")
