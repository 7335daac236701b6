"""Exports of a story to files (PDF slides; later the workshop worksheets)."""
