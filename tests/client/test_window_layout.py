"""Where the main window opens (app/window_layout.py): its first size from the screen, and a
saved size and place brought back onto the screen the user has now."""

from __future__ import annotations

from app.config import ClientSettings
from app.window_layout import FRAME, clamp, default_geometry, inside, read_columns, read_geometry

OFFICE = (0, 0, 1366, 728)  # 1366x768 less a 40 px taskbar
SCALED = (0, 0, 1093, 582)  # the same screen at 125%: 1093x614 logical, less the taskbar


def within(rect, area) -> bool:
    """`rect`, with the window's frame around it, lies on `area`."""
    x, y, w, h = rect
    left, top, right, bottom = FRAME
    return x - left >= area[0] and y - top >= area[1] and x + w + right <= area[0] + area[2] \
        and y + h + bottom <= area[1] + area[3]


def test_the_first_window_fits_the_screen_frame_and_all():
    assert default_geometry((0, 0, 1920, 1040))[2:] == (1280, 800)
    for area in (OFFICE, SCALED):
        geometry = default_geometry(area)
        assert within(geometry, area)
        width, height = inside(area)[2:]
        assert geometry[2:] == (min(1280, width), height)  # a small screen: all its height


def test_a_saved_place_is_brought_onto_the_screen_of_now():
    assert clamp((100, 50, 900, 600), OFFICE) == (100, 50, 900, 600)  # fits: unchanged
    for saved in ((2000, 900, 1500, 900), (-800, -300, 1200, 700), (3000, 10, 600, 400)):
        assert within(clamp(saved, OFFICE), OFFICE)
        assert within(clamp(saved, SCALED), SCALED)
    assert clamp((0, 0, 10, 10), OFFICE)[2:] == (480, 360)  # too small to be a choice


def test_a_damaged_layout_is_ignored():
    assert read_geometry({"geometry": [1, 2, "x", 4]}) is None
    assert read_geometry({"geometry": [1, 2, 3]}) is None
    assert read_geometry(None) is None
    assert read_columns({"columns": {"a": [100, 120], "b": "wide", "c": [0, -1]}}) == {"a": [100, 120]}


def test_layouts_are_kept_per_user_in_the_settings(tmp_path):
    from dataclasses import replace

    settings = replace(ClientSettings(), windows={"demo-buyer": {"geometry": [1, 2, 900, 600]}})
    settings.save(tmp_path)
    assert ClientSettings.load(tmp_path).windows == {"demo-buyer": {"geometry": [1, 2, 900, 600]}}
    (tmp_path / "settings.json").write_text('{"windows": "nonsense"}')
    assert ClientSettings.load(tmp_path).windows == {}
