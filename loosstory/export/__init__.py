"""Exports of a story to files: PDF slides for a talk, printable worksheets for a class."""
