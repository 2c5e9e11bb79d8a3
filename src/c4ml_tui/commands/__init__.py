"""Plain-text and JSON commands. None of them imports Textual."""
