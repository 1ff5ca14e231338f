"""Run one file through ingestion or an importer in a child process, and measure what it cost.

A helper process (the "zygote") imports the readers once; for each file it forks a child, which sets
an address-space limit (a safety net: a defence that fails must not take the machine with it), reads
the file and writes its outcome as JSON with its wall and CPU time and its peak resident memory. The
zygote kills a child that runs past its deadline. Forking from a process that already imported
everything costs milliseconds where a fresh interpreter costs half a second a file.

Peak memory is the kernel's high-water mark of the child's own address space (``VmHWM``), which the
zygote also samples while waiting so that a killed child still has a figure. ``getrusage`` is no use
here: a child's ``ru_maxrss`` starts from its parent's peak (Linux carries it across fork and exec),
so under a pytest process that loaded spaCy every child would seem to need a gigabyte. A forked
child's high-water mark starts at the zygote's resident size (about 60 MB), which it really uses.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tests.fuzz.hostile_files import Kind

# "python" runs the file as code: only the runner's own tests use it.
RunKind = Kind | Literal["python"]

ROOT = Path(__file__).resolve().parents[2]
# The safety net, not the bound tests assert: far above MEMORY_BOUND_MB so a measured overrun shows as a
# number, not as a MemoryError that ingestion would turn into a tidy "too large" message.
ADDRESS_SPACE_LIMIT = 3 * 1024**3
# Past this the child is killed and the case fails; well beyond the time bounds for the same reason.
KILL_AFTER_SECONDS = 120.0

_ZYGOTE = r"""
import json, os, resource, signal, sys, time
from quizapp.bank.interchange import InterchangeError, import_gift, import_moodle_xml
from quizapp.generation.ingest import ingest
from quizapp.generation.ingest import docx_reader, html_reader, markdown_reader, pdf_reader, plain_text  # noqa
from quizapp.generation.types import DocumentInput, IngestError
import docx, pypdf, trafilatura  # noqa: readers import these lazily; loading them is not the file's cost


def high_water(pid="self"):
    try:
        with open(f"/proc/{pid}/status") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0) / 1024
    except OSError:
        return 0.0


def read(kind, name, data):
    if kind == "python":  # the runner's own tests: code that allocates, spins or crashes on purpose
        exec(compile(data, name, "exec"), {})
        return {"outcome": "document", "chars": 1}
    if kind == "ingest":
        doc = ingest(DocumentInput(name, data))
        return {"outcome": "document", "text": doc.text[:3000], "chars": len(doc.text), "blocks": len(doc.blocks),
                "title": doc.title, "stripped": " ".join(doc.stripped)[:3000]}
    reader = import_gift if kind == "gift" else import_moodle_xml
    imported = reader(data)
    texts = [q["prompt"] + " " + " ".join(map(str, q["options"])) for q in imported.questions]
    return {"outcome": "document", "questions": len(imported.questions), "skipped": imported.skipped[:5],
            "text": " ".join(texts)[:3000], "chars": sum(map(len, texts))}


def child(request):
    limit = request["address_space"]
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with open(request["path"], "rb") as handle:
        data = handle.read()
    baseline = high_water()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        result = read(request["kind"], request["name"], data)
    except (IngestError, InterchangeError) as error:
        result = {"outcome": "error", "message": str(error)}
    except BaseException as error:
        result = {"outcome": "escaped", "message": f"{type(error).__name__}: {str(error)[:300]}"}
    result.update(seconds=time.perf_counter() - started, cpu_seconds=time.process_time() - cpu,
                  baseline_mb=baseline, peak_mb=high_water())
    with open(request["out"], "w") as handle:
        json.dump(result, handle)


for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        try:
            child(request)
        finally:
            os._exit(0)
    deadline = time.monotonic() + request["kill_after"]
    peak, status = 0.0, "killed"
    while True:
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = f"exit code {os.waitstatus_to_exitcode(code)}"
            break
        peak = max(peak, high_water(pid))
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.01)
    print(json.dumps({"status": status, "sampled_mb": peak}), flush=True)
"""


@dataclass(frozen=True)
class Run:
    """What one child did: ``outcome`` is document, error, escaped (another exception) or killed."""

    outcome: str
    message: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    baseline_mb: float
    text: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        return (
            f"{self.outcome} in {self.seconds:.2f} s ({self.cpu_seconds:.2f} s CPU), "
            f"peak {self.peak_mb:.0f} MB: {self.message[:200]}"
        )


class Zygote:
    """The helper process; ``run`` reads one file in a fresh fork of it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _ZYGOTE], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.folder = tempfile.TemporaryDirectory(prefix="quizapp-hostile-")

    def run(self, kind: RunKind, name: str, data: bytes, *, kill_after: float = KILL_AFTER_SECONDS) -> Run:
        """Read ``data`` as the file ``name``: its outcome, wall and CPU time and peak memory."""
        source = Path(self.folder.name) / "input"
        result_file = Path(self.folder.name) / "result.json"
        source.write_bytes(data)
        result_file.unlink(missing_ok=True)
        request = {"kind": kind, "name": name, "path": str(source), "out": str(result_file),
                   "kill_after": kill_after, "address_space": ADDRESS_SPACE_LIMIT}  # fmt: skip
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError("the zygote process died")
        ended = json.loads(reply)
        if ended["status"] == "killed":
            return Run("killed", f"still running after {kill_after:.0f} s", kill_after, kill_after,
                       ended["sampled_mb"], 0.0)  # fmt: skip
        if not result_file.exists():
            return Run("escaped", f"the child died ({ended['status']})", 0.0, 0.0, ended["sampled_mb"], 0.0)
        result = json.loads(result_file.read_text())
        return Run(
            outcome=result["outcome"],
            message=result.get("message", ""),
            seconds=result["seconds"],
            cpu_seconds=result["cpu_seconds"],
            peak_mb=max(result["peak_mb"], ended["sampled_mb"]),
            baseline_mb=result["baseline_mb"],
            text=" ".join(str(result.get(key, "")) for key in ("title", "text", "stripped")),
            details=result,
        )

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        self.folder.cleanup()
