"""A validated copy of the content, so the TUI paints its first question without parsing YAML.

The copy is JSON: the content models as pydantic dumps them, keyed by a hash of every content file
and of the modules that define those models. JSON carries data, never code (the pickle this
replaces ran whatever a planted file held). On reading, the copy is validated again by the same
models and linked by the same loader as the YAML, so a damaged or doctored copy can at worst be
refused, and then the YAML is read. The folder must be the user's own and writable by nobody else,
and the copy a regular file of the user's; otherwise the cache is not used (it only costs speed).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from wizard.content import Content
from wizard.loading import ContentModels, link_models, load_content_models

CACHE_DIR_VARIABLE = "LEERWIJZER_CACHE_DIR"
FORMAT = 1
MAX_BYTES = 20_000_000
"""Far above any real copy (the bundled one is about 0.3 MB); a larger file is not read."""
_TYPE_MODULES = ("model.py", "content.py", "conditions.py", "loading.py", "content_cache.py")
"""The modules that shape the copy: a change there must not meet an old copy."""


def default_cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("leerwijzer"))


def content_key(root: Path) -> str:
    """A hash of the content files' names and bytes, the models' source and Python's version."""
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
    key = content_key(root)
    path = folder / f"content-{key}.json"
    cached = _read(folder, path, root, key)
    if cached is not None:
        return cached
    content, models = load_content_models(root)
    _write(folder, path, key, models)
    return content


def safe_folder(folder: Path) -> bool:
    """The user's own folder (not a link), which no one else can write to."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _read(folder: Path, path: Path, root: Path, key: str) -> Content | None:
    if not safe_folder(folder):
        return None
    try:
        data = _read_own_file(path)
        if data is None:
            return None
        document = json.loads(data)
        if document.get("format") != FORMAT or document.get("key") != key:
            return None
        return link_models(root, _models_from_json(document))
    except Exception:  # noqa: BLE001 (missing, truncated, doctored, from another version: rebuild)
        return None


def _read_own_file(path: Path) -> bytes | None:
    """The file's bytes, if it is a regular file of the user's, not a link, and not too large."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        return file.read(MAX_BYTES + 1)


def _models_from_json(document: dict[str, Any]) -> ContentModels:
    from wizard.model import FactsFile, GraphFile, Incentive

    return ContentModels(
        facts=FactsFile.model_validate(document["facts"]),
        graph=GraphFile.model_validate(document["graph"]),
        incentives=tuple(
            (Path(relative), Incentive.model_validate(dump))
            for relative, dump in document["incentives"]
        ),
    )


def _models_to_json(key: str, models: ContentModels) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "key": key,
            "facts": models.facts.model_dump(mode="json"),
            "graph": models.graph.model_dump(mode="json"),
            "incentives": [
                [relative.as_posix(), incentive.model_dump(mode="json")]
                for relative, incentive in models.incentives
            ],
        },
        ensure_ascii=False,
    )


def _write(folder: Path, path: Path, key: str, models: ContentModels) -> None:
    """Best effort, atomically: a read-only home or a full disk only costs speed."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not safe_folder(folder):
            return  # someone else's or shared: write nothing another user could swap
        for old in [*folder.glob("content-*.json"), *folder.glob("content-*.pickle")]:
            old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")  # mode 0600
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(_models_to_json(key, models))
        os.replace(temporary, path)
    except (OSError, ValueError):
        return
