"""The command line: ``entitylink annotate | evaluate | lookup | ontologies ...`` (Typer), one module per command.

The top layer: may import everything below it; nothing imports it.
"""

from __future__ import annotations

from entitylink.cli.app import app, main

__all__ = ["app", "main"]
