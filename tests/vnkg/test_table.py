"""The command line and the Python API are one to one, from one table (vnkg.commands.COMMANDS):
every command has an API function of its name, the parser has exactly the table's options,
and each option is a keyword-only parameter of the function, named by the rule (`--foo-bar`
is `foo_bar`, `--no-foo` sets `foo`, a repeatable `--foo` is `foos`) or saying why not."""

from __future__ import annotations

import argparse
import inspect

import pytest

import vnkg
from vnkg.cli import make_parser
from vnkg.commands import COMMANDS, Command

COMMAND_NAMES = ["build", "extract", "load", "query", "sparql", "cypher", "view", "export",
                 "eval", "stats", "serve", "check"]


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in make_parser()._actions
                  if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _ruled(flags: tuple[str, ...], repeatable: bool) -> str:
    """The parameter the naming rule gives an option."""
    name = next(f for f in flags if f.startswith("--"))
    param = name.removeprefix("--no-").removeprefix("--").replace("-", "_")
    return param + "s" if repeatable else param


def test_the_table_is_the_command_line() -> None:
    assert list(COMMANDS) == COMMAND_NAMES
    assert list(_subparsers()) == COMMAND_NAMES


def test_every_command_has_an_api_function_of_its_name() -> None:
    for name, command in COMMANDS.items():
        assert command.api == {"eval": "evaluate"}.get(name, name)
        assert callable(getattr(vnkg, command.api)), name
        assert command.api in vnkg.__all__


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_options_correspond_one_to_one(name: str) -> None:
    command: Command = COMMANDS[name]
    parser = _subparsers()[name]
    actions = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
    positionals = [a.dest for a in actions if not a.option_strings]
    options = {tuple(a.option_strings): a for a in actions if a.option_strings}
    by_param: dict[str, list[tuple[str, ...]]] = {}
    for o in command.options:
        if o.param is not None:
            by_param.setdefault(o.param, []).append(o.flags)
    # the parser's options are the table's, spelt the same
    assert sorted(options) == sorted(o.flags for o in command.options)
    signature = inspect.signature(getattr(vnkg, command.api))
    params = signature.parameters
    # positional arguments: the table's, on both sides (the function's may be named apart:
    # the command line never spells them)
    given = [p for p in params.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert positionals == [a.name for a in command.arguments]
    assert [p.name for p in given] == [a.param for a in command.arguments]
    # every other parameter is keyword-only, and is an option's or the API's own
    keyword = {p.name for p in params.values() if p.kind is p.KEYWORD_ONLY}
    assert len(keyword) + len(given) == len(params), "options are keyword-only"
    assert keyword == set(by_param) | set(command.api_only)
    assert not set(by_param) & set(command.api_only)
    for o in command.options:
        action = options[o.flags]
        repeatable = isinstance(action, argparse._AppendAction)
        if o.param is None or o.param != _ruled(o.flags, repeatable):
            assert o.why, f"{o.flags} sets {o.param!r}: say why it is not named by the rule"
        if o.param is not None and params[o.param].default is inspect.Parameter.empty:
            assert action.required or o.why, f"{o.flags}: the API requires {o.param}"


def test_the_table_names_options_in_api_messages() -> None:
    from vnkg.cli import _OPTION_OF

    assert _OPTION_OF["`node`"] == "--name or --id"
    assert _OPTION_OF["`sparql_endpoint`"] == "--sparql-endpoint"
    assert "`reference`" not in _OPTION_OF  # --no-reference says the opposite
