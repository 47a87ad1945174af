"""Comparison groups ("vergelijkbare buurten elders"), the ontwikkelkompas and "Wat opvalt".

Build (`build.build_tables`, called once from `wijkmonitor.build`): for each renewal area, the buurten elsewhere in
the Netherlands that looked most like its buurten at the baseline edition, from the national files of the source
named in config/comparison.toml. Settings: `settings.py`; the national pool and its cache: `pool.py`; the search:
`matching.py` (why an area is matched buurt by buurt is explained there).

* Baseline edition: the latest edition of the source at or before the area's `first_year` (2018 -> 2016).
* Pool: every buurt with all matching figures in that edition and age group; z-scores use the mean and sd of
  that whole national pool. Left out of groups: the buurten of every renewal area in the configuration, all
  buurten of the focus gemeente (`exclude_own_gemeente`), buurten whose known population is below
  `min_population`. The national RIVM files carry no population, so the last filter only bites where the build
  knows a buurt's population; comparison_meta says how many it applied to.
* Group values: per area, indicator, age group and edition, the weighted mean of the group buurten with a value.
  A group buurt weighs (member's population share) / k for every member buurt it was matched to, so the group
  mirrors the area's own weighting (`area_values`, same weight year rule); equal member weights when the build has
  no population for them (Ten Boer).
* Verdict: `ok`; `slechte_match` when some matching indicator's |standardised mean difference| (area minus group,
  in national sd) exceeds `max_abs_smd`; `te_klein` below `min_group_size` distinct buurten; `geen_basis` without
  a baseline edition or without members that have all matching figures. `reason` says it in Dutch.

Tables (all written, empty when skipped; comparison_meta then says why):
* `comparison_areas`: area_id, baseline_year, age_group, indicators (';'-joined codes), k, n_members,
  n_members_matched, group_size, mean_distance, max_distance, max_abs_smd, verdict, reason, method, weight_year.
* `comparison_groups`: area_id, buurt_code, name (null: the source names no buurten), gemeente_code,
  gemeente_name, wijk_code, wijk_name and wijk_name_year (the wijk's name from the national file whose indeling
  is nearest to the pool's, and that indeling), label (what a reader sees instead of a buurt name: "buurt in wijk
  X, Gemeente", never a bare code), matched_to (';'-joined member buurten), distance (RMS of z differences;
  1 = one sd), rank, weight (sums to 1 per area).
* `comparison_balance`: area_id, indicator_code, age_group, year, area_value, group_value, national_mean,
  national_sd, smd, balanced.
* `comparison_values`: area_id, indicator_code, age_group, year, value, n_buurten (with a value), group_size.
* `comparison_meta`: key, value (source, files, pool_cache, pool_<year> counts with the population filter note,
  skipped).

Pages (pure builders; inputs are the `comparison_*` queries in queries/):
* `trend.trend_figure` / `trend.trend_sentence`: area, city and group over the editions, and the indication
  sentence or the refusal; `trend.usable` says whether the group may be shown at all.
* `compass.area_compass`, `compass.indicator_compass`, `compass.compass_table`: the ontwikkelkompas.
* `opvalt.wat_opvalt`: three to five sentences for the top of the Wijkprofiel.
"""
