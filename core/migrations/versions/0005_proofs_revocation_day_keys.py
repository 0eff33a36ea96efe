"""staff op proofs, revocable devices, day PIN keys

Ops carry the proof that a staff user logged in on the device (users get the public key
that checks it and the salt its private key is derived with); devices can be revoked;
kiosks and consoles get each day's PIN key instead of the site secret.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 18:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proof", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signing_salt", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("signing_key", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revoked", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "day_keys",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_day_keys")),
    )


def downgrade() -> None:
    op.drop_table("day_keys")
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("revoked")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("signing_key")
        batch_op.drop_column("signing_salt")
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.drop_column("proof")
