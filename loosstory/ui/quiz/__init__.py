"""Chapter quizzes on screen (issue 18)."""
