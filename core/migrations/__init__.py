"""Alembic migrations of the store, shipped inside the package so a frozen build finds them."""
