"""`flask fair migration`: nothing to write while the models and the migrations agree."""

from __future__ import annotations

from service.cli import fair_cli


def test_no_migration_is_written_when_the_models_agree(make_app):
    app = make_app()
    result = app.test_cli_runner().invoke(fair_cli, ["migration", "nothing changed"])
    assert result.exit_code == 0, result.output
    assert "nothing to write" in result.output
