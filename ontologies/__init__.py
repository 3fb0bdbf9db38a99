"""The bundled OBO builds, importable as the data package ``entitylink.bundled``."""
