"""Helpers for the bad-input catalogue and the concurrency test: broken sources made in code, page runs.

Nothing here is a test. `sources` writes small StatLine tables, broken files and hostile registers for the
hand-made municipality of `tests/fixtures_build.py`; `apptest` runs a page of the dashboard in Streamlit's
AppTest the way `st.navigation` serves it and summarises what a reader would see.
"""
