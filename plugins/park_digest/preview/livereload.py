"""Live reload for the preview: the script injected into pages, and the build-state broadcast.

Each served HTML page gets one ``<script>`` tag carrying the build generation it was served
from. The script listens to Server-Sent Events; when a newer build succeeds it saves the scroll
position and reloads the page, and when a build fails it shows the problems in an overlay.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

PREFIX = "/__park_digest/"
SCRIPT_PATH = PREFIX + "live.js"
EVENTS_PATH = PREFIX + "events"
STATUS_PATH = PREFIX + "status"

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)

LIVE_JS = r"""(function () {
  "use strict";
  var me = document.currentScript;
  var served = Number(me && me.dataset.generation || 0);
  var key = "park-digest-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var xy = JSON.parse(saved);
    var restore = function () { window.scrollTo(xy[0], xy[1]); };
    if (document.readyState === "complete") { restore(); }
    else { window.addEventListener("load", restore); }
  }
  function overlay(state) {
    var box = document.getElementById("park-digest-overlay");
    if (!state || !state.problems || state.problems.length === 0) {
      if (box) { box.remove(); }
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "park-digest-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;top:0;max-height:70vh;overflow:auto;" +
        "z-index:2147483647;background:#2b0b0b;color:#ffe9e9;font:14px/1.5 monospace;" +
        "padding:1em 1.5em;border-bottom:4px solid #e33;white-space:pre-wrap;";
      document.body.appendChild(box);
    }
    box.textContent = "构建出错 Build failed (" + state.problems.length + "):\n\n" +
      state.problems.map(function (p) { return "\u2022 " + p; }).join("\n") +
      "\n\nFix the file and save; this page reloads after the next good build.";
  }
  var source = new EventSource(__EVENTS__);
  source.addEventListener("build", function (event) {
    var state = JSON.parse(event.data);
    window.parkDigestBuild = state;
    if (state.problems.length > 0) { overlay(state); return; }
    if (state.generation > served) {
      sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY]));
      location.reload();
    } else {
      overlay(null);
    }
  });
})();
""".replace("__EVENTS__", json.dumps(EVENTS_PATH))


def inject(html: bytes, generation: int) -> bytes:
    """``html`` with the live-reload script tag added before its last ``</body>``."""
    tag = f'<script src="{SCRIPT_PATH}" data-generation="{generation}"></script>'.encode()
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + tag
    at = matches[-1].start()
    return html[:at] + tag + html[at:]


@dataclass
class BuildState:
    """The latest build, shared between the rebuild loop and every open event stream."""

    generation: int = 0
    problems: tuple[str, ...] = ()
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    full: bool = True
    building: bool = False
    _changed: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def as_json(self) -> str:
        with self._changed:
            return json.dumps(
                {
                    "generation": self.generation,
                    "problems": list(self.problems),
                    "seconds": round(self.seconds, 3),
                    "cpu_seconds": round(self.cpu_seconds, 3),
                    "full": self.full,
                    "building": self.building,
                },
                ensure_ascii=False,
            )

    def set_building(self, building: bool) -> None:
        with self._changed:
            self.building = building

    def publish(
        self, problems: tuple[str, ...], seconds: float, full: bool, cpu_seconds: float = 0.0
    ) -> int:
        """Record a finished build, wake every stream; return the new generation."""
        with self._changed:
            self.generation += 1
            self.problems = problems
            self.seconds = seconds
            self.cpu_seconds = cpu_seconds
            self.full = full
            self.building = False
            self._changed.notify_all()
            return self.generation

    def events(self, stopping: threading.Event, keepalive: float = 15.0) -> Iterator[str]:
        """Server-Sent Events text: the current state at once, then one event per build."""
        seen = -1
        while not stopping.is_set():
            with self._changed:
                if self.generation == seen:
                    self._changed.wait(timeout=min(keepalive, 1.0))
                    if self.generation == seen:
                        yield ""  # lets the caller notice a closed socket or a stopping server
                        continue
                seen = self.generation
            yield f"event: build\ndata: {self.as_json()}\n\n"
