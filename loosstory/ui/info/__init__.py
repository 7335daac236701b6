"""Screens of information around the story: the closing screen and « À propos »
(they show text with the page's fade, so they sit above ``ui/page``)."""
