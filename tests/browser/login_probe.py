"""A one-page Streamlit app for tests/browser/test_login_provider.py: the real login glue of
wijkmonitor.access (startup check, st.login/st.logout, claims to roles, role-filtered register query)
without the dashboard's pages, so the OpenID Connect chain is tested on its own."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.access import session

session.check_startup()
viewer = session.current_viewer()
st.markdown(f"rol: `{viewer.visibility_key}`")
session.login_controls(viewer)
log = session.register_query("proces_log", viewer)
st.markdown(f"lessen zichtbaar: `{int(log['lessons'].notna().sum())}`")
