"""A smaller ICU data library for the bundle: Arabic and English only.

Qt's wheels carry ICU with the data of every language (libicudata, 31 MB), most of the
bundle's weight. The programs speak Arabic and English, so the build keeps the data of
those two locales and of the root locale, with everything that is not per-language
(normalization, break rules and their dictionaries, collation base, time zones), and drops
the other languages, the legacy converters and transliteration. The library is rebuilt
with the same name and symbol, so Qt loads it as before. Needs ICU's `icupkg` and a C
compiler (gcc); without them the build keeps the full library.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

LOCALES = re.compile(
    r"(root|ar|ar_\w+|en|en_\w+|pool|res_index|supplementalData|likelySubtags|metadata|metaZones|"
    r"timezoneTypes|windowsZones|zoneinfo64|numberingSystems|plurals|pluralRanges|dayPeriods|genderList|"
    r"grammaticalFeatures|keyTypeData|currencyNumericCodes|icuver|icustd|units|tzdbNames)"
)
ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


def can_shrink() -> bool:
    return shutil.which("icupkg") is not None and shutil.which("gcc") is not None


def dropped(item: str) -> bool:
    """Whether an item of the ICU data package (e.g. "coll/de.res") is left out."""
    name, _, extension = item.rsplit("/", 1)[-1].rpartition(".")
    if item.startswith("translit/") or extension == "cnv":
        return True
    return extension == "res" and not LOCALES.fullmatch(name)


def _symbol_span(library: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the data blob exported by libicudata."""
    symbols = subprocess.run(["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True).stdout
    address, size, _, symbol = next(
        line.split() for line in symbols.splitlines() if re.search(r" R icudt\d+_dat$", line)
    )
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True)
    for line in sections.stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return symbol, int(address, 16) - section_address + section_offset, int(size, 16)
    raise RuntimeError(f"no .rodata section in {library}")


def shrink(library: Path, work: Path) -> Path:
    """Write a libicudata with Arabic and English only into `work`; returns its path."""
    work.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _symbol_span(library)
    package = symbol.removesuffix("_dat") + "l.dat"
    full = work / "full" / package
    full.parent.mkdir(exist_ok=True)
    with library.open("rb") as file:
        file.seek(offset)
        full.write_bytes(file.read(size))
    items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout.split()
    drop = work / "drop.txt"
    drop.write_text("\n".join(item for item in items if dropped(item)) + "\n", encoding="utf-8")
    small = work / "small" / package
    small.parent.mkdir(exist_ok=True)
    subprocess.run(["icupkg", "-r", str(drop), str(full), str(small)], check=True, capture_output=True)
    source = work / "icudata.S"
    source.write_text(ASSEMBLY.format(symbol=symbol, data=small), encoding="utf-8")
    built = work / library.name
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(built), str(source)],
        check=True,
        capture_output=True,
    )
    return built
