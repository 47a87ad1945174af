"""The shared kernel: what every feature package and page uses, and nothing feature-specific.

* `page`: `start(page_id)`, called first by every page (page config, per-run snapshot, sidebar navigation);
* `data`: named queries on the pinned snapshot, `cached` (loaders keyed on the build), `data_guard`;
* `url_state`: page state in the address bar, validated against the page's own options;
* `fmt`: Dutch numbers, dates, euro amounts and `is_missing`;
* `escape`: Markdown/HTML escaping and control/bidi stripping for echoed text;
* `export`: CSV (Dutch Excel dialect) and XLSX downloads;
* `tomlfile`: every configuration file read and checked against its pydantic model, errors in Dutch naming
  file and key (no Streamlit: the build and the CLI use it too);
* `files`: atomic writes and copies (the reader sees the old file or the whole new one);
* `maps`: GeoJSON parsing and pydeck helpers shared by the map pages.
"""
