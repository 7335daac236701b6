"""Exports to files: printable worksheets (issue 18)."""
