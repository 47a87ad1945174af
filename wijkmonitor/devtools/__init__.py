"""Tools for developers (tests and benchmarks), not used by the dashboard or the build."""
