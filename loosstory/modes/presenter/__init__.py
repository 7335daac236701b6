"""Presenter mode: the story as a talk (projector + laptop windows on one state)."""
