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
# A group buurt's label: the national RIVM files name no buurt, so the buurt is placed by its wijk and gemeente.
GROUP_LABEL_WIJK = "buurt in wijk {wijk}, {gemeente}"
GROUP_LABEL_WIJK_YEAR = "buurt in wijk {wijk} (wijknaam uit de indeling {year}), {gemeente}"
GROUP_LABEL_GEMEENTE = "buurt in de gemeente {gemeente}"
GROUP_LABEL_CODE = "buurt met CBS-code {code} (geen wijk- of gemeentenaam gevonden)"
GROUP_NAMES_NOTE = (
    "De landelijke bron noemt geen buurtnamen; elke buurt staat er met haar wijk en gemeente (wijknamen uit de "
    "landelijke CBS- en Leefbaarometerbestanden, met het jaar van hun indeling waar dat afwijkt) en haar CBS-code."
)

# Ontwikkelkompas.
COMPASS_TITLE = "Ontwikkelkompas {area}, {period}"
COMPASS_ALL_TITLE = "Ontwikkelkompas {indicator}, {period}: alle wijkvernieuwingsgebieden"
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

# Page parts (wijkmonitor.comparison.views and the pages).
COL_YEAR = "Editie"
COL_GROUP = "Vergelijkbare buurten elders"
COL_RANK = "Nr."
COL_BUURT = "Buurt"
COL_GEMEENTE = "Gemeente"
COL_CODE = "CBS-buurtcode"
COL_DISTANCE = "Afstand"
COL_MATCHED_TO = "Lijkt op (buurt van het gebied)"
COL_WEIGHT = "Gewicht"
COL_INDICATOR = "Matchingindicator"
COL_BASELINE = "Basisjaar"
COL_SMD = "Verschil (sd)"
COL_BALANCED = "Binnen de grens"
YES = "ja"
NO = "nee"
NO_NAME = "(naam niet in de bron)"
TREND_ALT = (
    "Lijndiagram van {indicator} over de edities: {area}, {city} en vergelijkbare buurten elders."
)
COMPASS_ALT = (
    "Ontwikkelkompas van {area} ({period}): per indicator de verandering van de stad (horizontaal) tegen die van "
    "het gebied (verticaal); boven de diagonaal beter dan de stad ontwikkeld, eronder slechter."
)
COMPASS_ALL_ALT = (
    "Ontwikkelkompas van {indicator} ({period}) voor alle wijkvernieuwingsgebieden: de verandering van de stad "
    "(horizontaal) tegen die van elk gebied (verticaal); boven de diagonaal beter dan de stad ontwikkeld."
)
COMPASS_COUNTS = (
    "{better} beter dan de stad ontwikkeld, {worse} slechter, {same} gelijk (binnen de marge)."
)
COMPASS_ALL_NEUTRAL = (
    "{indicator} heeft geen richting (hoger is niet beter of slechter): het ontwikkelkompas plaatst deze "
    "indicator niet."
)
COMPASS_ALL_EMPTY = (
    "Voor {indicator} is er in {year} geen vernieuwingsgebied met ook een cijfer van een eerdere editie: kies een "
    "ander jaar of een andere indicator."
)
H_OPVALT = "Wat opvalt"
OPVALT_HELP = "Automatisch uit de cijfers opgesteld: elke zin noemt zijn getal en jaar."
H_COMPARISON = "Vergeleken met vergelijkbare buurten elders"
COMPARISON_INTRO = (
    "Had het gebied zich ook zonder het programma zo ontwikkeld? Vergelijkbare buurten elders in Nederland, die in het "
    "basisjaar het meest op dit gebied leken, geven daar een indicatie van, geen effectmeting: ook andere "
    "verschillen tussen de buurten kunnen de ontwikkeling verklaren."
)
COMPARISON_AGE = "De vergelijking gebruikt de leeftijdsgroep {age}, de groep waarop gematcht is."
H_GROUP = "De vergelijkingsgroep"
H_BALANCE = "Hoe goed de groep lijkt in het basisjaar"
BALANCE_HELP = (
    "Gemiddelde van het gebied en van de groep in het basisjaar; het verschil in landelijke standaarddeviaties "
    "(sd). Boven {limit} sd heet de match slecht en wordt geen vergelijking getoond."
)
GROUP_TABLE_HELP = (
    "Afstand: hoe verschillend de buurt was in het basisjaar (0 = gelijk, 1 = gemiddeld één standaarddeviatie "
    "per matchingindicator). Gewicht: het aandeel van de buurt in het groepsgemiddelde."
)
GROUP_NO_LINKS = (
    "De landelijke RIVM-bestanden (StatLine 50090NED) noemen per buurt alleen de CBS-buurtcode en de gemeente, "
    "geen buurtnaam; daarom staat de code erbij. Geen link per buurt: CBS en RIVM hebben geen vaste openbare "
    "pagina per buurtcode, en de Wijkprofielen van dit dashboard gaan alleen over de eigen gemeente. Zoek een "
    "buurt op met zijn code in [StatLine-tabel 50090NED](https://opendata.cbs.nl/statline/#/CBS/nl/dataset/50090NED/table)."
)
DOWNLOAD_GROUP = "Vergelijkingsgroep (CSV)"
TREND_TABS_HELP = "Per matchingindicator het gebied, de stad en de vergelijkingsgroep over de edities."
TABLE_TREND = "Tabel bij de grafiek"
H_COMPARISON_AREA = "Vergeleken met vergelijkbare buurten elders: {area}"
COMPARISON_NOT_AREA = (
    "Vergelijkbare buurten elders zijn er alleen voor de vernieuwingsgebieden; kies een vernieuwingsgebied om de "
    "vergelijking te zien."
)
COMPARISON_OTHER_AGE = (
    "De vergelijkingsgroep is gematcht op {age}; voor de gekozen leeftijdsgroep zijn er geen groepscijfers van "
    "{indicator}. Hieronder de matchingindicatoren voor {age}."
)
H_COMPASS_AREA = "Ontwikkelkompas"
COMPASS_HELP = (
    "Elke stip is een indicator: horizontaal hoe de stad veranderde, verticaal hoe het gebied veranderde, beide "
    "zo gerekend dat + verbeterd betekent (bij eenzaamheid is een daling dus +). Boven de stippellijn ontwikkelde "
    "het gebied zich beter dan de stad, eronder slechter. Verschillen kleiner dan {tolerance} procentpunt heten "
    "gelijk: de cijfers zijn schattingen met een marge. Alleen de stippen die het verst van de stippellijn "
    "liggen staan bij naam; de tabel noemt ze allemaal."
)
H_COMPASS_ALL = "Ontwikkelkompas: alle wijkvernieuwingsgebieden, {indicator}"
COMPASS_ALL_HELP = (
    "Elke stip is een vernieuwingsgebied: horizontaal hoe de stad veranderde (voor alle gebieden even veel, dus "
    "de stippen staan boven elkaar), verticaal hoe het gebied veranderde, beide zo gerekend dat + verbeterd "
    "betekent (bij eenzaamheid is een daling dus +). Boven de stippellijn ontwikkelde het gebied zich beter dan "
    "de stad, eronder slechter. Verschillen kleiner dan {tolerance} procentpunt heten gelijk: de cijfers zijn "
    "schattingen met een marge."
)
DOWNLOAD_COMPASS = "Ontwikkelkompas (CSV)"
SHORT_BETTER = "beter ontwikkeld"
SHORT_WORSE = "slechter ontwikkeld"
SHORT_SAME = "gelijk"
SHORT_NEUTRAL = "geen richting"
COMPASS_ALL_CITY = "De stad veranderde {change} ({direction})."
COMPASS_CITY_BETTER = "een verbetering"
COMPASS_CITY_WORSE = "een verslechtering"
COMPASS_CITY_SAME = "ongeveer gelijk gebleven"
