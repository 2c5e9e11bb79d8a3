"""The yardstick for bench/: a minimal Textual app, a Static and a 1 s timer, drawn the cheap way
(a fixed-width Static updated with ``layout=False``), so c4ml-tui is compared with the best a
ticking Textual app can do, not with a wasteful one."""

from __future__ import annotations

import time

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    CSS = "#clock { width: 22; }"

    def compose(self) -> ComposeResult:
        yield Static(self.text(), id="clock")

    def on_mount(self) -> None:
        self.set_interval(1, self.tick)

    def text(self) -> str:
        return time.strftime("minimal ready %H:%M:%S")

    def tick(self) -> None:
        self.query_one(Static).update(self.text(), layout=False)


if __name__ == "__main__":
    Minimal().run()
