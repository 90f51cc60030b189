"""The ``observe`` command line: thin commands that parse options, ask the domain, and render.

Heavy modules (rich, the calendar writer) are imported inside the commands that need them, and
each command's module only when that command runs, so that a plain ``observe next`` in a pipe
pays for little more than click and the data.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from observe import __version__
from observe.cli.settings import Settings
from observe.cli.shared import common_options, fail
from observe.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_IO,
    ClosedPipe,
    DataError,
    ObserveError,
    Terminated,
)

__all__ = ["Settings", "cli", "main"]
DEBUG_ENV = "OBSERVE_DEBUG"

# Command name to "module:function"; the order is the order --help lists them in.
COMMANDS = {
    "next": "observe.cli.upcoming:next_command",
    "today": "observe.cli.days:today_command",
    "on": "observe.cli.days:on_command",
    "week": "observe.cli.days:week_command",
    "list": "observe.cli.year:list_command",
    "month": "observe.cli.month:month_command",
    "show": "observe.cli.records:show_command",
    "history": "observe.cli.records:history_command",
    "search": "observe.cli.records:search_command",
    "when": "observe.cli.when:when_command",
    "changes": "observe.cli.changes:changes_command",
    "export": "observe.cli.export:export_command",
    "validate": "observe.cli.validate:validate_command",
}


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="observe %(version)s")
@common_options
def cli() -> None:
    """A calendar of the United Nations' international days and weeks.

    \b
    Examples:
      observe next                 the next 10 observances
      observe next --within 7      everything in the coming week (for cron)
      observe list 2027 --month 10
      observe on 2026-12-10
    """


def main() -> None:
    """Run the CLI, turning every failure into one line on stderr and a documented exit code."""
    from observe import streams

    # Every write complete or an error; a character the stream cannot encode becomes '?'.
    streams.install()
    try:
        # Bare `observe` asks for help: the help, laid out as help, on standard output.
        arguments = sys.argv[1:] or ["--help"]
        result = cli.main(arguments, prog_name="observe", standalone_mode=False)
    except click.ClickException as error:
        fail(_one_line(error.format_message(), error), error.exit_code)
    except DataError as error:
        _report_data_problems(error)
    except ObserveError as error:
        fail(f"observe: {error}", error.exit_code)
    except Terminated as stop:
        raise SystemExit(128 + stop.signum) from None
    except (KeyboardInterrupt, click.Abort):
        sys.stderr.write("\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    except (ClosedPipe, BrokenPipeError):
        _silence_stdout()
        raise SystemExit(EXIT_BROKEN_PIPE) from None
    except OSError as error:  # anything an I/O layer did not already put in words
        where = f": {error.filename}" if error.filename else ""
        fail(f"observe: {error.strerror or error}{where}", EXIT_IO)
    except Exception as error:
        # A bug: still one line, and a status a script can tell from every other (EX_SOFTWARE).
        if os.environ.get(DEBUG_ENV):
            raise
        fail(f"observe: internal error ({type(error).__name__}: {error}); {DEBUG_ENV}=1 shows where", 70)
    raise SystemExit(result if isinstance(result, int) else 0)


def _report_data_problems(error: DataError) -> None:
    for problem in error.problems:
        sys.stderr.write(f"{problem}\n")
    raise SystemExit(error.exit_code)


def _one_line(message: str, error: click.ClickException) -> str:
    if isinstance(error, click.UsageError) and error.ctx is not None:
        return f"{error.ctx.command_path}: {message} (see '{error.ctx.command_path} --help')"
    return f"observe: {message}"


def _silence_stdout() -> None:
    """After the reader of a pipe went away, keep Python's exit-time flush from complaining."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
