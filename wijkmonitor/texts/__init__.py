"""All user-facing strings, Dutch first, one module per page family (`common`, `gebied`, ...).

Pages never hold literal text: an English version adds modules here without touching page code.
"""
