"""Makes the report's embedded fonts from Debian's Lato 2.007 (fonts-lato, SIL OFL 1.1).

Run: /usr/bin/python3 alert-service/src/build/fonts/make_report_fonts.py
Writes alert-service/src/main/resources/report/fonts/ReportSans-{Regular,Bold}.ttf.

Why a modified font: Apache PDFBox 3 applies a font's GSUB ligatures to Latin text (Lato turns "ft", "fi",
"ti" into one glyph) without mapping the ligature back to its letters, so a PDF reader's text extraction and
search lose them ("drifted" reads "dri ed"). The copy here has no GSUB table, so every letter stays a glyph.
Lato's licence reserves the name "Lato" for the original: a modified version must carry another name, so
these are called "Report Sans".
"""
import os

from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "main", "resources", "report", "fonts")
SOURCES = {"Regular": "/usr/share/fonts/truetype/lato/Lato-Regular.ttf",
           "Bold": "/usr/share/fonts/truetype/lato/Lato-Bold.ttf"}

for style, source in SOURCES.items():
    font = TTFont(source)
    if "GSUB" in font:
        del font["GSUB"]
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 16):
            record.string = "Report Sans"
        elif record.nameID in (4,):
            record.string = "Report Sans " + style
        elif record.nameID in (6,):
            record.string = "ReportSans-" + style
        elif record.nameID in (3,):
            record.string = "ReportSans-" + style + ";derived from Lato 2.007"
    target = os.path.join(OUT, "ReportSans-" + style + ".ttf")
    font.save(target)
    print("wrote", target)
