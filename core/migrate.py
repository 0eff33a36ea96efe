"""Schema migrations with Alembic, located at run time inside the package.

Alembic is imported only to migrate: an app that opens an up-to-date store (every start
but the first after an update) reads the revision with one query and starts faster.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, exc, text

from core.errors import MmcError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD_REVISION = "0012"
"""The newest migration; a test checks it against Alembic's head."""


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return HEAD_REVISION


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except exc.DBAPIError:
            return None


def known_revisions() -> set[str]:
    """Every schema revision this version of the program has a migration for."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def file_revision(path: Path) -> str | None:
    """The schema revision of the SQLite file at `path` (None: none, or it cannot be read)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


class NewerSchema(MmcError):
    """The database was migrated by a newer version of the program (rolled back since)."""

    code = "newer_schema"
    template = (
        "The database was migrated by a newer version of MMC-MMS (schema {revision}); this version knows "
        "schemas up to {head}. Install the newer version again, or put back the backup taken before "
        "that upgrade (docs/OPERATIONS.md, Rollback)."
    )


def upgrade(engine: Engine) -> None:
    """Migrate to this version's head; NewerSchema for a database a newer version migrated
    (Alembic would fail on a revision it has no script for)."""
    from alembic import command

    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise NewerSchema(revision=current, head=HEAD_REVISION)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")


def autogenerate(engine: Engine, message: str) -> None:
    """Write a new revision from the models' difference to `engine` (for developers)."""
    from alembic import command

    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=True)
