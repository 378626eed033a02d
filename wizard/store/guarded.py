"""Saving from a front end without ever falling over: every store error becomes a message.

The session stays in memory whatever happens; a save refused because another desk saved the
same code meanwhile keeps this version under a new code, and both codes are said.
"""

from __future__ import annotations

from collections.abc import Callable

from wizard.model import Lang
from wizard.sessions import Session
from wizard.store.base import SessionStore
from wizard.store.errors import StaleSession, StoreError


def save_or_say(
    open_store: Callable[[], SessionStore | None],
    session: Session,
    notes: str,
    code: str | None,
    *,
    rules_version: str,
    lang: Lang,
) -> tuple[str | None, str | None]:
    """(the code now saved under, a message for the person or None when all went well).

    ``open_store`` may raise StoreError too (a folder that is a file, a damaged database): then
    the code is unchanged and the message says why; the next save tries again.
    """
    store: SessionStore | None = None
    try:
        store = open_store()
        if store is None:
            return code, None
        return store.save(session, notes, code, rules_version=rules_version), None
    except StaleSession as stale:
        assert store is not None  # raised by save, so the store was open
        try:
            kept = store.save_as_new(session, notes, stale, rules_version=rules_version)
        except StoreError as error:
            return code, f"{stale.message(lang)} {error.message(lang)}"
        return kept.kept_as, kept.message(lang)
    except StoreError as error:
        return code, error.message(lang)
