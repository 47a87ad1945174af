"""A one-page Streamlit app for tests/browser/test_login_provider.py: the real login glue of
wijkmonitor.access (startup check, st.login/st.logout, claims to roles, role-filtered register query) and the
Gegevens bijwerken page glue (`?pagina=bijwerken`), without the dashboard's navigation, so the OpenID Connect
chain and the update page are tested on their own."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.access import session
from wijkmonitor.updates import ui

session.check_startup()
viewer = session.current_viewer()
st.markdown(f"rol: `{viewer.visibility_key}`")
session.login_controls(viewer)
if st.query_params.get("pagina") == "bijwerken":
    ui.render(viewer)
else:
    log = session.register_query("process_log", viewer)
    st.markdown(f"lessen zichtbaar: `{int(log['lessons'].notna().sum())}`")
