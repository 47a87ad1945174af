"""Dutch words of the one rule for gaps (wijkmonitor/common/verdict.py): movement relative to the city, kloof."""

# ▲ is always a step forward relative to the city and ▼ a step back, on every page; words always stand beside it.
ARROWS = {"verbeterd": "▲", "verslechterd": "▼", "gelijk": "=", "neutraal": ""}
MOVEMENT = {
    "verbeterd": "vooruitgegaan ten opzichte van de stad",
    "verslechterd": "achteruitgegaan ten opzichte van de stad",
    "gelijk": "gelijk gebleven ten opzichte van de stad",
    "neutraal": "geen oordeel (indicator zonder richting)",
}
MOVEMENT_SHORT = {"verbeterd": "vooruit", "verslechterd": "achteruit", "gelijk": "gelijk", "neutraal": "geen oordeel"}
MOVEMENT_CELL = {
    "verbeterd": "vooruit t.o.v. de stad",
    "verslechterd": "achteruit t.o.v. de stad",
    "gelijk": "gelijk gebleven t.o.v. de stad",
    "neutraal": "geen oordeel",
}
KLOOF = {
    "kleiner": "kloof kleiner geworden",
    "groter": "kloof groter geworden",
    "gelijk": "kloof ongeveer gelijk gebleven",
    "gesloten": "kloof gesloten",
    "ontstaan": "nieuwe kloof",
}
BADGE = "{arrow} {movement}"
BADGE_WITH_KLOOF = "{arrow} {movement}; {kloof}"
SINCE_PREVIOUS = "de vorige meting"
SUMMARY_MOVEMENT = (
    "Sinds {since} zijn {better} van de {total} {noun} vooruitgegaan ten opzichte van de stad, {worse} "
    "achteruitgegaan en {equal} gelijk gebleven."
)
SUMMARY_KLOOF = (
    " Van de {behind} met een kloof in {prev} is die in {closed} gesloten, in {smaller} kleiner geworden, in "
    "{larger} groter en in {stable} ongeveer gelijk gebleven."
)
SUMMARY_NEW = " Bij {new} is een nieuwe kloof ontstaan."
SUMMARY_NO_KLOOF = " Geen van de {noun} had in {prev} een kloof met de stad."
LEGEND = (
    "▲ vooruitgegaan ten opzichte van de stad, ▼ achteruitgegaan, = gelijk gebleven (verandering kleiner dan "
    "{tolerance}). Een kloof is er alleen waar een gebied slechter scoort dan de stad."
)
