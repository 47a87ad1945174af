"""Texts of logging in and of restricted content (wijkmonitor.access): the notices where a page withholds something."""

WHAT_LESSONS = "de geleerde lessen"
WHAT_OPEN_INPUT = "wat bewoners inbrachten en nog niet beantwoord is (status ‘toegezegd’)"
WHAT_STATUS = "interventies met status ‘{status}’"

AUDIENCES = {
    "partners": "die zijn er alleen voor ingelogde partners en het programmabureau",
    "betrokken": "die zijn er alleen voor de partners die bij de interventie horen en het programmabureau",
    "programmabureau": "die zijn er alleen voor het programmabureau",
}

LOG_IN = "Log in om {what} te zien: {audience}."
NOT_FOR_ROLE = "{what} zijn niet beschikbaar voor uw rol ({role}): {audience}."
PARTLY = "U ziet {what} alleen bij de interventies waar uw organisatie bij hoort: {audience}."
NOT_PUBLIC = "{what} zijn niet openbaar: {audience}. Inloggen is voor dit dashboard niet ingesteld."
LOG_IN_BUTTON = "Inloggen"
