"""Streamlit glue shared by the pages: cached data access, the one place errors become `st.error`."""
