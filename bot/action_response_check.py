"""Rasa checks every custom action's response against its JSON schema (it must: a broken
action server must not corrupt a conversation), but Rasa 3.6 calls `jsonschema.validate`,
which first checks the schema itself against the JSON Schema meta-schema, on every call:
about 20 ms per custom action, in the server's event loop, so every conversation waits
(bench/profile.py: 37% of a message). Here the validator is built once; the check and its
error stay exactly Rasa's (the same schema, the same best-matching error, the same message).

Installed when the REST channels are imported (`bot/channels/rest.py`), which `rasa run`
does for credentials.yml before it serves a message.
"""
from __future__ import annotations

from typing import Any, Dict, Text

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = validator_for(_SCHEMA)(_SCHEMA)
_VALIDATOR.check_schema(_SCHEMA)  # once, as jsonschema.validate would on every call


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    error = best_match(_VALIDATOR.iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        "For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions")
    raise error


def install() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[assignment]


__all__ = ["ValidationError", "install"]
