"""Modes: thin policies over the same reader state and views (kiosk; later presenter,
workshop). Importing this package imports no Qt."""
