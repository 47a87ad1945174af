"""The Gebiedsmonitor (`pages/gebiedsmonitor.py`): one indicator on the map, its development per area, all
renewal areas. Pure builders: `links` deep-link parameters, `sentences` the plain Dutch sentences, `colours`
the map scale and legend, `maps` the choropleth, `charts` the plotly figures, `tables` what is shown and
downloaded, `breaks` trend breaks, `national` the comparison with the Netherlands, `views` what each section
shows, composed. With Streamlit: `load` (cached views), `state` (URL <-> widgets, map click) and `sections`
(drawing). The indicator catalogue and the units are the kernel's (`common.indicators`, `common.load`).
"""
