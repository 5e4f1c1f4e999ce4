"""The schema through migrations: head from empty, models and migrations agree, old databases are stamped."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from service.store.db import get_engine
from service.store.schema import current_revision, drop_all, head_revision, upgrade
from tests.builders import small_fair


def test_an_empty_database_is_upgraded_to_head_and_matches_the_models(make_app):
    app = make_app(FAIR_BOOTSTRAP=False)
    drop_all(app)
    assert upgrade(app) == head_revision()
    with get_engine(app).connect() as connection:
        assert current_revision(connection) == head_revision()
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"


def test_upgrading_twice_changes_nothing(make_app):
    app = make_app()
    with get_engine(app).connect() as connection:
        before = current_revision(connection)
    upgrade(app)
    with get_engine(app).connect() as connection:
        assert current_revision(connection) == before == head_revision()


def test_a_database_made_before_migrations_is_stamped_and_keeps_its_data(make_app):
    app = make_app(FAIR_BOOTSTRAP=False)
    engine = get_engine(app)
    drop_all(app)
    SQLModel.metadata.create_all(engine)  # how the service made its tables before migrations
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO fair (id, name, organisers, extra, data_version, updated_at) "
                "VALUES ('old-fair', '旧招聘会', '[]', '{}', 7, '2023-08-20 09:00:00')"
            )
        )
    assert "alembic_version" not in inspect(engine).get_table_names()

    later = make_app()  # what every start does now: upgrade in place
    with get_engine(later).connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.execute(text("SELECT name, data_version FROM fair")).one() == ("旧招聘会", 7)
    answer = later.test_client().get("/api/v1/fair")
    assert answer.status_code == 200
    assert answer.get_json()["name"] == "旧招聘会"


def test_loads_work_on_a_migrated_database(make_app, organiser):
    app = make_app()
    client = app.test_client()
    answer = client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    assert answer.status_code == 200, answer.get_json()
    assert client.get("/api/v1/positions").get_json()["total"] > 0
