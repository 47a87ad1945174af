"""Placeholder until this page lands; replaced by its own issue."""

import streamlit as st

st.title("procesmonitor")
st.info("Deze pagina wordt nog gebouwd.")
