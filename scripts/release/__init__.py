"""Building, signing and checking the installers (see docs/PACKAGING.md)."""
