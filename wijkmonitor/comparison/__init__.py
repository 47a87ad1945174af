"""Comparison groups ("vergelijkbare buurten elders"), the ontwikkelkompas and "Wat opvalt".

`build` writes the `comparison_*` tables during the build; `trend`, `compass` and `opvalt` are pure builders
that turn query results into figures and sentences for the pages.
"""
