"""The AutoRest test server (npm `@microsoft.azure/autorest.testserver`, MIT): install, start, stop.

The server is Azure's shared conformance suite for its generators: ~75 Swagger files and a mock
service that checks every request it receives and counts, per scenario, the ones that were right.
The install is cached per version (`$SPECGEN_TESTSERVER_HOME`, else `~/.cache/specgen/testserver`);
the server listens on 127.0.0.1 only (`bind_loopback.js`).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

PACKAGE = "@microsoft.azure/autorest.testserver"
VERSION = "3.3.51"
HERE = Path(__file__).resolve().parent
REPORTS = ("vanilla", "azure", "optional")  # the server's coverage reports: /report, /report/<name>


class Unavailable(Exception):
    """node or npm is missing: the test-server tests skip with this reason."""


def cache_home() -> Path:
    explicit = os.environ.get("SPECGEN_TESTSERVER_HOME")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specgen" / "testserver"


def install() -> Path:
    """The package folder of the pinned version, installed once per machine (atomically)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise Unavailable("node and npm are needed to run the AutoRest test server (not on PATH)")
    home = cache_home()
    target = home / VERSION
    folder = target / "node_modules" / PACKAGE
    if (folder / "package.json").is_file():
        return folder
    home.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{VERSION}.", dir=home))
    try:
        subprocess.run(
            [npm, "install", "--prefix", str(scratch), "--no-audit", "--no-fund", "--no-save", "--loglevel=error", f"{PACKAGE}@{VERSION}"],
            check=True,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=600,
        )
    except subprocess.CalledProcessError as err:
        shutil.rmtree(scratch, ignore_errors=True)
        raise RuntimeError(f"npm install {PACKAGE}@{VERSION} failed:\n{err.stderr.decode(errors='replace')}") from None
    try:
        scratch.rename(target)
    except OSError:  # another run installed it meanwhile
        shutil.rmtree(scratch, ignore_errors=True)
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TestServer:
    """One running server; `base_url` is where the generated clients send their requests."""

    def __init__(self, folder: Path, coverage_dir: Path) -> None:
        self.folder = folder
        self.swagger = folder / "swagger"
        self.coverage_dir = coverage_dir
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log = coverage_dir / "server.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.coverage_dir.mkdir(parents=True, exist_ok=True)
        cli = self.folder / "dist" / "cli" / "cli.js"
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(
                [shutil.which("node") or "node", "-r", str(HERE / "bind_loopback.js"), str(cli), "run", f"--port={self.port}", f"--coverageDirectory={self.coverage_dir}"],
                cwd=self.folder,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the test server exited ({self._process.returncode}); see {self.log}")
            try:
                self.coverage("vanilla")
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the test server did not answer within 60 s; see {self.log}")

    def coverage(self, report: str) -> dict[str, int]:
        """The live counts of one report (vanilla, azure, optional), straight from the server."""
        path = "/report" if report == "vanilla" else f"/report/{report}"
        with urllib.request.urlopen(self.base_url + path, timeout=30) as response:
            data: dict[str, Any] = json.load(response)
        return {name: int(count) for name, count in data.items()}

    def stop(self) -> dict[str, dict[str, int]]:
        """Stop the server; returns the coverage reports it wrote (report name -> scenario -> count)."""
        process, self._process = self._process, None
        if process is None:
            return {}
        cli = self.folder / "dist" / "cli" / "cli.js"
        try:
            subprocess.run(
                [shutil.which("node") or "node", str(cli), "stop", f"--port={self.port}"],
                check=False,
                cwd=self.folder,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=60,
            )
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reports = {}
        for name in REPORTS:
            path = self.coverage_dir / f"report-{name}.json"
            if path.is_file():
                reports[name] = {k: int(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
        return reports
