"""The user's configuration folder and ``config.toml``: defaults for filters and output.

Which folder holds them is the command line's business (the platform's convention, or
``$OBSERVE_CONFIG_DIR``); this module reads what is in a given folder. Its ``observances/``
folder holds the user's own observance files. The vocabularies (weekdays, kinds, output modes)
are the ones the rest of the tool uses.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from observe.errors import DataError, Problem
from observe.vocabulary import KINDS, LANGUAGES, MODES, WEEKDAY_KEYS

OUTPUTS = ("auto", *MODES)


class Config(NamedTuple):
    """Defaults that apply when the command line does not say otherwise."""

    topics: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    next_count: int = 10
    output: str = "auto"
    color: bool = True
    first_day_of_week: int = 0
    lang: str = "en"


def observance_dir(folder: str) -> str:
    """Where the user's own observance files are, in the configuration folder."""
    return os.path.join(folder, "observances")


def load_config(folder: str) -> Config:
    """The configuration folder's config.toml, or the defaults when there is none."""
    from observe.load.reading import read_text

    path = os.path.join(folder, "config.toml")
    text = read_text(path, missing_ok=True)
    return Config() if text is None else parse_config(text, path)


def parse_config(text: str, label: str) -> Config:
    """Validate a config.toml, reporting every problem as ``file:line: message``."""
    import tomllib

    from observe.load.locate import line_in_text

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
            elif key == "kinds" and not set(value) <= set(KINDS):
                problem(key, f"may only hold {' and '.join(repr(kind) for kind in KINDS)}")
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
        elif key == "lang":
            if value not in LANGUAGES:
                problem(key, f"must be one of: {', '.join(LANGUAGES)}")
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
