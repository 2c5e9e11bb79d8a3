"""The stage view in a real browser: ``c4ml-tui stage --web`` serves it with textual-serve,
headless Chromium loads the page, and what the page's terminal draws shows the countdown in
block digits; a screenshot is taken of it. Skipped where Chromium is not installed (CI installs
the Debian package, see ``.ci/run``).

The browser is driven through its DevTools protocol (aiohttp, which textual-serve brings, speaks
the websocket): a script added before the page's own records what the app sends to the page's
terminal, and the test reads that back as a screen (``roomtools.emulate``)."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import socket
import subprocess
import sys
import time

import pytest
from roomtools import EXE, emulate, env_for, shows_blocks

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,800"]
RECORD = """
(() => {
  const Native = window.WebSocket;
  window.__c4ml = [];
  const keep = (data) => {
    if (data instanceof ArrayBuffer) window.__c4ml.push(new Uint8Array(data));
    else if (typeof data === "string") window.__c4ml.push(new TextEncoder().encode(data));
    else if (data instanceof Blob) data.arrayBuffer().then((b) => window.__c4ml.push(new Uint8Array(b)));
  };
  function Recorded(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener("message", (event) => keep(event.data));
    return ws;
  }
  Recorded.prototype = Native.prototype;
  Object.assign(Recorded, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Recorded;
})();
"""
RECORDED = """
(() => {
  const parts = window.__c4ml || [];
  let n = 0;
  for (const p of parts) n += p.length;
  const all = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  let text = "";
  for (let i = 0; i < all.length; i += 8192) text += String.fromCharCode.apply(null, all.subarray(i, i + 8192));
  return btoa(text);
})()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def stage_site(tmp_path):
    """``c4ml-tui stage --web`` at 09:15 on the bundled program, on a clock that all but stands
    still (the countdown reads 45:00 for the whole test), on 127.0.0.1."""
    port = free_port()
    server = subprocess.Popen([str(EXE), "stage", "--web", f"127.0.0.1:{port}", "--at", "2025-03-02T09:15",
                               "--speed", "0.001"], env=env_for(tmp_path / "home"),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert server.stdout is not None
    line = server.stdout.readline()
    assert f"at http://127.0.0.1:{port}" in line, line
    yield f"http://127.0.0.1:{port}/"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium with its DevTools port; the websocket URL of its page."""
    profile = tmp_path / "profile"
    profile.mkdir()
    process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            assert time.monotonic() < deadline and process.poll() is None, "Chromium did not start"
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        yield page_socket(port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def page_socket(port: int) -> str:
    import urllib.request

    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as answer:
                pages = [t for t in json.load(answer) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        assert time.monotonic() < deadline, "no page in Chromium"
        time.sleep(0.2)


class DevTools:
    """Calls over the page's DevTools websocket, one at a time."""

    def __init__(self, ws):
        self.ws = ws
        self.n = 0

    async def __call__(self, method: str, **params) -> dict:
        self.n += 1
        await self.ws.send_json({"id": self.n, "method": method, "params": params})
        while True:
            reply = await self.ws.receive_json(timeout=30)
            if reply.get("id") == self.n:
                assert "error" not in reply, reply
                return reply.get("result", {})


async def load_and_read(ws_url: str, site: str, shot) -> str:
    import aiohttp

    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url, max_msg_size=0) as ws:
        call = DevTools(ws)
        await call("Page.enable")
        await call("Page.addScriptToEvaluateOnNewDocument", source=RECORD)
        await call("Page.navigate", url=site)
        deadline = time.monotonic() + 60
        screen = ""
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            found = await call("Runtime.evaluate", expression=RECORDED, returnByValue=True)
            data = base64.b64decode(found["result"]["value"]).decode("utf-8", "replace")
            screen = emulate(data)
            if shows_blocks(screen, "45:00") and "TIME LEFT" in screen:
                started = await call("Runtime.evaluate", returnByValue=True,
                                     expression="document.body.classList.contains('-first-byte')")
                assert started["result"]["value"] is True  # the terminal is shown, not the start box
                await asyncio.sleep(1.0)  # the page fades the terminal in
                picture = await call("Page.captureScreenshot", format="png")
                shot.write_bytes(base64.b64decode(picture["data"]))
                return screen
        raise AssertionError(f"the countdown never showed in the browser; its terminal showed:\n{screen}")


def test_the_stage_view_shows_the_countdown_in_a_browser(stage_site, browser, tmp_path):
    shot = tmp_path / "stage.png"
    screen = asyncio.run(load_and_read(browser, stage_site, shot))
    assert "Session 1" in screen
    assert "running" not in screen  # no marks: on time
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == 1280 and height > 400  # the window, less what the browser keeps for itself
    if sys.platform == "linux":
        print(f"screenshot: {shot}")
