"""Generate a song with Suno, then extend it.

Run: APIFRAME_API_KEY=... python examples/music.py
"""

from __future__ import annotations

from apiframe import Apiframe


def main() -> None:
    with Apiframe() as client:
        song = client.music.generate(model="suno", prompt="an upbeat lofi track about rain").wait()
        print("song:", song.result)
        longer = client.music.suno_action(action="extend", parent_job_id=song.id).wait()
        print("extended:", longer.result)


if __name__ == "__main__":
    main()
