"""Dutch strings of the comparison groups, the ontwikkelkompas and "Wat opvalt"."""

# Verdicts stored by the build (comparison_areas.reason): why a group is shown or not.
VERDICT_OK = (
    "{n} buurten elders in Nederland die in {year} het meest op {area} leken; grootste verschil in de "
    "matchingcijfers {smd} standaarddeviatie."
)
VERDICT_NO_BASELINE = (
    "Geen vergelijking met vergelijkbare buurten elders: de bron heeft geen editie in of vóór het "
    "beginjaar {first_year}."
)
VERDICT_NO_MEMBERS = (
    "Geen vergelijking met vergelijkbare buurten elders: geen van de buurten van {area} heeft in "
    "{year} alle matchingcijfers."
)
VERDICT_MISSING_INDICATOR = (
    "Geen vergelijking met vergelijkbare buurten elders: de matchingindicator {indicator} ontbreekt "
    "in de editie {year}."
)
VERDICT_PARTIAL = (
    "Van {matched} van de {n} buurten staan alle matchingcijfers in {year} in de bron; alleen die "
    "zijn gematcht."
)
VERDICT_TOO_SMALL = (
    "Geen vergelijking met vergelijkbare buurten elders: de groep telt {n} buurten, minder dan de "
    "{minimum} die nodig zijn voor een indicatie."
)
VERDICT_POOR = (
    "Geen vergelijking met vergelijkbare buurten elders: de groep lijkt in {year} te weinig op {area}. "
    "Bij {indicator} is het verschil {smd} standaarddeviatie (grens {limit})."
)
SKIP_NO_SETTINGS = "geen config/comparison.toml: geen vergelijkingsgroepen gemaakt"
SKIP_NO_AREAS = "geen vernieuwingsgebieden voor deze gemeente: geen vergelijkingsgroepen"
SKIP_URL = "bron is een OData-adres: de landelijke bestanden voor de vergelijkingsgroepen zijn niet lokaal"
SKIP_NO_FILES = "landelijke bestanden van bron '{source}' ontbreken ({patterns}): geen vergelijkingsgroepen"
POPULATION_NOTE = (
    "minimum {minimum:g} inwoners ({indicator}) toegepast op {known} buurten met een inwonertal; "
    "{excluded} daarvan vielen af; van {unknown} buurten kent de build geen inwonertal"
)
METHOD_WEIGHTED = "per buurt van het gebied gematcht; buren gewogen naar het inwonertal van die buurt ({year})"
METHOD_UNWEIGHTED = "per buurt van het gebied gematcht; alle buurten van het gebied tellen even zwaar"

# Trend figure and sentence.
SERIES_AREA = "{area}"
SERIES_CITY = "{city} (hele gemeente)"
SERIES_GROUP = "Vergelijkbare buurten elders ({n})"
TREND_TITLE = "{indicator}: {area}, {city} en vergelijkbare buurten elders"
AXIS_YEAR = "Editie"
BASELINE_MARK = "basisjaar {year}"
FORWARD = "vooruit"
BACKWARD = "achteruit"
SAME = "gelijk gebleven"
TREND_SENTENCE = (
    "{area} ging er sinds {baseline} bij {indicator} {area_change} op {area_direction}, vergelijkbare buurten "
    "elders {group_change} {group_direction}: een indicatie, geen effectmeting."
)
TREND_SENTENCE_SAME = (
    "Bij {indicator} bleef {area} sinds {baseline} gelijk ({area_change}), vergelijkbare buurten elders gingen "
    "{group_change} {group_direction}: een indicatie, geen effectmeting."
)
TREND_GROUP_NOTE = (
    "De vergelijkingsgroep: {n} buurten elders in Nederland die in {baseline} het meest op de buurten van {area} "
    "leken qua {indicators} ({age})."
)
TREND_NO_LATER = (
    "Na het basisjaar {baseline} is er nog geen nieuwere editie van {indicator}: de ontwikkeling ten opzichte "
    "van vergelijkbare buurten is nog niet te zien."
)
TREND_NO_VALUE = "Voor {indicator} zijn er geen cijfers van {area} of van de vergelijkingsgroep in {baseline} en later."
TREND_NEUTRAL = (
    "{indicator} heeft geen richting (hoger is niet beter of slechter): {area} {area_change}, vergelijkbare "
    "buurten elders {group_change} sinds {baseline}: een indicatie, geen effectmeting."
)
REFUSAL = "{reason}"
GROUP_BUURT_LABEL = "buurt {code} in {gemeente}"
GROUP_NAMES_NOTE = "De landelijke bron noemt geen buurtnamen; de buurten staan er met hun CBS-code."

# Ontwikkelkompas.
COMPASS_TITLE = "Ontwikkelkompas {area}, {period}"
COMPASS_ALL_TITLE = "Ontwikkelkompas {indicator}, {period}: alle vernieuwingsgebieden"
COMPASS_X = "Ontwikkeling van de stad (+ = verbeterd)"
COMPASS_Y = "Ontwikkeling van het gebied (+ = verbeterd)"
COMPASS_BETTER = "beter dan de stad ontwikkeld"
COMPASS_WORSE = "slechter dan de stad ontwikkeld"
COMPASS_SAME = "gelijk met de stad ontwikkeld"
COMPASS_NEUTRAL = "geen richting (niet geplaatst)"
COMPASS_DIAGONAL = "zelfde ontwikkeling als de stad"
COMPASS_UNIT_NOTE = (
    "In procentpunt (of de eenheid van de indicator); + betekent verbeterd, volgens de richting van "
    "de indicator."
)
COMPASS_COL_INDICATOR = "Indicator"
COMPASS_COL_AREA = "Gebied"
COMPASS_COL_AREA_CHANGE = "Verandering gebied"
COMPASS_COL_CITY_CHANGE = "Verandering stad"
COMPASS_COL_VERDICT = "Ten opzichte van de stad"
COMPASS_EMPTY = "Voor dit gebied zijn er geen indicatoren met cijfers in {year} én een editie daarvoor."

# Wat opvalt.
OPVALT_GAP = "De grootste kloof met de stad: {indicator}, {value} tegen {city} in de stad ({year}), {gap} slechter."
OPVALT_GAP_NEXT = "Ook een kloof bij {indicator}: {value} tegen {city} in de stad ({year})."
OPVALT_NO_GAP = "In {year} is {area} bij geen enkele indicator slechter dan de stad."
OPVALT_IMPROVED = (
    "Het meest vooruitgegaan ten opzichte van de stad: {indicator}, {change} sinds {prev} ({value} in {year})."
)
OPVALT_WORSENED = (
    "Het meest achteruitgegaan ten opzichte van de stad: {indicator}, {change} sinds {prev} ({value} in {year})."
)
OPVALT_EMPTY = "Voor {area} zijn er nog geen cijfers om iets over te zeggen."
NO_COMPARISON = (
    "Geen vergelijking met vergelijkbare buurten elders: voor dit gebied is geen vergelijkingsgroep "
    "gemaakt."
)
TREND_PERIOD = "(Van {start} tot {end}.)"
