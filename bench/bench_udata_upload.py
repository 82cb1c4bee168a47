"""Upload a large file to the local udata: client memory growth (target < 50 MB) and throughput
compared with curl doing the same requests.

    .venv/bin/python bench/bench_udata_upload.py [SIZE_MB] (default 1024 = 1 GB)

Starts the sandbox udata (real application, mongomock; its venv is installed if missing) on
127.0.0.1 in a temporary folder and uploads a sparse file of SIZE_MB into a private dataset
four times:

1. GeoPublier, udata's chunked protocol (what it does above 16 MB): parts of 8 MB, then the
   assembling request; one keep-alive session, each part streamed from disk in 256 KB blocks;
2. curl, the same chunked protocol: the same parts and form fields, one ``curl -F`` per part
   (a process and a connection each), then the same assembling request;
3. GeoPublier, the whole file in one multipart request streamed from disk;
4. curl, the whole file in one multipart request (``curl -F file=@…``).

This process's resident memory is sampled every 20 ms during GeoPublier's uploads; the growth
is the peak minus the resident memory just before the upload. Prints the figures and a verdict
against the 50 MB target; it asserts nothing (timings are not tests). Needs about 5 × SIZE of
free disk (udata keeps the parts, then each assembled file).
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Callable

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plugin.publishers.udata import DEFAULT_CHUNK_SIZE, UdataPublisher  # noqa: E402
from sandbox.udata_server import UdataServer  # noqa: E402
from sandbox.venvs import ensure_venv  # noqa: E402

TARGET_MB = 50.0
MB = 1024 * 1024
FILENAME = "gros-fichier.csv"


def rss_bytes() -> int:
    """Resident memory of this process now (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class PeakSampler(threading.Thread):
    """Samples resident memory every 20 ms until stopped; keeps the peak."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = rss_bytes()
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(0.02):
            self.peak = max(self.peak, rss_bytes())

    def stop(self) -> int:
        self._stop_event.set()
        self.join(timeout=5)
        return max(self.peak, rss_bytes())


def make_sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (reads as zeros)."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def create_dataset(server: UdataServer) -> str:
    """A private dataset to upload into."""
    response = requests.post(
        f"{server.api_url}/datasets/",
        json={
            "title": "Banc d'essai",
            "description": "Envoi d'un gros fichier.",
            "organization": server.organization_id,
            "private": True,
        },
        headers={"X-API-KEY": server.api_key},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["id"])


def geopublier_upload(
    server: UdataServer, url: str, path: Path, threshold: int
) -> tuple[float, int, int]:
    """Upload with GeoPublier's publisher; (seconds, RSS before, peak RSS during)."""
    session = requests.Session()
    session.headers["X-API-KEY"] = server.api_key
    options = {"chunk_size": DEFAULT_CHUNK_SIZE, "chunk_threshold": threshold}
    publisher = UdataPublisher(server.url, session, timeout=600, options=options)
    gc.collect()
    baseline = rss_bytes()
    sampler = PeakSampler()
    sampler.start()
    started = time.perf_counter()
    publisher.upload_file(url, path)
    elapsed = time.perf_counter() - started
    return elapsed, baseline, sampler.stop()


def curl(server: UdataServer, url: str, *form: str) -> dict:
    """One ``curl -F`` multipart POST; udata's JSON answer."""
    command = ["curl", "-sS", "--fail-with-body", "-H", f"X-API-KEY: {server.api_key}", url]
    for field in form:
        command += ["-F", field]
    done = subprocess.run(command, check=False, timeout=3600, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"curl failed: {done.stderr.strip()} {done.stdout[:300]}")
    return json.loads(done.stdout)


def curl_chunked(server: UdataServer, url: str, path: Path, work: Path) -> float:
    """udata's chunked protocol with curl: the same parts and fields GeoPublier sends.

    The sparse file reads as zeros, so each part is sent from a sparse file of the part's
    length (same bytes, no copy time counted)."""
    size = path.stat().st_size
    parts = (size + DEFAULT_CHUNK_SIZE - 1) // DEFAULT_CHUNK_SIZE
    upload_id = str(uuid.uuid4())
    full = make_sparse(work / "part-full.bin", DEFAULT_CHUNK_SIZE)
    last = make_sparse(work / "part-last.bin", size - (parts - 1) * DEFAULT_CHUNK_SIZE)
    started = time.perf_counter()
    for index in range(parts):
        part = last if index == parts - 1 else full
        answer = curl(
            server,
            url,
            f"uuid={upload_id}",
            f"filename={FILENAME}",
            f"partindex={index}",
            f"partbyteoffset={index * DEFAULT_CHUNK_SIZE}",
            f"totalparts={parts}",
            f"chunksize={part.stat().st_size}",
            f"file=@{part};filename={FILENAME}",
        )
        if answer.get("success") is not True:
            raise RuntimeError(f"curl part {index} refused: {answer}")
    answer = curl(server, url, f"uuid={upload_id}", f"filename={FILENAME}", f"totalparts={parts}")
    if not answer.get("id"):
        raise RuntimeError(f"curl assembling refused: {answer}")
    return time.perf_counter() - started


def next_second() -> None:
    """udata stores files under a per-second folder and answers 500 when the same name is
    stored twice in one second: let the clock tick between two uploads (not timed)."""
    time.sleep(1.1)


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def line(label: str, seconds: float, size_mb: float) -> str:
    return f"  {label:<56} {seconds:7.1f} s  {size_mb / seconds:7.1f} MB/s"


def main() -> None:
    """Run the four uploads, print the figures and the memory verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size_mb", nargs="?", type=int, default=1024)
    args = parser.parse_args()
    if not shutil.which("curl"):
        sys.exit("curl not found: apt-get install -y curl")
    size = args.size_mb * MB
    parts = (size + DEFAULT_CHUNK_SIZE - 1) // DEFAULT_CHUNK_SIZE
    chunk_mb = DEFAULT_CHUNK_SIZE // MB
    ensure_venv("udata")
    work = Path(tempfile.mkdtemp(prefix="bench-udata-"))
    server = UdataServer(work / "udata")
    try:
        server.start()
        path = make_sparse(work / FILENAME, size)
        url = f"{server.api_url}/datasets/{create_dataset(server)}/upload/"
        gp_chunked, base1, peak1 = geopublier_upload(server, url, path, threshold=0)
        next_second()
        curl_parts = curl_chunked(server, url, path, work)
        next_second()
        gp_single, base2, peak2 = geopublier_upload(server, url, path, threshold=size + 1)
        next_second()
        curl_single = timed(lambda: curl(server, url, f"file=@{path};filename={FILENAME}"))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    size_mb = size / MB
    growth_mb = max(peak1 - base1, peak2 - base2) / MB
    verdict = "OK" if growth_mb < TARGET_MB else "ABOVE TARGET"
    print(f"file: {size_mb:.0f} MB (sparse, zeros) to udata on 127.0.0.1")
    print(f"chunked protocol ({parts} parts of {chunk_mb} MB + one assembling request):")
    print(line("GeoPublier (one keep-alive session, 256 KB disk reads)", gp_chunked, size_mb))
    print(line("curl (same parts and fields, one curl process per part)", curl_parts, size_mb))
    print(f"  time ratio GeoPublier / curl: {gp_chunked / curl_parts:.2f}")
    print("one multipart request for the whole file:")
    print(line("GeoPublier (streamed from disk, 256 KB reads)", gp_single, size_mb))
    print(line("curl -F file=@...", curl_single, size_mb))
    print(f"  time ratio GeoPublier / curl: {gp_single / curl_single:.2f}")
    print(
        f"client memory: baseline {base1 / MB:.1f} MB, peak {max(peak1, peak2) / MB:.1f} MB, "
        f"peak growth above baseline {growth_mb:.1f} MB (target < {TARGET_MB:.0f} MB): {verdict}"
    )


if __name__ == "__main__":
    main()
