"""The Textual app: ``app`` (wiring), ``state`` (the one owner of the loaded program), ``desk``
(the chair's keys), ``follower`` (a URL followed live), ``palette``, ``screens/`` (one per
module) and ``widgets/`` (each with its own DEFAULT_CSS); styles in ``app.tcss``."""
