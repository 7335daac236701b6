"""The pupils' glossary on screen (issue 18): the A–Z screen (the pop-up is the page’s: ui/page/termpopup.py)."""
