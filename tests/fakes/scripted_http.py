"""A FAKE transport for ``requests``: a session whose adapter answers from a script.

Used where a real server cannot produce the case on demand (429 with Retry-After, a 502, a TLS
failure, a dropped connection). The publisher code under test runs unchanged: only the socket
layer is replaced, through requests' documented adapter interface.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional, Union

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

Answer = Union["Reply", Exception, Callable[[requests.PreparedRequest], "Reply"]]


@dataclass
class Reply:
    """One scripted HTTP answer."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class ScriptedAdapter(BaseAdapter):
    """Pops one answer per request (an exception is raised as the transport error)."""

    def __init__(self, answers: list[Answer]) -> None:
        super().__init__()
        self.answers = list(answers)
        self.sent: list[requests.PreparedRequest] = []

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Optional[object] = None,
        verify: object = True,
        cert: object = None,
        proxies: object = None,
    ) -> requests.Response:
        """Record the request and return (or raise) the next scripted answer."""
        self.sent.append(request)
        if not self.answers:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        if callable(answer) and not isinstance(answer, Reply):
            answer = answer(request)
        response = requests.Response()
        response.status_code = answer.status
        response._content = answer.body
        response.headers = CaseInsensitiveDict(answer.headers)
        response.url = request.url or ""
        response.request = request
        response.reason = "scripted"
        return response

    def close(self) -> None:
        """Nothing to release."""


def scripted_session(
    answers: list[Answer],
    auth: Optional[tuple[str, str]] = None,
    headers: Optional[dict[str, str]] = None,
) -> tuple[requests.Session, ScriptedAdapter]:
    """A session (with optional Basic auth / headers) whose HTTP(S) goes to the script."""
    session = requests.Session()
    adapter = ScriptedAdapter(answers)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    if auth:
        session.auth = auth
    if headers:
        session.headers.update(headers)
    return session, adapter
