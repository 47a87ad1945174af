"""The Interventiemonitor (`pages/interventiemonitor.py`, issue 5): pure functions on query rows.

Modules: `model` (the intervention register as the pages use it: lists split, places resolved), `filters`
(filter options, deep links, applying filters), `budget` (open begroting: per programme, per area without
double counting), `results`, `cards`, `charts` and `maps` (builders: DataFrame in, plotly Figure / pydeck Deck
out), `views` (what each section shows, composed). With Streamlit: `load` (cached data calls), `state` (URL <->
widgets, map click, pagination) and `render` (drawing). The Procesmonitor is its own package, `process`.
"""
