"""The Programma-overzicht (`dashboard.py`): where the renewal areas are behind the city, and whether the gap
closes. `matrix` the areas x headline indicators table, `maps` the programme map, `views` what the page shows,
composed; `load` the cached data calls and `sections` drawing them with Streamlit (with `state`, the theme in
the URL). Imports only the kernel (`wijkmonitor.common`) and `texts`.
"""
