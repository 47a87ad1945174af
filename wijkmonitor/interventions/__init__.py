"""Logic behind the Interventiemonitor and the Procesmonitor (issue 5): pure functions on query rows.

Modules: `text` (register text made inert for Markdown and HTML, truncation), `fmt` (euros, dates, counts the
Dutch way), `model` (the intervention register as the pages use it: lists split, places resolved), `filters`
(filter options, deep links, applying filters), `budget` (open begroting: per programme, per area without
double counting), `results`, `cards`, `process` (process log aggregations and "jullie zeiden, wij deden"),
`charts` and `maps` (builders: DataFrame in, plotly Figure / pydeck Deck out), `views` (what each section
shows, composed) and `load` (the only module that touches Streamlit: cached data calls).
"""
