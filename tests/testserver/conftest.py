"""Fixtures for the AutoRest test-server suite, and the coverage summary printed after the run.

Each `test_ts_*.py` module names the Swagger file it drives (`SWAGGER = "body-boolean.json"`) and
asks for `api`: the package specgen generates from the server's own copy of that file. The
scenarios a module newly turns green on the server are credited to its Swagger file.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from testserver import summary
from testserver.server import TestServer, Unavailable, install

_STATE: dict[str, Any] = {"reports": None, "credited": {}, "modules": set()}


@pytest.fixture(scope="session")
def testserver(tmp_path_factory: pytest.TempPathFactory) -> Any:
    try:
        folder = install()
    except Unavailable as reason:
        pytest.skip(str(reason))
    server = TestServer(folder, tmp_path_factory.mktemp("testserver-coverage"))
    server.start()
    try:
        yield server
    finally:
        _STATE["reports"] = server.stop()
        keep = os.environ.get("SPECGEN_TESTSERVER_REPORTS")
        if keep:  # for the README: python3 tests/testserver/summary.py DIR
            Path(keep).mkdir(parents=True, exist_ok=True)
            for report in server.coverage_dir.glob("report-*.json"):
                shutil.copyfile(report, Path(keep) / report.name)


class Api:
    """The generated package of one Swagger file, with the server's address."""

    def __init__(self, package: ModuleType, base_url: str) -> None:
        self.package = package
        self.base_url = base_url
        self.requests = importlib.import_module(package.__name__ + ".requests")
        self.responses = importlib.import_module(package.__name__ + ".responses")
        self.models = importlib.import_module(package.__name__ + ".models")

    def call(self, operation: str, /, **arguments: Any) -> Any:
        """Build `operation`'s request, send it, parse the answer with its parser."""
        from testserver.transport import send

        build = getattr(self.requests, f"build_{operation}_request")
        parse = getattr(self.responses, f"parse_{operation}_response")
        return parse(*send(build(base_url=self.base_url, **arguments)))

    def send(self, operation: str, /, **arguments: Any) -> Any:
        """Build and send `operation`'s request; returns the raw (status, headers, body)."""
        from testserver.transport import send

        build = getattr(self.requests, f"build_{operation}_request")
        return send(build(base_url=self.base_url, **arguments))


_GENERATED: dict[str, ModuleType] = {}


def generate(testserver: TestServer, swagger: str, folder: Path) -> ModuleType:
    """Generate (once per session) and import the package of one of the server's Swagger files."""
    if swagger not in _GENERATED:
        from generator.pipeline import generate_package
        from generator.write.atomic import write_atomically

        name = "ts_" + "".join(c if c.isalnum() else "_" for c in swagger.removesuffix(".json")).lower()
        result = generate_package(testserver.swagger / swagger, name, overlay=None, use_cache=False)
        write_atomically(folder / name, result.files)
        sys.path.insert(0, str(folder))
        try:
            _GENERATED[swagger] = importlib.import_module(name)
        finally:
            sys.path.remove(str(folder))
    return _GENERATED[swagger]


@pytest.fixture(scope="session")
def _packages_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("testserver-packages")


@pytest.fixture(scope="module")
def api(request: pytest.FixtureRequest, testserver: TestServer, _packages_folder: Path) -> Any:
    swagger = request.module.SWAGGER
    before = summary.green(testserver)
    yield Api(generate(testserver, swagger, _packages_folder), testserver.base_url)
    after = summary.green(testserver)
    _STATE["credited"].setdefault(swagger, set()).update(after - before)


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    _STATE["modules"] = {item.path.name for item in items if item.path.parent == Path(__file__).parent}


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    reports = _STATE["reports"]
    if not reports:
        return
    every_module = _STATE["modules"] == summary.test_modules()
    lines, problems = summary.render(reports, _STATE["credited"], complete=every_module)
    terminalreporter.write_sep("=", "AutoRest test server coverage")
    for line in lines:
        terminalreporter.write_line(line)
    for problem in problems:
        terminalreporter.write_line("PROBLEM: " + problem, red=True)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # The reports exist once the server stopped (after the last test); when every module ran, a
    # scenario neither passed nor in a module's NOT_PASSED, or listed there but passed, fails the run.
    reports = _STATE["reports"]
    if reports and _STATE["modules"] == summary.test_modules():
        _, problems = summary.render(reports, _STATE["credited"], complete=True)
        if problems and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
