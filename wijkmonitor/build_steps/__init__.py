"""The steps of the build after the sources are read: each writes tables the pages read without arithmetic."""
