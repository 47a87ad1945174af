"""Placeholder until this page lands; replaced by its own issue."""

import streamlit as st

st.title("over_de_data")
st.info("Deze pagina wordt nog gebouwd.")
