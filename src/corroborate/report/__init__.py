"""Stage 6, report: the same records rendered for the terminal, JSON, Markdown and HTML."""
