"""Messages to patients about their place: "you are in the queue", "3 ahead of you",
"your turn", "route complete", by SMS, webhook or any notifier a package adds.

- `plugin`: what a notifier is (`Notifier`, `NotificationEvent`, the typed failures) and
  how the server finds them (the `mmc.notifiers` entry-point group).
- `config`: the server's notification configuration (a TOML file, `MMC_NOTIFY_CONFIG`).
- `events`: what the accepted ops mean for the patients who gave a mobile number.
- `queue`: the durable queue in the server's database, and forgetting the numbers.
- `service`: the background threads that fill the queue from the op log and deliver it.
- `webhook`, `sms`, `templates`: the notifiers shipped with the server.

Sync never waits for any of it: pushes and pulls only write and read the op log; the
notifications follow that log after each commit, in threads of their own.
"""
