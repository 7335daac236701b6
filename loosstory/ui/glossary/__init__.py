"""The pupils' glossary on screen (issue 18): the definition pop-up and the A–Z screen."""
