"""The fair's tables as first made: fair, employers, positions, load history, skill demand

Revision ID: 0001
Revises:
Create Date: 2026-12-01

Exactly the schema `SQLModel.metadata.create_all` made before migrations: a database of that time is
stamped with this revision, not recreated.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "employer",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("ownership", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("industry", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("booth", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_employer_industry", "employer", ["industry"], unique=False)
    op.create_index("ix_employer_ownership", "employer", ["ownership"], unique=False)

    op.create_table(
        "fair",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("city", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("district", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("venue", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("date", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("organisers", sa.JSON(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("data_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "loadrecord",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("filename", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("mode", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("data_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_loadrecord_at", "loadrecord", ["at"], unique=False)

    op.create_table(
        "skilldemand",
        sa.Column("skill", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("matched", sa.Boolean(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("skill", "matched"),
    )
    op.create_table(
        "position",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("employer_id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("industry", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("education", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("majors", sa.JSON(), nullable=False),
        sa.Column("salary_min", sa.Integer(), nullable=True),
        sa.Column("salary_max", sa.Integer(), nullable=True),
        sa.Column("openings", sa.Integer(), nullable=False),
        sa.Column("benefits", sa.JSON(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_position_employer_id", "position", ["employer_id"], unique=False)
    op.create_index("ix_position_industry", "position", ["industry"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_position_industry", table_name="position")
    op.drop_index("ix_position_employer_id", table_name="position")

    op.drop_table("position")
    op.drop_table("skilldemand")
    op.drop_index("ix_loadrecord_at", table_name="loadrecord")

    op.drop_table("loadrecord")
    op.drop_table("fair")
    op.drop_index("ix_employer_ownership", table_name="employer")
    op.drop_index("ix_employer_industry", table_name="employer")

    op.drop_table("employer")
