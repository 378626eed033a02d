"""A validated copy of the content, so the TUI paints its first question without parsing YAML.

The copy is a pickle in the user's cache directory, keyed by a hash of every content file and of
the modules that define the pickled types: any change to either makes a new key, and a copy that
cannot be read is ignored and rebuilt. Only Leerwijzer writes these files, in the user's own
cache directory, so reading them trusts nothing the user could not already change.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from wizard.content import Content
from wizard.loading import load_content

CACHE_DIR_VARIABLE = "LEERWIJZER_CACHE_DIR"
_TYPE_MODULES = ("model.py", "content.py", "conditions.py", "content_cache.py")
"""The modules whose classes are pickled: a change there must not meet an old copy."""


def default_cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("leerwijzer"))


def content_key(root: Path) -> str:
    """A hash of the content files' names and bytes, the pickled types' source and Python's version."""
    digest = hashlib.sha256(sys.version.encode())
    here = Path(__file__).resolve().parent
    files = [here / name for name in _TYPE_MODULES]
    files += sorted((root / "questions").glob("*.yaml")) + sorted(
        (root / "incentives").glob("*.yaml")
    )
    for path in files:
        digest.update(path.name.encode())
        with contextlib.suppress(OSError):  # a missing file: load_content reports it
            digest.update(path.read_bytes())
    digest.update(str(root.resolve()).encode())
    return digest.hexdigest()[:20]


def load_content_cached(root: Path, cache_dir: Path | None = None) -> Content:
    """The content of ``root``, from the cache when it is current; ContentError as load_content."""
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    path = folder / f"content-{content_key(root)}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached
    content = load_content(root)
    _write(folder, path, content)
    return content


def _read(path: Path) -> Content | None:
    try:
        with path.open("rb") as file:
            loaded = pickle.load(file)
    except Exception:  # noqa: BLE001 (missing, truncated, from another version: rebuild)
        return None
    return loaded if isinstance(loaded, Content) else None


def _write(folder: Path, path: Path, content: Content) -> None:
    """Best effort, atomically: a read-only home or a full disk only costs speed."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in folder.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            pickle.dump(content, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return
