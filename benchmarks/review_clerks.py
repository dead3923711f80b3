"""The clerks of benchmarks/review_load.py: one asyncio session per reviewer or approver.

Each clerk logs in and works as a clerk does (queue, document, review copy, decision;
approvals and returns for approvers), tallying every request's latency and outcome in a
``Tally`` that the benchmark reports and checks against the database afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import httpx

PASSWORD = "load-test-password"
ATTRIBUTES = ("主动公开", "部分公开", "依申请公开", "不予公开")
KEEP_ALIVE = 4.0  # seconds; uvicorn closes idle connections after 5
HOT = 3  # "the first documents of the queue" that sessions race for
STEPS = ("decide", "approve", "return")  # the audit actions that change a document's state


# --- the clerks ---------------------------------------------------------------------------


@dataclass
class Tally:
    """Every request: its kind, latency and outcome (ok, conflict, taken, error)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    saved: dict[str, set[tuple[int, str]]] = field(default_factory=lambda: defaultdict(set))

    def error(self, message: str) -> None:
        self.outcomes["error", message.split(":")[0]] += 1
        self.errors.append(message)


class Refusal(Exception):
    """The step got an answer it should not have: an error, already tallied."""


def form_fields(page: str, action: str) -> dict[str, str] | None:
    """The hidden inputs of the form posting to ``action``, or None without that form."""
    found = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', page, re.S)
    if found is None:
        return None
    pattern = r'<input type="hidden" name="([\w-]+)"(?: id="[\w-]+")? value="([^"]*)"'
    # values as a browser sends them: a returned document's form holds its JSON escaped
    return {name: html.unescape(value) for name, value in re.findall(pattern, found[1])}


class Clerk:
    def __init__(
        self, number: int, name: str, role: str, base: str, args: argparse.Namespace, tally: Tally
    ):
        self.number, self.name, self.role = number, name, role
        self.args, self.tally = args, tally
        self.rng = random.Random(number)
        self.sent = 0
        # Idle connections are dropped before uvicorn's 5 s keep-alive ends them, as a
        # browser retries a request a server closed under it; httpx would not.
        limits = httpx.Limits(keepalive_expiry=KEEP_ALIVE)
        self.client = httpx.AsyncClient(base_url=base, timeout=args.timeout, limits=limits)

    async def call(
        self, kind: str, method: str, path: str, expect: int, **kw: Any
    ) -> httpx.Response:
        """One request, timed; anything but ``expect`` (or a 409 conflict where the
        caller allows it) is an error."""
        start = time.perf_counter()
        try:
            response = await self.client.request(method, path, **kw)
        except httpx.HTTPError as exc:
            self.tally.latencies[kind].append(time.perf_counter() - start)
            self.tally.error(f"{type(exc).__name__}: {method} {path} ({exc})")
            raise Refusal from exc
        self.tally.latencies[kind].append(time.perf_counter() - start)
        if response.status_code == expect:
            self.tally.outcomes[kind, "ok"] += 1
            return response
        if response.status_code == 409 and kind in STEPS and "他人修改" in response.text:
            self.tally.outcomes[kind, "conflict"] += 1
            return response
        alert = re.search(r'id="error">([^<]*)<', response.text)  # the page's own message
        page = alert[1] if alert else re.sub(r"<[^>]+>", " ", response.text)
        snippet = re.sub(r"\s+", " ", page)[:160]
        self.tally.error(f"HTTP {response.status_code}: {method} {path} (want {expect}) {snippet}")
        raise Refusal

    async def think(self) -> None:
        if self.args.think > 0:
            await asyncio.sleep(self.rng.uniform(0, 2 * self.args.think))

    def comment(self) -> str:
        self.sent += 1
        return f"负载测试 {self.name} 第 {self.sent} 次"

    async def login(self) -> None:
        page = await self.call("login page", "GET", "/login", 200)
        csrf = form_fields(page.text, "/login") or {}
        form = {
            "name": self.name,
            "password": PASSWORD,
            "csrf": csrf.get("csrf", ""),
            "next": "/queue",
        }
        response = await self.call("login", "POST", "/login", 303, data=form)
        if "triage_session" not in self.client.cookies:
            self.tally.error(f"login: no session cookie for {self.name} ({response.headers})")
            raise Refusal

    async def queue(self, state: str) -> list[int]:
        params: dict[str, str] = {"state": state}
        roll = self.rng.random()
        if roll < 0.15:
            params["attribute"] = self.rng.choice(ATTRIBUTES)
        elif roll < 0.25:
            params["max_confidence"] = "0.8"
        elif roll < 0.30:
            params["words"] = "通知"
        elif roll < 0.40:
            params["page"] = "2"
        kind = "queue" if len(params) == 1 else "queue (filtered)"
        page = await self.call(kind, "GET", "/queue", 200, params=params)
        ids = []
        for row in page.text.split("<tr")[1:]:
            found = re.search(r'href="/documents/(\d+)"', row)
            # An approver passes over 密级 documents: they wait for an admin's override.
            if found and not (self.role == "approver" and row.startswith(' class="secret')):
                ids.append(int(found[1]))
        return ids

    def pick(self, ids: list[int]) -> int:
        return self.rng.choice(ids[:HOT] if self.rng.random() < 0.5 else ids)

    async def open(self, doc_id: int) -> str:
        return (await self.call("document", "GET", f"/documents/{doc_id}", 200)).text

    async def download(self, doc_id: int) -> None:
        if self.rng.random() < 0.1:
            await self.call("review copy", "GET", f"/documents/{doc_id}/review-copy", 200)

    async def follow(self, response: httpx.Response, notice: str) -> None:
        location = response.headers.get("location", "")
        # after a decision the app opens the next document of the queue (?notice=next)
        wanted = (
            (f"?notice={notice}", "?notice=next") if notice == "decided" else (f"?notice={notice}",)
        )
        if not location.endswith(wanted):
            self.tally.error(f"redirect: {location!r} after {response.request.url}")
            raise Refusal
        await self.call("document", "GET", location, 200)

    async def choose(self, *states: str) -> tuple[int, str] | None:
        """A document of the queue (of the first state that has any) and its page."""
        for state in states:
            if ids := await self.queue(state):
                doc_id = self.pick(ids)
                return doc_id, await self.open(doc_id)
        self.tally.outcomes[f"queue {'/'.join(states)}", "empty"] += 1
        return None

    async def submit(self, action: str, doc_id: int, form: dict[str, str], notice: str) -> None:
        """Read (maybe download), think, post; a save is remembered for the checks."""
        await self.download(doc_id)
        await self.think()
        response = await self.call(action, "POST", f"/documents/{doc_id}/{action}", 303, data=form)
        if response.status_code == 303:
            self.tally.saved[action].add(
                (doc_id, form["reason" if action == "return" else "comment"])
            )
            await self.follow(response, notice)

    async def review(self) -> None:
        chosen = await self.choose("suggested", "returned")
        if chosen is None:
            return
        doc_id, page = chosen
        fields = form_fields(page, f"/documents/{doc_id}/decide")
        if fields is None:  # someone decided it between the queue and the page
            self.tally.outcomes["decide", "taken"] += 1
            return
        suggested = re.search(r'id="suggested-attribute">([^<]+)<', page)
        attribute = suggested[1] if suggested and self.rng.random() < 0.8 else None
        form = {**fields, "attribute": attribute or self.rng.choice(ATTRIBUTES)}
        form["comment"] = self.comment()
        for finding in sorted(set(re.findall(r'name="verdict-(\d+)"', page))):
            form[f"verdict-{finding}"] = "reject" if self.rng.random() < 0.2 else "accept"
        if self.rng.random() < 0.3:
            at = self.rng.randrange(0, 40)
            label = self.rng.choice(re.findall(r'<option value="([A-Z_]+)">', page) or ["PERSON"])
            form["added"] = json.dumps([{"start": at, "end": at + 3, "label": label}])
        await self.submit("decide", doc_id, form, "decided")

    async def approve(self) -> None:
        chosen = await self.choose("reviewed")
        if chosen is None:
            return
        doc_id, page = chosen
        returning = self.rng.random() < 0.2
        action = "return" if returning else "approve"
        fields = form_fields(page, f"/documents/{doc_id}/{action}")
        if fields is None:  # someone else approved or returned it meanwhile
            self.tally.outcomes[action, "taken"] += 1
        elif "本件标有密级" in page and not returning:  # waits for an admin's 保密 override
            self.tally.outcomes[action, "skipped (密级)"] += 1
        else:
            form = {**fields, ("reason" if returning else "comment"): self.comment()}
            await self.submit(action, doc_id, form, "returned" if returning else "approved")

    async def run(self, until: float) -> None:
        await asyncio.sleep(self.number * self.args.ramp / self.args.sessions)
        async with self.client:
            try:
                await self.login()
            except Refusal:
                return
            while time.monotonic() < until:
                try:
                    await (self.approve() if self.role == "approver" else self.review())
                except Refusal:
                    await asyncio.sleep(0.5)  # a clerk who got an error page starts over
                await self.think()


async def drive(
    base: str, users: list[tuple[str, str]], args: argparse.Namespace, tally: Tally
) -> float:
    start = time.monotonic()
    clerks = [Clerk(i, name, role, base, args, tally) for i, (name, role) in enumerate(users)]
    await asyncio.gather(*(c.run(start + args.seconds) for c in clerks))
    return time.monotonic() - start
