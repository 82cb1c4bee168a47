"""A streaming ``multipart/form-data`` body: form fields plus one file part read from disk.

requests sends a body that has ``read`` and ``__len__`` block by block with a Content-Length,
so a 1 GB upload costs a few kilobytes of memory. A response hook rewinds the body so that a
retry of the same request (429/503 through the shared HttpClient) sends it whole again. Used by
the udata (``file`` part, chunked or not) and CKAN (``upload`` part) publishers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, Callable, Optional

from .errors import PublishError

BLOCK_SIZE = 256 * 1024


def quote_param(value: str) -> str:
    """Quote a multipart header parameter (RFC 7578: quotes and line breaks escaped)."""
    for char, code in (("\\", "%5C"), ('"', "%22"), ("\r", "%0D"), ("\n", "%0A")):
        value = value.replace(char, code)
    return value


class MultipartFileBody:
    """Form fields plus one file part (a byte range of a file) read from disk as it is sent."""

    def __init__(
        self,
        fields: Mapping[str, Any],
        file_field: str,
        path: Path,
        filename: str,
        *,
        offset: int = 0,
        length: Optional[int] = None,
        content_type: str = "application/octet-stream",
        on_bytes: Optional[Callable[[int], None]] = None,
        cancel: Optional[Callable[[], bool]] = None,
    ) -> None:
        self.path = Path(path)
        size = self.path.stat().st_size
        self.offset = offset
        self.length = size - offset if length is None else length
        if offset < 0 or self.length < 0 or offset + self.length > size:
            raise ValueError("byte range outside the file")
        self.boundary = uuid.uuid4().hex
        heads = [
            f'--{self.boundary}\r\nContent-Disposition: form-data; name="{quote_param(k)}"'
            f"\r\n\r\n{v}\r\n"
            for k, v in fields.items()
        ]
        heads.append(
            f"--{self.boundary}\r\nContent-Disposition: form-data; "
            f'name="{quote_param(file_field)}"; filename="{quote_param(filename)}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        self._head = "".join(heads).encode("utf-8")
        self._tail = f"\r\n--{self.boundary}--\r\n".encode("ascii")
        self._on_bytes = on_bytes
        self._cancel = cancel
        self._handle: Optional[BinaryIO] = None
        self._position = 0

    @property
    def content_type(self) -> str:
        """The Content-Type header value announcing this body's boundary."""
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return len(self._head) + self.length + len(self._tail)

    def __iter__(self) -> Iterator[bytes]:
        block = self.read(BLOCK_SIZE)
        while block:
            yield block
            block = self.read(BLOCK_SIZE)

    def read(self, size: Optional[int] = -1) -> bytes:
        """Next bytes of the body: preamble, file range, closing boundary."""
        if size is None or size < 0:
            size = len(self)
        out = bytearray()
        while len(out) < size and self._position < len(self):
            out += self._read_some(size - len(out))
        return bytes(out)

    def _read_some(self, size: int) -> bytes:
        head, body_end = len(self._head), len(self._head) + self.length
        if self._position < head:
            data = self._head[self._position : self._position + size]
        elif self._position < body_end:
            data = self._read_file(min(size, body_end - self._position, BLOCK_SIZE), head)
        else:
            data = self._tail[self._position - body_end :][:size]
        self._position += len(data)
        return data

    def _read_file(self, size: int, head: int) -> bytes:
        """Read at the right offset; the user's Cancel is honoured between blocks."""
        if self._cancel is not None and self._cancel():
            raise PublishError("cancelled", {})
        if self._handle is None:
            self._handle = open(self.path, "rb")  # noqa: SIM115 - closed by close()/rewind()
        done = self._position - head
        self._handle.seek(self.offset + done)
        data = self._handle.read(size)
        if not data:
            raise PublishError("file_changed", {"path": self.path.name})
        if self._on_bytes is not None:
            self._on_bytes(done + len(data))
        return data

    def rewind(self) -> None:
        """Start again from the first byte (before a retry of the same request)."""
        self._position = 0
        self.close()

    def close(self) -> None:
        """Release the file handle."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def request_kwargs(self) -> dict[str, Any]:
        """``data``, ``headers`` and a rewinding response hook for ``HttpClient.request``."""

        def _rewind(response: Any, *args: Any, **kwargs: Any) -> Any:
            self.rewind()
            return response

        return {
            "data": self,
            "headers": {"Content-Type": self.content_type},
            "hooks": {"response": [_rewind]},
        }
