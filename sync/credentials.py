"""Device tokens kept in the system keyring, never in a file of ours.

keyring falls back to plaintext backends on machines without a secret service (the
keyrings.alt package stores secrets in the clear): those are refused.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend

SERVICE = "mmc-mms"
PLAINTEXT_BACKENDS = ("PlaintextKeyring", "EncryptedKeyring", "null.Keyring", "fail.Keyring")


class InsecureKeyring(RuntimeError):
    pass


def _backend() -> KeyringBackend:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if any(name.endswith(bad) for bad in PLAINTEXT_BACKENDS):
        raise InsecureKeyring(
            f"The keyring backend {name} cannot keep a device token safely; "
            "install and unlock a secret service (or Windows Credential Manager / macOS Keychain)."
        )
    return backend


def save_token(device_id: str, token: str) -> None:
    _backend().set_password(SERVICE, device_id, token)


def load_token(device_id: str) -> str | None:
    return _backend().get_password(SERVICE, device_id)


class MemoryKeyring(KeyringBackend):
    """Secrets in memory only, for devices that live for one run (the demo, tests, benches)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)
