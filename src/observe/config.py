"""The user's configuration folder and ``config.toml``: defaults for filters and output.

The folder follows the platform's convention (``$XDG_CONFIG_HOME/observe`` or
``~/.config/observe`` on Linux), found by ``click.get_app_dir``; ``OBSERVE_CONFIG_DIR``
overrides it. Its ``observances/`` folder holds the user's own observance files.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from observe.errors import DataError, Problem

CONFIG_DIR_ENV = "OBSERVE_CONFIG_DIR"
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
OUTPUTS = ("auto", "plain", "json")


class Config(NamedTuple):
    """Defaults that apply when the command line does not say otherwise."""

    topics: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    next_count: int = 10
    output: str = "auto"
    color: bool = True
    first_day_of_week: int = 0


def config_dir() -> str:
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return override
    import click

    return click.get_app_dir("observe")


def user_observance_dir() -> str:
    return os.path.join(config_dir(), "observances")


def load_config() -> Config:
    """The user's config.toml, or the defaults when there is none."""
    from observe.reading import read_text

    path = os.path.join(config_dir(), "config.toml")
    text = read_text(path, missing_ok=True)
    return Config() if text is None else parse_config(text, path)


def parse_config(text: str, label: str) -> Config:
    """Validate a config.toml, reporting every problem as ``file:line: message``."""
    import tomllib

    from observe.schema import line_in_text

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError([Problem(label, 1, f"not valid TOML: {error}")]) from None
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(Problem(label, line_in_text(text, (key,)), f"{key}: {message}"))

    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("topics", "bodies", "kinds"):
            if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
                problem(key, "must be a list of strings")
            elif key == "kinds" and not set(value) <= {"day", "week"}:
                problem(key, "may only hold 'day' and 'week'")
            else:
                values[key] = tuple(value)
        elif key == "count":
            if type(value) is not int or value < 1:
                problem(key, "must be a whole number of at least 1")
            else:
                values["next_count"] = value
        elif key == "output":
            if value not in OUTPUTS:
                problem(key, f"must be one of: {', '.join(OUTPUTS)}")
            else:
                values[key] = value
        elif key == "color":
            if not isinstance(value, bool):
                problem(key, "must be true or false")
            else:
                values[key] = value
        elif key == "first_day_of_week":
            if not isinstance(value, str) or value.lower() not in WEEKDAY_KEYS:
                problem(key, f"must be a weekday name: {', '.join(WEEKDAY_KEYS)}")
            else:
                values[key] = WEEKDAY_KEYS.index(value.lower())
        else:
            problem(key, "unknown setting")
    if problems:
        raise DataError(problems)
    return Config(**values)
