"""Small made-up news articles for the tests: two outlets reporting the same flood."""

from __future__ import annotations

from pathlib import Path

FLOOD_A = """\
Heavy rain flooded the lower town of Riverton on Monday, forcing about 400 residents to leave their homes.
The river rose more than two metres overnight, the regional water authority said in a statement.
Mayor Anna Berg said emergency shelters had been opened in two schools and the sports hall.
"We have never seen the water come up this fast," she told reporters at the town hall.
"""

FLOOD_B = """\
About 400 residents of Riverton had to leave their homes on Monday after heavy rain flooded the lower town.
The river rose more than two metres overnight, the regional water authority said in a statement.
The national weather service warned that more rain was expected on Tuesday and Wednesday.
Farmers in the valley said their fields were under water for the second time this year.
"""


def write_story(folder: Path, **extra: str | bytes) -> Path:
    """A story folder with the two flood articles, plus any ``name=content`` files given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(FLOOD_A, encoding="utf-8")
    (folder / "b.txt").write_text(FLOOD_B, encoding="utf-8")
    for name, content in extra.items():
        path = folder / name.replace("__", ".")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder
