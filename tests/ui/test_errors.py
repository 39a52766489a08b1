"""Every error becomes words for a person; an unexpected one never shows its traceback."""

from __future__ import annotations

import logging

import pytest

from desktop_crm.domain import errors as e
from desktop_crm.ui.errors import error_text, validation_text


@pytest.mark.parametrize(("error", "words"), [
    (e.WrongPassword("wrong user name or password"), "Wrong user name or password."),
    (e.AccountRevoked("revoked"), "This account was revoked: it no longer has access to this "
                                  "vault."),
    (e.AccountSuspended("suspended"), "This account is suspended. Ask an administrator to "
                                      "reactivate it."),
    (e.VaultNotFound("no vault"), "There is no vault in this folder."),
    (e.VaultLocked("locked"), "The vault is locked. Sign in again."),
    (e.SignInThrottled(3.2), "Too many failed sign-ins. You can try again in 4 s."),
    (e.PermissionDenied("customer.delete"), "Your role does not allow this."),
    (e.KeyringUnavailable("the system keyring is locked: unlock it and try again"),
     "The system keyring is locked: unlock it and try again"),
    (e.Conflict("this user already has access to the vault"),
     "This user already has access to the vault"),
])
def test_each_error_type_has_its_sentence(error, words):
    assert error_text(error) == words


def test_validation_messages_are_translated_by_pattern():
    assert validation_text(e.ValidationError("name", "is longer than 200 characters")) == (
        "Is longer than 200 characters")
    assert validation_text(e.ValidationError("username", "“bob” is already taken")) == (
        "“bob” is already taken")
    assert validation_text(e.ValidationError("x", "an unknown message")) == "An unknown message"


def test_an_unexpected_error_is_logged_not_shown(caplog):
    try:
        raise KeyError("internal detail")
    except KeyError as exc:
        error = exc
    with caplog.at_level(logging.ERROR):
        words = error_text(error)
    assert words.startswith("Something went wrong (KeyError).")
    assert "internal detail" not in words
    assert "Traceback" in caplog.text
