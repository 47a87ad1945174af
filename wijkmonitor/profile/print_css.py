"""Print stylesheets: for the Streamlit page (browser print / Save as PDF) and for the downloaded HTML file.

Streamlit's app shell scrolls inside fixed-height containers, which a browser prints as one clipped page;
the rules below give those containers their natural height again and drop everything that is not the profile
(menu, header, toolbar, widgets, buttons). Charts have a fixed width of at most 700 px, so they fit A4.
"""

from __future__ import annotations

PAGE_PRINT_CSS = """
<style>
@media print {
  @page { size: A4 portrait; margin: 12mm 12mm 14mm 12mm; }
  * { -webkit-print-color-adjust: exact !important; print-color-adjust: exact !important; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarNav"],
  [data-testid="stHeader"], header, [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stMainMenu"], [data-testid="stBottom"], footer,
  [data-testid="stDownloadButton"], [data-testid="stSelectbox"], [data-testid="stRadio"],
  [data-testid="stElementToolbar"], [data-testid="stPageLink"], .modebar-container, .no-print,
  [data-testid="stExpander"] { display: none !important; }
  html, body, #root, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  section.main, [data-testid="stMainBlockContainer"], [data-testid="stAppScrollToBottomContainer"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important;
    position: static !important;
  }
  [data-testid="stMainBlockContainer"], .block-container {
    max-width: 100% !important; padding: 0 !important; margin: 0 !important;
  }
  /* A scrolling box cannot be split over pages: Chromium pushes it whole to the next page and leaves an
     empty one behind. Tables print as plain, breakable tables instead. */
  [data-testid="stTable"], [data-testid="stTable"] > div { overflow: visible !important; height: auto !important; }
  [data-testid="stTable"] table { display: table !important; width: 100% !important; font-size: 8.5pt; }
  [data-testid="stTable"] th, [data-testid="stTable"] td { padding: 2px 4px !important; overflow-wrap: break-word; }
  [data-testid="stTable"] tr { break-inside: avoid; }
  [data-testid="stPlotlyChart"], .stPlotlyChart, [data-testid="stAlert"] { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  body { font-size: 10.5pt; }
}
</style>
"""

EXPORT_CSS = """
body { font-family: "Source Sans Pro", Arial, sans-serif; color: #24292f; max-width: 760px; margin: 24px auto;
       padding: 0 16px; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: 0.1em; }
h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; }
h3 { font-size: 1.1em; margin-top: 1.2em; }
.meta { color: #57606a; font-size: 0.92em; }
.note { background: #fff8c5; border-left: 4px solid #9a6700; padding: 6px 10px; }
.example { display: inline-block; background: #fff8c5; border: 1px solid #9a6700; color: #633c01;
           font-weight: 600; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; margin: 0.5em 0 1em; }
th, td { border-bottom: 1px solid #d0d7de; text-align: left; padding: 3px 6px; vertical-align: top; }
th { background: #f6f8fa; }
.chart { break-inside: avoid; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  .modebar-container { display: none !important; }
}
"""
