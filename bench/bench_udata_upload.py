"""Upload a large file to the local udata: client memory growth and throughput vs curl.

    .venv/bin/python bench/bench_udata_upload.py [SIZE_MB] (default 1024 = 1 GB)

Starts the sandbox udata (real application, mongomock) on 127.0.0.1 in a temporary folder,
creates a private dataset, uploads a sparse file of SIZE_MB with GeoPublier's udata publisher
(streamed, chunked protocol) while sampling this process's resident memory, then uploads the
same file with `curl -F` (one request) to the same dataset. Prints both figures; no assertion.
Needs about 3 × SIZE of free disk space (udata stores the chunks then the assembled file).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plugin.publishers.udata import UdataPublisher  # noqa: E402
from sandbox.udata_server import UdataServer  # noqa: E402


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
        return self.peak


def make_sparse(path: Path, size: int) -> None:
    """A file of ``size`` bytes that takes no disk space (reads as zeros)."""
    with open(path, "wb") as handle:
        handle.truncate(size)


def create_dataset(server: UdataServer) -> str:
    """A private dataset to upload into."""
    response = requests.post(
        f"{server.api_url}/datasets/",
        json={"title": "Banc d'essai", "description": "Envoi d'un gros fichier.",
              "organization": server.organization_id, "private": True},
        headers={"X-API-KEY": server.api_key}, timeout=30)
    response.raise_for_status()
    return str(response.json()["id"])


def bench_client(server: UdataServer, dataset_id: str, path: Path) -> tuple[float, int]:
    """Upload with GeoPublier; (seconds, peak RSS growth in bytes)."""
    session = requests.Session()
    session.headers["X-API-KEY"] = server.api_key
    publisher = UdataPublisher(server.url, session, timeout=600)
    url = f"{publisher.api}/datasets/{dataset_id}/upload/"
    baseline = rss_bytes()
    sampler = PeakSampler()
    sampler.start()
    started = time.perf_counter()
    publisher.upload_file(url, path)
    elapsed = time.perf_counter() - started
    return elapsed, sampler.stop() - baseline


def bench_curl(server: UdataServer, dataset_id: str, path: Path) -> float:
    """Upload the same file with curl in one multipart request; seconds."""
    url = f"{server.api_url}/datasets/{dataset_id}/upload/"
    started = time.perf_counter()
    subprocess.run(["curl", "-sS", "-f", "-o", "/dev/null", "-H", f"X-API-KEY: {server.api_key}",
                    "-F", f"file=@{path}", url], check=True, timeout=3600)
    return time.perf_counter() - started


def main() -> None:
    """Run both uploads and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size_mb", nargs="?", type=int, default=1024)
    args = parser.parse_args()
    size = args.size_mb * 1024 * 1024
    work = Path(tempfile.mkdtemp(prefix="bench-udata-"))
    server = UdataServer(work / "udata")
    try:
        server.start()
        path = work / "gros-fichier.csv"
        make_sparse(path, size)
        dataset_id = create_dataset(server)
        seconds, growth = bench_client(server, dataset_id, path)
        curl_seconds = bench_curl(server, dataset_id, path) if shutil.which("curl") else 0.0
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    mb = size / 1024 / 1024
    print(f"file: {mb:.0f} MB")
    print(f"GeoPublier: {seconds:.1f} s, {mb / seconds:.1f} MB/s, "
          f"peak client memory growth {growth / 1024 / 1024:.1f} MB")
    if curl_seconds:
        print(f"curl:       {curl_seconds:.1f} s, {mb / curl_seconds:.1f} MB/s")
        print(f"ratio GeoPublier/curl time: {seconds / curl_seconds:.2f}")


if __name__ == "__main__":
    main()
