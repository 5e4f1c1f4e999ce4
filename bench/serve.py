"""The service as `make run` starts it (`flask fair init`, then gunicorn with its config), for benchmarks."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-organiser"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn and its workers, on a SQLite file of its own or on `database_url`; `with` stops it."""

    def __init__(
        self,
        workdir: Path,
        *,
        workers: int = 2,
        database_url: str | None = None,
        name: str = "server",
        **env: str,
    ) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.organiser = {"Authorization": f"Bearer {TOKEN}"}
        database_url = database_url or f"sqlite:///{workdir / 'fair.db'}"
        self.environ = {
            **os.environ,
            "DATABASE_URL": database_url,
            "FAIR_ADMIN_TOKEN": TOKEN,
            "FLASK_APP": "service",
            **env,
        }
        self.environ.pop("TEST_DATABASE_URL", None)
        bin_dir = Path(sys.executable).parent
        subprocess.run([bin_dir / "flask", "fair", "init"], cwd=ROOT, env=self.environ, check=True,
                       capture_output=True)  # fmt: skip
        self.log_path = workdir / f"{name}.log"
        self.log = self.log_path.open("w")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [bin_dir / "gunicorn", "--config", "service/gunicorn_conf.py", "--workers", str(workers),
             "--bind", f"127.0.0.1:{self.port}", "--access-logfile", "/dev/null", "service:create_app()"],
            cwd=ROOT, env=self.environ, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._wait_ready(workers)
        self.start_seconds = round(time.perf_counter() - started, 2)

    def _wait_ready(self, workers: int) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200 and len(self.workers()) == workers:
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the service did not start; see {self.log_path}")

    @property
    def worker_class(self) -> str:
        found = re.search(r"Using worker: (\S+)", self.log_path.read_text())
        return found.group(1) if found else "unknown"

    def workers(self) -> list[psutil.Process]:
        return psutil.Process(self.process.pid).children()

    def start_push(self, profiles: list[dict]) -> dict:
        """`POST /api/v1/pushes` of `profiles`: the 202 answer (the push then ranks in the background)."""
        body = json.dumps({"candidates": [{"id": f"p{i}", **p} for i, p in enumerate(profiles)], "limit": 10})
        request = urllib.request.Request(f"{self.url}/api/v1/pushes", body.encode(), method="POST",
                                         headers={"Content-Type": "application/json"})  # fmt: skip
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def push(self, profiles: list[dict]) -> dict:
        """A background push of `profiles` through `POST /api/v1/pushes`, polled until it is done."""
        started = time.perf_counter()
        accepted = self.start_push(profiles)
        while True:
            with urllib.request.urlopen(
                f"{self.url}/api/v1/pushes/{accepted['id']}?limit=1", timeout=10
            ) as r:
                state = json.loads(r.read())
            if state["status"] in {"finished", "failed"}:
                break
            time.sleep(0.1)
        return {"seconds": round(time.perf_counter() - started, 2), "status": state["status"],
                "candidates": state["progress"]["total"], "runner": accepted.get("runner")}  # fmt: skip

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def __enter__(self) -> Gunicorn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
