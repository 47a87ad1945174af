"""The Procesmonitor (`pages/procesmonitor.py`): activities and reach per area over time, reach against the
inhabitants, lived experience, "jullie zeiden, wij deden" and the lessons. `log` the pure aggregations of the
process log, `charts` the figures, `views` what each section shows, composed; `load` the cached data calls,
`state` the URL <-> widget wiring and `sections` drawing the views with Streamlit. Imports only the kernel
(`wijkmonitor.common`), `access` and `texts`.
"""
