"""Logic of the Programma-overzicht and the Gebiedsmonitor, free of Streamlit (except `load`).

`fmt` numbers in Dutch, `options` the choosable indicators, `links` deep-link parameters, `sentences` the plain
Dutch sentences, `colours` the map scale and legend, `maps` the pydeck decks, `charts` the plotly figures,
`tables` what is shown and downloaded, `overview` the programme matrix. `load` is the cached data layer the
pages call; it is the only module here that imports Streamlit.
"""
