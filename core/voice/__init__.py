"""The hall's voice without a speech engine: a call is composed from short recorded clips
(a voice pack) by a grammar, and rendered into one buffer the display plays.

- `words`: the one table of every clip and the words it says (what a committee records);
- `compose`: the grammar, from a call to clip ids (Arabic numbers with their agreement);
- `pack`: a pack on disk (its manifest), where the shipped one lives, and the checker;
- `render`: clips joined into one continuous 16-bit buffer, the chime first;
- `backlog`: which waiting call is said next and how much of it, when calls come faster
  than they are said (the display's announcer and the bench follow it);
- `clips`: clips said as listed, without the grammar (the kiosk's spoken prompts);
- `espeak`: the default pack, generated with espeak-ng at build time;
- `pcm`: reading, converting and writing 16-bit PCM.

No Qt here: the display and the kiosk play what `render` returns.
"""
