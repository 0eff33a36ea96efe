"""Fill unfinished Arabic entries of translations/mmc_ar.ts from a Python file that holds
a dict AR {English source: Arabic}, or for a text with a count (`%n`) the list of Arabic's
six plural forms (0, 1, 2, 3-10, 11-99, 100 and more); used when many new texts arrive at
once (Qt Linguist does the same one by one). `python scripts/fill_arabic.py FILE`."""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "translations" / "mmc_ar.ts"


def main() -> int:
    arabic: dict[str, str | list[str]] = runpy.run_path(sys.argv[1])["AR"]
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        assert source is not None and translation is not None
        if translation.get("type") != "unfinished":
            continue
        text = arabic.get(source.text or "")
        forms = translation.findall("numerusform")
        if text is None or (forms and (not isinstance(text, list) or len(text) != len(forms))):
            missing.append(source.text)
            continue
        if forms:
            for form, said in zip(forms, text, strict=True):
                form.text = said
        else:
            translation.text = text
        translation.attrib.pop("type")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for text in missing:
        print("no Arabic for:", text)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
