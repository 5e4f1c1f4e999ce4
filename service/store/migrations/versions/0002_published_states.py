"""Every published state kept: the load history holds what each write changed and the fair it left;
positions keep the pay as the employer wrote it

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("loadrecord") as batch:
        batch.add_column(sa.Column("changes", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("snapshot", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("restored_from", sa.Integer(), nullable=True))
    with op.batch_alter_table("position") as batch:
        batch.add_column(sa.Column("salary_text", sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("position") as batch:
        batch.drop_column("salary_text")
    with op.batch_alter_table("loadrecord") as batch:
        batch.drop_column("restored_from")
        batch.drop_column("snapshot")
        batch.drop_column("changes")
