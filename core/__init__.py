"""Domain and local store of MMC-MMS: models, the op log, services, backups.

Knows nothing of Qt or the network. Every app and the central server use it; state changes
only by applying an op (`core.ops`), through the services in `core.services`.
"""
