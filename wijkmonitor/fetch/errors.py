"""The error of `wijkmonitor fetch`: a BuildError, so the CLI shows it as one Dutch message with exit code 2."""

from __future__ import annotations

from wijkmonitor.errors import BuildError


class FetchError(BuildError):
    """A download failed, was incomplete, or asked for something that does not exist; nothing was written."""
