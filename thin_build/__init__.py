"""THIN Portal: plain content files → validated catalogue → static community portal.

The package is one pipeline in one direction (see docs/ARCHITECTURE.md):
load → validate → model → build steps → render → write.
"""
