"""A quiet progress bar: no timer of its own, redrawn only when its fraction changes.

(Textual's ``ProgressBar`` runs a 1 s interval for its ETA, which a board open all day does
not need.) Done and to-do cells differ in shape as well as colour, so it reads under NO_COLOR.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class Meter(Widget):
    """``━━━━━━━━━━────────``: how much of a window has passed."""

    COMPONENT_CLASSES = {"meter--done", "meter--todo"}
    DEFAULT_CSS = """
    Meter {
        height: 1;
        width: 1fr;
        & > .meter--done { color: $accent; }
        & > .meter--todo { color: $foreground 30%; }
    }
    """

    fraction: reactive[float] = reactive(0.0)

    def validate_fraction(self, value: float) -> float:
        return min(1.0, max(0.0, value))

    def render(self) -> Content:
        width = self.size.width
        done = round(self.fraction * width)
        return Content.assemble(
            ("━" * done, self.get_visual_style("meter--done")),
            ("─" * (width - done), self.get_visual_style("meter--todo")),
        )
