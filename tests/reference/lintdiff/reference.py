"""Record what Azure's spec linter (LintDiff) reports on the specs the tests use.

    tests/reference/lintdiff/run.sh [NAME...]        # installs the pinned npm packages, then runs this

For each spec: one real `autorest` run (the command line LintDiff uses, pinned versions) and one
in-process run of the same two plugins (`driver.js`), which knows the file of every finding where
autorest's own output loses it for files reached through `$ref`. The findings are normalized to
(rule, severity, file, line, column, JSON pointer, message) and written to
`tests/data/lintdiff/NAME.json`. The position is where autorest shows a finding: the node its JSON
path names, or the deepest node of that path the file has (a path that runs on through a `$ref`);
at the member name for an object member, at the value for an array element. The run fails when
the two runs disagree on any finding, or on the position of any finding autorest places.

Nothing here decides a finding: the records are the tool's output, normalized.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

HERE = Path(__file__).resolve().parent
AUTOREST_CORE = "3.10.9"  # the @autorest/core autorest downloads on first use
ARM = "specs/specs-arm/specification"
RUNCOMMANDS = "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable"

# name -> (spec below the repository, --openapi-type): the specs of tests/conftest.py ALL_SPECS
# and of specs/specs-arm/README.md.
SPECS: dict[str, tuple[str, str]] = {
    "runcommands": (f"{RUNCOMMANDS}/2024-11-01/ComputeRP.runCommands.json", "arm"),
    "runcommand-2024-11-01": (f"{RUNCOMMANDS}/2024-11-01/runCommand.json", "arm"),
    "runcommand-2024-07-01": (f"{RUNCOMMANDS}/2024-07-01/runCommand.json", "arm"),
    "storage": (f"{ARM}/storage/resource-manager/Microsoft.Storage/stable/2021-04-01/storage.json", "arm"),
    "keyvault_mgmt": (f"{ARM}/keyvault/resource-manager/Microsoft.KeyVault/stable/2019-09-01/keyvault.json", "arm"),
    "metricalerts": (f"{ARM}/monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/metricAlert_API.json", "arm"),
    "kv_secrets": (f"{ARM}/keyvault/data-plane/Microsoft.KeyVault/stable/7.2/secrets.json", "data-plane"),
    "managedapps": (f"{ARM}/resources/resource-manager/Microsoft.Solutions/stable/2019-07-01/managedapplications.json", "arm"),
    "webapps": (f"{ARM}/web/resource-manager/Microsoft.Web/stable/2021-01-15/WebApps.json", "arm"),
}

INPUT_PREFIX = "openapiValidatorPluginFunc: File "
QUIET = {"information", "debug", "verbose"}
VALIDATOR = "@microsoft.azure/openapi-validator"


class ReferenceError_(Exception):
    pass


# -- autorest --------------------------------------------------------------------------------
def run_autorest(modules: Path, spec: Path, openapi_type: str) -> tuple[list[str], list[dict[str, Any]], float]:
    """The real thing: (plugin inputs as file URIs, finding messages, seconds of wall time)."""
    command = [
        str(modules / "node_modules/.bin/autorest"), f"--version={AUTOREST_CORE}",
        "--v3", "--spectral", "--azure-validator", "--semantic-validator=false", "--model-validator=false",
        f"--openapi-type={openapi_type}", f"--openapi-subtype={openapi_type}", "--message-format=json",
        f"--use={modules / 'node_modules/@microsoft.azure/openapi-validator'}", f"--input-file={spec}",
    ]
    env = {**os.environ, "AUTOREST_HOME": str(modules / "autorest-home")}
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    inputs: list[str] = []
    findings: list[dict[str, Any]] = []
    fatal: list[str] = []
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        message = json.loads(line)
        text = message.get("message", "")
        if message.get("level") == "information" and text.startswith(INPUT_PREFIX):
            inputs.append(text.split(": '", 1)[1].rstrip("'"))
        elif message.get("level") in ("fatal",) or (message.get("level") == "error" and "code" not in message):
            fatal.append(text)
        elif message.get("level") not in QUIET and message.get("extensionName") == VALIDATOR:
            findings.append(message)  # autorest's own warnings (OutdatedExtension, ...) are not LintDiff's
    if proc.returncode != 0 or fatal or not inputs:
        raise ReferenceError_(f"autorest failed on {spec} (exit {proc.returncode}): {fatal or proc.stderr[-2000:]}")
    return inputs, findings, seconds


def run_driver(modules: Path, openapi_type: str, inputs: list[str]) -> dict[str, Any]:
    """{"messages": the findings as the plugins send them, "rules": name -> severity of every
    rule the plugins load for this openapi-type (for hand-written specs)}."""
    files = [uri_to_path(uri) for uri in inputs]
    command = ["node", str(HERE / "driver.js"), str(modules), openapi_type, *map(str, files)]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ReferenceError_(f"driver.js failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def uri_to_path(uri: str) -> Path:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        raise ReferenceError_(f"not a local file: {uri}")
    return Path(unquote(parsed.path))


# -- positions, as autorest finds them ---------------------------------------------------------
class JsonText:
    """A JSON document with the offset of every member name and value (a small scanner of its own,
    so that the reference does not lean on specgen's loader)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.i = 0
        self.root = self._value()

    def position(self, tokens: list[Any]) -> tuple[int, int]:
        """(line, column), 1-based, of the deepest node of `tokens` the document has."""
        node, offset = self.root, 0
        for token in tokens:
            kind = node[0]
            if kind == "object" and str(token) in node[2]:
                offset, node = node[2][str(token)]
            elif kind == "array" and str(token).isdigit() and int(token) < len(node[2]):
                node = node[2][int(token)]
                offset = node[1]
            else:
                break
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    # node: (kind, start offset, members {name: (name offset, node)} | items [node] | None)
    def _value(self) -> tuple[str, int, Any]:
        self._space()
        start, ch = self.i, self.text[self.i]
        if ch == "{":
            self.i += 1
            members: dict[str, tuple[int, Any]] = {}
            self._space()
            if self.text[self.i] == "}":
                self.i += 1
                return ("object", start, members)
            while True:
                self._space()
                name_at = self.i
                name = self._string()
                self._space()
                self._expect(":")
                members.setdefault(name, (name_at, self._value()))
                self._space()
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                self._expect("}")
                return ("object", start, members)
        if ch == "[":
            self.i += 1
            items: list[Any] = []
            self._space()
            if self.text[self.i] == "]":
                self.i += 1
                return ("array", start, items)
            while True:
                items.append(self._value())
                self._space()
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                self._expect("]")
                return ("array", start, items)
        if ch == '"':
            self._string()
        else:
            while self.i < len(self.text) and self.text[self.i] not in ",]} \t\r\n":
                self.i += 1
        return ("scalar", start, None)

    def _string(self) -> str:
        end = self.i + 1
        while self.text[end] != '"':
            end += 2 if self.text[end] == "\\" else 1
        raw = self.text[self.i : end + 1]
        self.i = end + 1
        return json.loads(raw)

    def _space(self) -> None:
        while self.i < len(self.text) and self.text[self.i] in " \t\r\n\ufeff":
            self.i += 1

    def _expect(self, ch: str) -> None:
        if self.text[self.i] != ch:
            raise ReferenceError_(f"JSON scanner: expected {ch!r} at offset {self.i}")
        self.i += 1


def pointer(tokens: list[Any]) -> str:
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


# -- files a spec names that are not in the repository ------------------------------------------
STUB_NOTE = "Stand-in written by tests/reference/lintdiff for a file the repository does not have."


def missing_files(spec: Path) -> dict[Path, set[str]]:
    """Files the spec's $ref closure names (outside x-ms-examples) that do not exist, with the
    definitions asked of each: autorest loads every file a loaded file names, and stops at one
    it cannot read, where specgen resolves a reference only when something reaches it."""
    missing: dict[Path, set[str]] = collections.defaultdict(set)
    seen: set[Path] = set()
    todo = [spec.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        stack: list[Any] = [json.loads(path.read_text(encoding="utf-8"))]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and not ref.startswith("#"):
                    file_part, _, fragment = ref.partition("#")
                    target = (path.parent / unquote(file_part)).resolve()
                    if not target.is_file():
                        missing[target].add(fragment)
                    else:
                        todo.append(target)
                stack.extend(v for k, v in node.items() if k != "x-ms-examples")
            elif isinstance(node, list):
                stack.extend(node)
    return missing


def write_stub(path: Path, fragments: set[str]) -> None:
    definitions = {}
    for fragment in sorted(fragments):
        tokens = fragment.strip("/").split("/")
        if len(tokens) != 2 or tokens[0] != "definitions":
            raise ReferenceError_(f"cannot stand in for {path}#{fragment}: only #/definitions/NAME is supported")
        definitions[tokens[1]] = {"type": "object", "description": STUB_NOTE}
    stub = {"swagger": "2.0", "info": {"title": "stub", "version": "0"}, "paths": {}, "definitions": definitions}
    path.write_text(json.dumps(stub, indent=2) + "\n", encoding="utf-8")


def spec_root(spec: Path) -> Path:
    for folder in spec.parents:
        if folder.name == "specification":
            return folder.parent
    raise ReferenceError_(f"{spec} is not below a specification/ folder")


# -- one spec --------------------------------------------------------------------------------
def record(repo: Path, modules: Path, name: str) -> dict[str, Any]:
    spec = repo / SPECS[name][0]
    missing = missing_files(spec)
    if not missing:
        return record_at(repo, repo, modules, name, spec, {})
    # Run on a copy of the spec root with stand-ins for the missing files; shown as repo paths.
    root = spec_root(spec)
    with tempfile.TemporaryDirectory(prefix="specgen-lintdiff-") as tmp:
        copy = Path(tmp) / "root"
        shutil.copytree(root, copy)
        stubs = {}
        for path, fragments in missing.items():
            target = copy / path.relative_to(root)
            write_stub(target, fragments)
            stubs[target] = sorted(fragments)
        return record_at(repo, root, modules, name, copy / spec.relative_to(root), stubs, copy)


def record_at(repo: Path, root: Path, modules: Path, name: str, spec: Path, stubs: dict[Path, list[str]], copy: Path | None = None) -> dict[str, Any]:
    """Run both and normalize; `copy` is where the spec root `root` was copied to, if it was."""
    relative, openapi_type = SPECS[name]
    inputs, cli, seconds = run_autorest(modules, spec, openapi_type)
    driven = run_driver(modules, openapi_type, inputs)
    raw = driven["messages"]
    texts: dict[Path, JsonText] = {}
    ran_at = copy or repo
    shown_root = Path(os.path.relpath(root, repo)).as_posix() + "/" if copy else ""

    def shown(path: Path) -> str:
        return shown_root + Path(os.path.relpath(path, ran_at)).as_posix()

    def words(text: str) -> str:
        """Messages that name files (invalid-ref) name them relative to the repository."""
        return text.replace(ran_at.as_uri() + "/", shown_root).replace(str(ran_at) + "/", shown_root)

    stubbed = {shown(p) for p in stubs}
    findings: collections.Counter[tuple[Any, ...]] = collections.Counter()
    placed: dict[tuple[Any, ...], set[tuple[str, int, int]]] = collections.defaultdict(set)
    for message in raw:
        source = message["Source"][0]
        path = uri_to_path(source["document"])
        tokens = source["Position"]["path"]
        text = texts.get(path) or texts.setdefault(path, JsonText(path.read_text(encoding="utf-8")))
        line, column = text.position(tokens)
        rule, severity, said = message["Key"][0], message["Channel"], words(message["Text"])
        findings[(rule, severity, shown(path), line, column, pointer(tokens), said, message["plugin"])] += 1
        placed[(rule, severity, said, pointer(tokens))].add((shown(path), line, column))

    # The in-process run must be autorest's run: the same findings, at the same places where
    # autorest shows one.
    ours = collections.Counter((r, s, w, p) for (r, s, _, _, _, p, w, _), n in findings.items() for _ in range(n))
    theirs = collections.Counter((m["code"], m["level"], words(m["message"]), pointer(m["details"]["jsonpath"])) for m in cli)
    if ours != theirs:
        raise ReferenceError_(f"{name}: the in-process run differs from autorest: only in-process {ours - theirs}, only autorest {theirs - ours}")
    checked = 0
    for m in cli:
        key = (m["code"], m["level"], words(m["message"]), pointer(m["details"]["jsonpath"]))
        for src in m.get("source") or []:
            where = (shown(uri_to_path(src["document"])), src["position"]["line"], src["position"]["column"])
            if where not in placed[key]:
                raise ReferenceError_(f"{name}: autorest places {key} at {where}; normalized: {sorted(placed[key])}")
            checked += 1

    kept = sorted(
        (k for k in findings if k[2] not in stubbed),  # a finding in a stand-in is not the spec's
        key=lambda k: (k[2], k[3], k[4], k[0], k[5], k[6]),
    )
    return {
        "spec": relative,
        "openapi_type": openapi_type,
        "tools": versions(modules),
        "command": "autorest --v3 --spectral --azure-validator --semantic-validator=false --model-validator=false "
        f"--openapi-type={openapi_type} --openapi-subtype={openapi_type} --message-format=json --use=<openapi-validator> --input-file=SPEC",
        "autorest_seconds": round(seconds, 1),
        "inputs": [shown(uri_to_path(u)) for u in inputs],
        "stand_ins": {shown(p): fragments for p, fragments in sorted(stubs.items())},
        "positions_checked_against_autorest": checked,
        "rules": {name: {"warn": "warning", "information": "info", "hint": "info"}.get(level, level) for name, level in sorted(driven["rules"].items())},
        "findings": [
            {"rule": r, "severity": s, "file": f, "line": ln, "column": c, "pointer": p, "message": w, "engine": e, "count": findings[(r, s, f, ln, c, p, w, e)]}
            for (r, s, f, ln, c, p, w, e) in kept
        ],
    }


def versions(modules: Path) -> dict[str, str]:
    out = {}
    for package in ("@microsoft.azure/openapi-validator", "@microsoft.azure/openapi-validator-rulesets", "@microsoft.azure/openapi-validator-core", "autorest"):
        data = json.loads((modules / "node_modules" / package / "package.json").read_text(encoding="utf-8"))
        out[package] = data["version"]
    out["@autorest/core"] = AUTOREST_CORE
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", type=Path, required=True, help="folder holding the installed npm packages")
    parser.add_argument("--repo", type=Path, default=HERE.parents[2])
    parser.add_argument("names", nargs="*", help=f"specs to record (default: all of {', '.join(SPECS)})")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(SPECS))
    if unknown:
        parser.error(f"unknown spec name(s): {', '.join(unknown)}")
    out_dir = args.repo / "tests/data/lintdiff"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in args.names or list(SPECS):
        try:
            data = record(args.repo.resolve(), args.modules.resolve(), name)
        except ReferenceError_ as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        (out_dir / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        total = sum(f["count"] for f in data["findings"])
        print(f"{name}: {len(data['findings'])} distinct findings ({total} messages) in {len(data['inputs'])} file(s); "
              f"autorest {data['autorest_seconds']} s; {data['positions_checked_against_autorest']} positions checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
