"""The kiosk's screens: one class each, built in code, retranslated live."""
