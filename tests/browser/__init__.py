"""Browser, HTML-validity and link tests that run against one built sample site.

A package so the test modules can share ``support`` through relative imports
instead of importing ``conftest`` (which pytest discourages).
"""
