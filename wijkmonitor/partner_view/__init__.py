"""Mijn organisatie: one partner's goals, interventions and results (issue 11, item 5)."""
