"""textual-serve, guarded for a public helpdesk: what ``leerwijzer serve`` runs.

textual-serve alone accepts any number of sessions from any web page, lets one message ask for a
20000x20000 screen, keeps a wizard running long after its browser left, and its page fetches
Google Fonts. Here:

- at most ``max_sessions`` wizards run at once; one more gets a "busy" page (HTTP 503);
- a websocket whose ``Origin`` is not this server's own page is refused (HTTP 403);
- screen sizes are clamped to ``MAX_COLUMNS`` x ``MAX_ROWS``; messages are size-limited;
- when the socket ends, so does its wizard: asked to quit, then stopped, then killed;
- SIGTERM and SIGINT stop the server and every wizard it started;
- the page is our own: it loads only from this server (a Content-Security-Policy says so),
  in the session's language.
Imported only by ``serve`` (it needs the optional textual-serve).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from wizard.model import Lang

log = logging.getLogger("leerwijzer-serve")

MAX_COLUMNS = 300
MAX_ROWS = 120
MIN_COLUMNS, MIN_ROWS = 20, 8
MAX_MESSAGE_BYTES = 64 * 1024
"""A keystroke or a resize is a few bytes; a paste is the largest thing a person sends."""
QUIT_GRACE = 3.0
"""Seconds a wizard gets to quit by itself when its socket ends, then again after SIGTERM."""

TEXTS: dict[str, tuple[str, str]] = {
    "start": ("Begin", "Start"),
    "ended": ("De sessie is afgesloten.", "The session has ended."),
    "restart": ("Opnieuw beginnen", "Start again"),
    "busy": (
        "Leerwijzer is nu te druk: er zijn al {count} sessies open. Probeer het over een paar "
        "minuten opnieuw.",
        "Leerwijzer is busy right now: {count} sessions are already open. Try again in a few "
        "minutes.",
    ),
    "foreign": (
        "Deze verbinding komt niet van de pagina van Leerwijzer en wordt geweigerd.",
        "This connection does not come from Leerwijzer's own page and is refused.",
    ),
    "loading": ("Leerwijzer wordt gestart ...", "Leerwijzer is starting ..."),
}


def page_text(key: str, lang: Lang, **values: object) -> str:
    nl, en = TEXTS[key]
    return (en if lang == "en" else nl).format(**values)


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A screen size a wizard can draw without a huge buffer: numbers only, within bounds."""
    columns = to_int(str(width), 80) if not isinstance(width, int) else width
    rows = to_int(str(height), 24) if not isinstance(height, int) else height
    return (
        max(MIN_COLUMNS, min(MAX_COLUMNS, columns)),
        max(MIN_ROWS, min(MAX_ROWS, rows)),
    )


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class GuardedServer(Server):
    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        public_url: str | None,
        lang: Lang,
        max_sessions: int,
        title: str = "Leerwijzer",
    ) -> None:
        # exec: the shell becomes the wizard, so stopping the process stops the wizard itself.
        super().__init__(
            f"exec {command}", host=host, port=port, title=title, public_url=public_url
        )
        self.lang = lang
        self.max_sessions = max(1, max_sessions)
        self.sessions: set[AppService] = set()
        self.reserved = 0
        """Sessions accepted but not started yet: counted, so a burst cannot pass the cap."""
        self.origins = {origin_of(self.public_url)}

    # --- the page ------------------------------------------------------------------------------

    def security_headers(self) -> dict[str, str]:
        socket = origin_of(self.public_url).replace("http", "ws", 1)
        policy = (
            "default-src 'self'; "
            "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob:; font-src 'self'; connect-src 'self' {socket}; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        )
        return {
            "Content-Security-Policy": policy,
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        }

    def busy(self) -> bool:
        return len(self.sessions) + self.reserved >= self.max_sessions

    async def handle_index(self, request: web.Request) -> web.Response:
        if self.busy():
            body = page(
                self.lang, page_text("busy", self.lang, count=self.max_sessions), "", "", 16
            )
            return web.Response(
                status=503, text=body, content_type="text/html", headers=self.security_headers()
            )
        static = f"{self.public_url}{request.app.router['static'].url_for(filename='/')}"
        websocket = f"{self.public_url}{request.app.router['websocket'].url_for()}"
        websocket = websocket.replace("http", "ws", 1)
        font_size = max(8, min(48, to_int(request.query.get("fontsize", "16"), 16)))
        body = page(self.lang, "", static.rstrip("/") + "/", websocket, font_size)
        return web.Response(text=body, content_type="text/html", headers=self.security_headers())

    # --- the socket ----------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin", "").lower()
        if origin not in self.origins:
            log.warning("refused a websocket from origin %r", origin)
            raise web.HTTPForbidden(text=page_text("foreign", self.lang))
        if self.busy():
            raise web.HTTPServiceUnavailable(
                text=page_text("busy", self.lang, count=self.max_sessions)
            )
        self.reserved += 1
        service: AppService | None = None
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        try:
            await websocket.prepare(request)
            width, height = clamp_size(
                request.query.get("width", "80"), request.query.get("height", "24")
            )
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=lambda: close_quietly(websocket),
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.reserved -= 1
            self.sessions.add(service)
            await service.start(width, height)
            await self.relay_messages(websocket, service)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # noqa: BLE001 (one broken session must not stop the server)
            log.exception(error)
        finally:
            if service is None:
                self.reserved -= 1
            else:
                await end_session(service)
                self.sessions.discard(service)
            with contextlib.suppress(Exception):
                await websocket.close()
        return websocket

    async def relay_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """The browser's messages to the wizard, in place of textual-serve's own loop: only the
        kinds a terminal needs, sizes clamped, anything malformed ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind = envelope[0]
            except (ValueError, TypeError, IndexError, KeyError):
                continue  # not ours to answer: ignore it rather than end the session
            data: Any = envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(
                    *clamp_size(data.get("width"), data.get("height"))
                )
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:32]])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def on_startup(self, app: web.Application) -> None:
        # For the operator's terminal: where, how many at once, how to stop (not the wizard's
        # command line, which names files and options nobody needs to see).
        self.console.print(
            f"Leerwijzer serve: {self.public_url} (at most {self.max_sessions} sessions at once; "
            "Ctrl+C or SIGTERM stops it and every session)",
            highlight=False,
            markup=False,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        """SIGTERM, SIGINT or a stop: every wizard this server started ends with it."""
        await asyncio.gather(*(end_session(service) for service in list(self.sessions)))


async def close_quietly(websocket: web.WebSocketResponse) -> None:
    with contextlib.suppress(Exception):
        await websocket.close()


async def end_session(service: AppService) -> None:
    """Ask the wizard to quit; if it has not within the grace time, terminate, then kill it."""
    process = service._process  # noqa: SLF001 (textual-serve keeps it private; we must stop it)
    with contextlib.suppress(Exception):
        await asyncio.wait_for(service.stop(), QUIT_GRACE)
    if process is None or process.returncode is not None:
        return
    for stop in (process.terminate, process.kill):
        with contextlib.suppress(ProcessLookupError):
            stop()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(process.wait(), QUIT_GRACE)
            return


def page(lang: Lang, notice: str, static: str, websocket: str, font_size: int) -> str:
    """Our page: only this server's script and style, the terminal in the machine's own monospace
    font (nothing fetched for it), the texts in the session's language."""
    escape = html.escape
    terminal = (
        f'<div id="terminal" class="textual-terminal" data-session-websocket-url="{escape(websocket)}" '
        f'data-font-size="{font_size}"></div>'
        if websocket
        else ""
    )
    head = (
        f'<link rel="stylesheet" href="{escape(static)}css/xterm.css">'
        f'<script src="{escape(static)}js/textual.js"></script>'
        if static
        else ""
    )
    intro = escape(notice or page_text("loading", lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>Leerwijzer</title>
{head}
<style>
body {{ background: #0c181f; margin: 0; font-family: 'Roboto Mono', monospace; }}
.dialog {{ position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
  z-index: 10; }}
.box {{ max-width: 640px; padding: 32px; font-size: 18px; color: #fff; background: #12232d;
  text-align: center; }}
button {{ padding: 12px 24px; margin: 16px; font: inherit; background: #5e0ba7; color: #fff;
  border: none; cursor: pointer; }}
body.-first-byte .intro {{ display: none; }}
.closed, #start {{ display: none; }}
body.-closed .closed, #start.-delay {{ display: flex; }}
.textual-terminal {{ opacity: 0; }}
body.-first-byte .textual-terminal {{ opacity: 1; }}
</style>
<script>
function restart() {{ window.location.href = window.location.pathname; }}
</script>
</head>
<body>
<div class="dialog intro"><div class="box"><p>{intro}</p>
<button type="button" id="start" onclick="restart()">{escape(page_text("start", lang))}</button></div></div>
<div class="dialog closed"><div class="box"><p>{escape(page_text("ended", lang))}</p>
<button type="button" onclick="restart()">{escape(page_text("restart", lang))}</button></div></div>
{terminal}
</body>
</html>
"""
