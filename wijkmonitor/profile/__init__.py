"""Wijkprofiel: one unit's indicators against the city, the ontwikkelkompas, downloads and print styling."""
