"""Gegevens bijwerken: the programme office uploads a register workbook or an own-figures table (issue 14).

Wiring only: the page glue is `wijkmonitor.updates.ui.render`, the logic the pure modules of wijkmonitor.updates.
"""

from wijkmonitor.access import session
from wijkmonitor.common import page
from wijkmonitor.updates import ui

page.start("gegevens-bijwerken")
ui.render(session.current_viewer())
