"""The central server: FastAPI on uvicorn over SQLite (default) or PostgreSQL. It enrolls
devices, accepts their ops through the same core functions the devices use, and serves
the accepted log to every device in one order."""
