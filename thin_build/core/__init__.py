"""The core: the mechanism every capability plugs into, and nothing about any of them.

Errors, raw records, loading, field types and declarations, the validation driver,
the catalogue, URLs, Markdown, rendering and the atomic writer. No module here
imports a capability (tests/unit/test_layering.py).
"""
