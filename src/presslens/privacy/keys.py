"""The secret key of the pseudonyms: one per user, never a public default.

A pseudonym is a keyed hash of a name (HMAC-SHA-256).  Anyone who knows the key can
recompute the pseudonym of a guessed name, so the key must be secret.  On first use
presslens creates a random key for the user in their configuration folder
(``$XDG_CONFIG_HOME/presslens/key``, else ``~/.config/presslens/key``; mode 0600, outside
any report or corpus folder) and reuses it, so the same user's reruns give the same
pseudonyms and two users' do not.  ``PRESSLENS_KEY`` in the environment, or an
explicit key, takes precedence.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_ENVIRONMENT_VARIABLE = "PRESSLENS_KEY"


class KeyFileError(RuntimeError):
    """The key file is empty, or missing when it may not be created (``create=False``).

    Example
    -------
    >>> import tempfile
    >>> saved = {name: os.environ.pop(name, None) for name in ("XDG_CONFIG_HOME", KEY_ENVIRONMENT_VARIABLE)}
    >>> os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # a user with no key yet
    >>> try:
    ...     resolve_key(create=False)
    ... except KeyFileError as error:
    ...     print(str(error).split(": ", 1)[1].split(".")[0])
    no presslens key yet
    >>> del os.environ["XDG_CONFIG_HOME"]
    >>> os.environ.update({name: value for name, value in saved.items() if value is not None})
    """


def key_path() -> Path:
    """Where the user's key lives: ``$XDG_CONFIG_HOME/presslens/key`` or
    ``~/.config/presslens/key``.

    Example
    -------
    >>> key_path().name
    'key'
    """
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "presslens" / "key"


def _create(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_hex(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    return key


def resolve_key(key: str | None = None, *, create: bool = True) -> tuple[str, str]:
    """The key to use and where it came from: ``"argument"`` (an explicit key wins),
    ``"environment"`` (``PRESSLENS_KEY``) or ``"file"`` (the user's key file, created
    with a random secret on first use).

    Example
    -------
    >>> resolve_key("my secret")
    ('my secret', 'argument')
    """
    if key:
        return str(key), "argument"
    value = os.environ.get(KEY_ENVIRONMENT_VARIABLE, "").strip()
    if value:
        return value, "environment"
    path = key_path()
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if not value:
            raise KeyFileError(f"{path}: the presslens key file is empty. Fix: delete it to get a new random key (pseudonyms will change), "
                            f"or write your previous key into it.")
        return value, "file"
    if not create:
        raise KeyFileError(f"{path}: no presslens key yet. Fix: run once with create=True, set {KEY_ENVIRONMENT_VARIABLE}, or pass a key.")
    return _create(path), "file"


def default_key() -> str:
    """The user's key: ``PRESSLENS_KEY`` if set, else the key file (created with a random
    secret on first use).  Use it wherever a key is not given.

    Example
    -------
    >>> import os
    >>> os.environ["PRESSLENS_KEY"] = "from the environment"
    >>> default_key()
    'from the environment'
    >>> del os.environ["PRESSLENS_KEY"]
    """
    return resolve_key(None)[0]


def key_fingerprint(key: str) -> str:
    """A short fingerprint of a key (8 hex digits), to check two runs used the same key
    without revealing it.

    Example
    -------
    >>> key_fingerprint("my secret") == key_fingerprint("my secret") != key_fingerprint("another")
    True
    >>> len(key_fingerprint("my secret"))
    8
    """
    return hmac.new(key.encode("utf-8"), b"presslens key fingerprint", hashlib.sha256).hexdigest()[:8]


def _shown_path(path: Path) -> str:
    """The key file's path as shown to readers: under ``~`` or ``$XDG_CONFIG_HOME``,
    never an absolute path of the user's machine."""
    if os.environ.get("XDG_CONFIG_HOME"):
        return "$XDG_CONFIG_HOME/presslens/key"
    return "~/.config/presslens/key"


def pseudonymisation_note(key: str | None = None, *, replaced: int | None = None) -> str:
    """The sentence a report prints on how it was pseudonymised and how to reproduce it.

    Parameters
    ----------
    key : str, optional
        The key given explicitly (``--key``); without it the environment variable or the
        key file is used, as :func:`resolve_key` says.
    replaced : int, optional
        How many private individuals were replaced.

    Example
    -------
    >>> print(pseudonymisation_note("my secret", replaced=3))  # doctest: +NORMALIZE_WHITESPACE
    The names of 3 private individuals (people charged or targeted, their relatives,
    members of the public) were replaced by pseudonyms made with a keyed hash (HMAC-SHA-256)
    under a secret key given with --key (fingerprint aaac1266); public figures, places and
    organisations are kept as written. To reproduce these pseudonyms, run again with the
    same key; without it nobody can recompute a pseudonym from a name.
    """
    value, source = resolve_key(key)
    who = (f"The names of {replaced:,} private individual{'s' if replaced != 1 else ''}" if replaced is not None
           else "The names of private individuals")
    where = {"argument": "given with --key", "environment": f"taken from the {KEY_ENVIRONMENT_VARIABLE} environment variable",
             "file": f"kept in {_shown_path(key_path())}"}[source]
    how = {"argument": "run again with the same key",
           "environment": f"run again with the same {KEY_ENVIRONMENT_VARIABLE}",
           "file": f"run again as the same user, or copy {_shown_path(key_path())} (or pass its content with --key or "
                   f"{KEY_ENVIRONMENT_VARIABLE})"}[source]
    return (f"{who} (people charged or targeted, their relatives, members of the public) were replaced by pseudonyms made with a "
            f"keyed hash (HMAC-SHA-256) under a secret key {where} (fingerprint {key_fingerprint(value)}); public figures, places and "
            f"organisations are kept as written. To reproduce these pseudonyms, {how}; without it nobody can recompute a pseudonym "
            f"from a name.")
