"""Where the main window goes on the screen: its first size from the screen it opens on, and
the size, place and column widths a user left it at, brought back onto the screen they have
now (a laptop undocked from its second monitor, a projector gone, a lower resolution).

Geometry is (x, y, width, height) in the screen's logical pixels (what Qt calls device-
independent pixels: a 1366x768 screen at 125% scaling is about 1093x614 of them). The
layouts are kept per user in the settings (app/config.py `ClientSettings.windows`). Qt-free:
app/ui/main_window.py reads the screens and applies the answer.
"""

from __future__ import annotations

from typing import Any

Rect = tuple[int, int, int, int]  # x, y, width, height

# What a window wants on a large screen; on a smaller one it takes the screen's available area.
PREFERRED_SIZE = (1280, 800)
# Room for the window's frame, which the window system adds outside the geometry Qt sets:
# the title bar above (about 31 px on Windows at 100%) and the borders (left, top, right, bottom).
FRAME = (8, 32, 8, 8)
# The smallest window worth restoring: a size saved below this is a mistake, not a choice.
SMALLEST = (480, 360)


def inside(available: Rect) -> Rect:
    """The area a window's contents may take on a screen, once its frame is allowed for."""
    x, y, width, height = available
    left, top, right, bottom = FRAME
    return x + left, y + top, max(0, width - left - right), max(0, height - top - bottom)


def default_geometry(available: Rect) -> Rect:
    """The first size and place: the preferred size where it fits, else the whole available
    area (frame included), centred."""
    x, y, width, height = inside(available)
    w, h = min(PREFERRED_SIZE[0], width), min(PREFERRED_SIZE[1], height)
    return x + (width - w) // 2, y + (height - h) // 2, w, h


def clamp(saved: Rect, available: Rect) -> Rect:
    """`saved` made to fit the screen now: no larger than its area, and moved onto it (title
    bar included, so the window can always be dragged)."""
    x, y, width, height = inside(available)
    w = max(min(saved[2], width), min(SMALLEST[0], width))
    h = max(min(saved[3], height), min(SMALLEST[1], height))
    left = min(max(saved[0], x), x + width - w)
    top = min(max(saved[1], y), y + height - h)
    return left, top, w, h


def centre(rect: Rect) -> tuple[int, int]:
    return rect[0] + rect[2] // 2, rect[1] + rect[3] // 2


def read_geometry(layout: dict[str, Any] | None) -> Rect | None:
    """The saved geometry of a layout, if it is four whole numbers (a hand-edited or damaged
    settings file falls back to the default)."""
    value = (layout or {}).get("geometry")
    if isinstance(value, list) and len(value) == 4 and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return value[0], value[1], value[2], value[3]
    return None


def read_columns(layout: dict[str, Any] | None) -> dict[str, list[int]]:
    """{table name: column widths} of a layout, leaving out anything that is not that."""
    value = (layout or {}).get("columns")
    if not isinstance(value, dict):
        return {}
    return {name: widths for name, widths in value.items()
            if isinstance(widths, list) and all(isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in widths)}


def make_layout(geometry: Rect, maximized: bool, columns: dict[str, list[int]]) -> dict[str, Any]:
    return {"geometry": list(geometry), "maximized": bool(maximized), "columns": columns}
