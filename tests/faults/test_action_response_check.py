"""Rasa checks each custom action's response against its schema with a validator built once
(bot/action_response_check.py): the same verdicts and errors as Rasa's own check."""
from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import bot.channels.rest  # noqa: F401  (installs the check, as `rasa run` does)
from bot import action_response_check

GOOD = [{"events": [], "responses": []},
        {"events": [{"event": "slot", "name": "role", "value": "werkende"}],
         "responses": [{"text": "Hallo", "buttons": [{"title": "Ja", "payload": "/affirm"}]}]},
        {}]
BAD = [{"events": "geen lijst"}, {"events": [{"naam": "zonder event"}]},
       {"responses": [{"text": 5}], "events": [{"event": 3}]}, []]


def test_the_channels_install_the_built_once_check():
    assert RemoteAction._validate_action_result is action_response_check._validate_action_result


@pytest.mark.parametrize("response", GOOD)
def test_a_valid_response_passes(response):
    action = RemoteAction("action_x", None)
    assert action._validate_action_result(response) is True
    jsonschema.validate(response, RemoteAction.action_response_format_spec())


@pytest.mark.parametrize("response", BAD)
def test_an_invalid_response_fails_as_rasa_would(response):
    action = RemoteAction("action_x", None)
    with pytest.raises(jsonschema.ValidationError) as ours:
        action._validate_action_result(response)
    with pytest.raises(jsonschema.ValidationError) as stock:
        jsonschema.validate(response, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(stock.value.message)
    assert "Failed to validate Action server response" in ours.value.message
