"""`wijkmonitor fetch`: a gemeente's StatLine tables (CBS, RIVM, Politie) and PDOK boundaries, for offline builds.

settings  config/fetch.toml (tables per year, boundary service) as a strict pydantic model
statline  one table part through the cbsodata client, with the gemeente filter, retries and Dutch errors
pdok      wijk/buurt boundaries from the CBS gebiedsindelingen WFS on PDOK
cache     finished parts on disk, so a second run downloads nothing and a broken run resumes
manifest  `bronnen.toml` in the fetched folder, and how `wijkmonitor build --source DIR` reads it
run       the whole run: cache, temp folder, swap; see docs/fetch.md
"""
