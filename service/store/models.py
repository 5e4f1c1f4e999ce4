"""The fair's tables: the fair itself, its employers and their positions, and the history of loads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Fair(SQLModel, table=True):
    """The one fair this database serves; `data_version` changes on every successful write."""

    id: str = Field(primary_key=True, max_length=100)
    name: str
    city: str | None = None
    district: str | None = None
    venue: str | None = None
    date: str | None = None
    organisers: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    hall: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))  # the plan
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    data_version: int = 0
    updated_at: datetime = Field(default_factory=utcnow)


class Employer(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=100)
    name: str
    ownership: str = Field(index=True, max_length=40)
    industry: str = Field(index=True, max_length=40)
    booth: str | None = None
    description: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    sort_order: int = 0


class Position(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=100)
    employer_id: str = Field(foreign_key="employer.id", index=True, max_length=100, ondelete="CASCADE")
    title: str
    skills: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    industry: str = Field(index=True, max_length=40)
    education: str = Field(default="none", max_length=40)
    majors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    salary_min: int | None = None
    salary_max: int | None = None
    salary_text: str | None = (
        None  # the pay as the employer wrote it (4000+提成), when it says more than the range
    )
    openings: int = 1
    benefits: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    description: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    sort_order: int = 0


class LoadRecord(SQLModel, table=True):
    """One published state: the load, correction or restore that made it, what it changed, and the whole
    fair as it then stood (`snapshot`, a zlib-compressed fixture document; None once retention drops it)."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    source: str = "api"
    filename: str | None = None
    mode: str = "upsert"
    actor: str | None = None
    counts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    data_version: int = 0
    changes: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    snapshot: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    restored_from: int | None = None


class SkillDemand(SQLModel, table=True):
    """How often seekers asked for a skill (the engine's match, or the input when nothing matched)."""

    skill: str = Field(primary_key=True, max_length=100)
    matched: bool = Field(primary_key=True)
    count: int = 0
