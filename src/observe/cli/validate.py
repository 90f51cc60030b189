"""The validate command: check data files and report every problem."""

from __future__ import annotations

import click

from observe.cli.settings import current_settings
from observe.cli.shared import common_options, fail
from observe.errors import DataError


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@common_options
def validate_command(paths: tuple[str, ...]) -> None:
    """Check observance files and report every problem as FILE:LINE: MESSAGE.

    With no PATH, checks the bundled data, your config.toml, and your own observance files (the
    config folder's observances/, --data and $OBSERVE_DATA). Exits with status 3 on any problem.

    \b
    Examples:
      observe validate
      observe validate ~/my-days/team-day.toml
    """
    from pathlib import Path

    from observe.load.bundle import bundled_sources
    from observe.load.dataset import expand_paths, validate_files

    settings = current_settings()
    chosen = [Path(path) for path in paths]
    if not chosen:
        settings.config()
        chosen = bundled_sources() + [Path(path) for path in settings.user_paths()]
    files = list(expand_paths(chosen))
    if not files:
        fail(f"observe validate: no .toml files in {', '.join(paths)}")
    renderer = settings.renderer()
    try:
        checked = validate_files(files)
    except DataError as error:
        renderer.validation(len(files), error.problems)
        raise
    renderer.validation(checked, [])
