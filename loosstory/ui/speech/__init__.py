"""Read-aloud: a small voice backend interface and the reader that speaks a text by sentences."""
