"""Which of ICU's data the bundle keeps: Arabic, English and what every language needs."""

from __future__ import annotations

import pytest

from scripts.release.icu_data import dropped


@pytest.mark.parametrize(
    "item",
    ["ar.res", "ar_SA.res", "en.res", "en_GB.res", "root.res", "coll/ar.res", "coll/ucadata.icu", "nfc.nrm",
     "brkitr/cjdict.dict", "brkitr/line.brk", "zone/ar.res", "zoneinfo64.res", "pool.res", "res_index.res"],
)  # fmt: skip
def test_arabic_english_and_shared_data_stay(item: str) -> None:
    assert not dropped(item)


@pytest.mark.parametrize(
    "item", ["de.res", "coll/zh.res", "zone/fr_CA.res", "translit/Latin_ASCII.res", "ibm-1390_P110-2003.cnv", "arn.res"]
)
def test_other_languages_converters_and_transliteration_go(item: str) -> None:
    assert dropped(item)
