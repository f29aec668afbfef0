"""Map every AutoRest test-server coverage scenario to the Swagger file whose operation it exercises.

Usage: python3 map_scenarios.py PACKAGE_FOLDER [REPORT_DIR] > scenarios.json
Names: those of REPORT_DIR/report-{vanilla,azure,optional}.json, else of the reports the server in
PACKAGE_FOLDER writes when started on a free port and stopped at once. Output: {category: {name: file}}.

Ways a name is placed (counted on stderr):
  route+path  the routes whose registration call -- `app.<method>("<path>", "<name>", ...)` in
              src/test-routes/**, `router.<method>("<path>", ...)` in legacy/routes/*.js under the
              prefix src/legacy/legacy.ts mounts it at -- holds the name as a literal, or calls a
              helper holding it; for names built at run time ("UrlQueries" + test), the routes of the
              source file whose literals spell the name, those whose own literals supply most of it.
              A route serves the operations whose hostTemplate path + basePath + paths/x-ms-paths key
              (query dropped, `{p}` any text) its express path matches (`:p`, `:p?`, `*`, `${..}`;
              case-insensitive), same method first; else those under the longest prefix having any.
  name match  no route: the operations whose operationId is the name (case, "_", group ignored).
  table       TABLE below, each entry with its reason.
Rule when the candidate operations lie in several files (multiapi-v*, *.quirks.json, head*.json,
url-multi-collectionFormat.json, azure-resource*.json); each step keeps the best files:
  1. api-version: info.version equal to the last candidate version literal before the name in the
     handler (`if (apiVersion == "2.0.0") { coverage["MultiapiPutTestOneApiVersionTwo"]++ }`);
  2. operationId: most words shared with the name (UrlQueriesArrayMultiNull: url-multi-collectionFormat);
  3. home file: served by the most routes of the scenario's source file (httpInfrastructure.json, not
     head.json, for the generated routes of http-responses.ts);
  4. base file: shortest file name, then alphabetical (body-string.json, not body-string.quirks.json).
"""
import functools
import json
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import NamedTuple

CATEGORIES = ("vanilla", "azure", "optional")
METHODS = "get|put|post|patch|delete|head|options|all"
LEGACY_ROUTE = rf'router\.(?P<m>{METHODS})\(\s*(["\'])(?P<p>.*?)\2'
NEW_ROUTE = rf'app(?:\.(?P<m>{METHODS})|\[\w+\])\(\s*(["\'`])(?P<p>.*?)\2'
CODE = r'("(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`)|//[^\n]*|/\*.*?\*/'
LITERALS = r'"([^"\\\n]*)"|\'([^\'\\\n]*)\'|`([^`]*)`|\b(\d+)\b'
HELPER = r"(?:function\s+(\w+)\s*\([^)]*\)|(\w+)\s*=\s*(?:async\s+)?(?:function\s*\([^)]*\)|\([^)]*\)\s*=>))\s*\{"
PARAM = "\x00"  # stands for a Swagger `{param}` in a normalised path
# Scenarios the sources cannot place: name -> (Swagger file, why). None is needed for 3.3.51.
TABLE: dict[str, tuple[str, str]] = {}
Route = tuple[str, str, str]  # method, path, text of the registration call
Hit = tuple[str, str, str, str]  # source file, method, path, text
Sources = dict[str, tuple[str, list[Route]]]  # source file -> (top-level text, routes)


class Operation(NamedTuple):
    file: str
    method: str
    path: str
    operation_id: str
    version: str


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def report_names(pkg: Path, report_dir: str | None) -> dict[str, list[str]]:
    """The scenario names of the three reports, as the server writes them on stop."""
    if report_dir is None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with tempfile.TemporaryDirectory() as tmp:
            cli = ["node", "dist/cli/cli.js"]
            server = subprocess.Popen([*cli, "run", f"--port={port}", f"--coverageDirectory={tmp}"], cwd=pkg,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/report", timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.5)
            subprocess.run([*cli, "stop", f"--port={port}"], cwd=pkg, capture_output=True, check=False)
            server.wait(timeout=60)
            return report_names(pkg, tmp)
    reports = [Path(report_dir, f"report-{c}.json") for c in CATEGORIES]
    if not all(r.is_file() for r in reports):
        fail(f"no report-{{{','.join(CATEGORIES)}}}.json in {report_dir}")
    return {c: sorted(json.loads(r.read_text())) for c, r in zip(CATEGORIES, reports)}


def load_operations(pkg: Path) -> list[Operation]:
    ops = []
    for spec_path in sorted((pkg / "swagger").glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8-sig"))
        if not isinstance(spec, dict) or "swagger" not in spec:
            continue
        host = spec.get("x-ms-parameterized-host", {}).get("hostTemplate", "")
        host_path = re.sub(r"^[a-z]+://", "", host).partition("/")[2]
        prefix = ("/" + host_path if host_path else "") + (spec.get("basePath") or "").rstrip("/")
        for key in ("paths", "x-ms-paths"):
            for path, item in spec.get(key, {}).items():
                norm = re.sub(r"\{[^}]*\}", PARAM, prefix + path.split("?")[0])
                ops += [Operation(spec_path.name, method, norm, op["operationId"], spec["info"]["version"])
                        for method, op in item.items() if isinstance(op, dict) and "operationId" in op]
    return ops


def block_end(text: str, start: int) -> int:
    """Index just past the bracket that closes the one at `start` (strings skipped)."""
    depth, i = 0, start
    while i < len(text):
        if text[i] in "\"'`":
            quote, i = text[i], i + 1
            while i < len(text) and text[i] != quote:
                i += 2 if text[i] == "\\" else 1
        elif text[i] in "({[":
            depth += 1
        elif text[i] in ")}]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(text)


def split_routes(text: str, route_re: str, prefix: str = "") -> tuple[str, list[Route]]:
    """Text outside route registrations, and (method, path, registration call) of each route."""
    text = re.sub(CODE, lambda m: m[1] or " ", text, flags=re.DOTALL)  # drop comments
    routes, outside, pos = [], [], 0
    for m in re.finditer(route_re, text):
        if m.start() >= pos:  # not nested in the previous registration
            end = block_end(text, text.index("(", m.start()))
            path = prefix.rstrip("/") + m["p"].replace("\\\\", "\\")  # JS "\\-" is express "\-"
            routes.append((m["m"] or "all", path, text[m.start(): end]))
            outside.append(text[pos: m.start()])
            pos = end
    return "".join(outside) + text[pos:], routes


def load_sources(pkg: Path) -> Sources:
    """The legacy routers (under their mount prefixes) and src/test-routes/**."""
    legacy = (pkg / "src/legacy/legacy.ts").read_text()
    var_file = dict(re.findall(r'const (\w+) = requireLegacy\("([\w.-]+?)(?:\.js)?"\)', legacy))
    sources: Sources = {}
    for prefix, var in re.findall(r'app\.use\("([^"]*)", new (\w+)\(', legacy):
        path = pkg / "legacy/routes" / (var_file[var] + ".js")
        sources[f"legacy/routes/{path.name}"] = split_routes(path.read_text(), LEGACY_ROUTE, prefix)
    for path in sorted((pkg / "src/test-routes").rglob("*.ts")):
        sources[str(path.relative_to(pkg))] = split_routes(path.read_text(), NEW_ROUTE)
    return sources


def route_regex(segments: list[str], below: bool) -> re.Pattern[str]:
    """Regex for the normalised Swagger paths equal to (or if `below`, under) an express path."""
    parts = []
    for seg in segments:
        if re.fullmatch(r":\w+\?", seg):
            parts.append("(?:/[^/]+)?")
        elif re.fullmatch(r":\w+", seg):
            parts.append("/[^/]+")
        elif "*" in seg or "${" in seg:
            parts.append("/" + ".*".join(re.escape(p) for p in re.split(r"\*|\$\{[^}]*\}", seg)))
        else:
            tokens = re.split(r"(\[[^\]]*\]|\\.)", seg)
            text = "".join(t if t[:1] == "[" else re.escape(t[1:] if t[:1] == "\\" else t) for t in tokens)
            parts.append(f"/(?:{text}|[^/]*{PARAM}[^/]*)")
    return re.compile("".join(parts) + ("(?:/.*)?" if below else "/?"), re.IGNORECASE)


def served_operations(method: str, path: str, ops: list[Operation]) -> list[Operation]:
    segments = [s for s in path.split("/") if s]
    for n in range(len(segments), 0, -1):
        regex = route_regex(segments[:n], below=n < len(segments))
        hits = [op for op in ops if regex.fullmatch(op.path)]
        same_method = [op for op in hits if method in (op.method, "all")]
        if hits:
            return same_method if n == len(segments) and same_method else hits
    return []


@functools.cache
def literals(text: str) -> frozenset[str]:
    """Word-like string and number literals (and template-literal pieces) of a source text."""
    pieces = (p for groups in re.findall(LITERALS, text) for p in re.split(r"\$\{[^}]*\}", "".join(groups)))
    return frozenset(p.lower() for p in pieces if re.fullmatch(r"\w+", p))


def own_characters(name: str, pool: frozenset[str], own: frozenset[str]) -> int:
    """Most characters of `name` taken from `own` when spelled from literals of `pool`; -1 if it can't be."""
    best = [-1] * len(name) + [0]
    for i in range(len(name) - 1, -1, -1):
        for j in range(i + 1, len(name) + 1):
            if best[j] >= 0 and name[i:j].lower() in pool:
                best[i] = max(best[i], best[j] + (j - i if name[i:j].lower() in own else 0))
    return best[0]


def helper_callers(literal: re.Pattern[str], top: str, routes: list[Route]) -> list[Route]:
    """Routes calling the innermost top-level function whose body holds the literal."""
    spans = [(m[1] or m[2], m.end() - 1, block_end(top, m.end() - 1)) for m in re.finditer(HELPER, top)]
    callers = []
    for found in literal.finditer(top):
        enclosing = [(end - start, fn) for fn, start, end in spans if start < found.start() < end]
        if enclosing:
            callers += [r for r in routes if re.search(rf"\b{min(enclosing)[1]}\(", r[2])]
    return callers


def locate(name: str, sources: Sources) -> tuple[list[Hit], str]:
    """The routes (source, method, path, text) counting `name`, and how they were found."""
    literal = re.compile(rf'(["\'`]){re.escape(name)}\1')
    hits: list[Hit] = [(src, *r) for src, (_, routes) in sources.items() for r in routes if literal.search(r[2])]
    if hits:
        return hits, "route+path: name literal in the route's handler"
    hits = [(src, *r) for src, (top, routes) in sources.items() for r in helper_callers(literal, top, routes)]
    if hits:
        return hits, "route+path: name literal in a helper the handler calls"
    for src, (top, routes) in sources.items():
        shared = literals(top)
        if own_characters(name, shared.union(*(literals(t) for *_, t in routes)), frozenset()) >= 0:
            scores = [own_characters(name, shared | literals(t), literals(t) - shared) for *_, t in routes]
            hits += [(src, *r) for r, s in zip(routes, scores) if s == max(scores) or max(scores) == 0]
    return hits, "route+path: name built from handler literals"


def words(identifier: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", identifier)}


def choose(name: str, hits: list[Hit], candidates: list[Operation], home: Counter[str]) -> str:
    """One file among the candidate operations' files, by the steps of the module docstring."""
    literal = re.compile(rf'(["\'`]){re.escape(name)}\1')
    versions = {op.version for op in candidates}
    for *_, text in hits:
        found = literal.search(text)
        before = re.findall(r'["\']([^"\'\n]+)["\']', text[: found.start()] if found else "")
        seen = [v for v in before if v in versions]
        if len(versions) > 1 and seen:
            candidates = [op for op in candidates if op.version == seen[-1]]
    shared: Counter[str] = Counter()
    for op in candidates:
        shared[op.file] = max(shared[op.file], len(words(name) & words(op.operation_id)))
    files = [f for f in shared if shared[f] == max(shared.values())]
    files = [f for f in files if home[f] == max(home[f] for f in files)]
    return min(files, key=lambda f: (len(f), f))


def main() -> None:
    if len(sys.argv) not in (2, 3) or not Path(sys.argv[1], "src/legacy/legacy.ts").is_file():
        fail("usage: map_scenarios.py PACKAGE_FOLDER [REPORT_DIR] (the autorest.testserver package folder)")
    pkg = Path(sys.argv[1])
    names = report_names(pkg, sys.argv[2] if len(sys.argv) == 3 else None)
    ops, sources = load_operations(pkg), load_sources(pkg)
    served = {(m, p): served_operations(m, p, ops) for _, routes in sources.values() for m, p, _ in routes}
    homes = {src: Counter(f for m, p, _ in routes for f in {op.file for op in served[m, p]})
             for src, (_, routes) in sources.items()}
    result: dict[str, dict[str, str]] = {}
    ways = Counter(dict.fromkeys(["name match: operationId", "table"], 0))
    for category in CATEGORIES:
        result[category] = {}
        for name in names[category]:
            hits, way = locate(name, sources)
            candidates = [op for _, m, p, _ in hits for op in served[m, p]]
            if not candidates:
                way = "name match: operationId"
                candidates = [op for op in ops if name.lower() in (op.operation_id.replace("_", "").lower(),
                                                                  op.operation_id.rpartition("_")[2].lower())]
            if not candidates and name in TABLE:
                way, candidates = "table", [op for op in ops if op.file == TABLE[name][0]]
            if not candidates:
                fail(f"no Swagger operation found for scenario {category}/{name}")
            result[category][name] = choose(name, hits, candidates, sum((homes[h[0]] for h in hits), Counter()))
            ways[way] += 1
    for way, count in sorted(ways.items()):
        print(f"{count:4}  {way}", file=sys.stderr)
    json.dump(result, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
