"""Qt Linguist sources (`mmc_ar.ts`, `mmc_en.ts`) and their compiled `.qm` files."""
