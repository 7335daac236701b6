"""Workshop mode (issue 18): the reader for a class, with glossary, reading levels, quizzes
and printing in view; no idle reset."""
