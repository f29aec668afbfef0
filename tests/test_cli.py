"""The CLI explains itself: --version, examples and exit statuses in --help, `lint DIR`, the
default exit status of `diff`, and clean paths in `generate --check`'s diff headers."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import HANDWRITTEN_2024_07, HANDWRITTEN_2024_11, ROOT, SPEC

from generator.cli import main
from generator.cli.version import specgen_version
from generator.lint import lint
from generator.write.atomic import diff

PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SPEC_TREE = ROOT / "specs"
# Clean for every rule: a dated version and the operations API path Azure asks every service for.
SWAGGER = {"swagger": "2.0", "info": {"title": "t", "version": "2024-01-01"}, "paths": {"/providers/Microsoft.X/operations": {}}}


# -- --version ----------------------------------------------------------------------------------


def test_version_prints_the_projects_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "generator", "--version"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"specgen {PYPROJECT_VERSION}\n"


def test_version_comes_from_the_installed_distribution(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "9.8.7" if name == "specgen" else "")
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == "specgen 9.8.7\n"


def test_version_falls_back_to_pyproject_when_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert specgen_version() == PYPROJECT_VERSION


# -- --help: examples and exit statuses ---------------------------------------------------------


def _help(*command: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", ["generate", "diff", "lint"])
def test_help_gives_examples_and_exit_statuses(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(command, capsys=capsys)
    examples = text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples and all(line.startswith(f"  specgen {command}") for line in examples)
    statuses = text.split("\nexit status:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in statuses[:3]] == ["0", "1", "2"]  # one per line: the epilog is not re-wrapped


@pytest.mark.parametrize("command", ["", "generate", "diff", "lint"])
def test_help_examples_are_valid_commands(command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    text = _help(*filter(None, [command]), capsys=capsys)
    examples = [line.split("#", 1)[0] for line in text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0].splitlines()]
    ran: list[str] = []
    for target in ("generator.cli._generate", "generator.cli.diff.run", "generator.cli.lint.run"):
        monkeypatch.setattr(target, lambda args: ran.append(args.command) or 0)  # parse only
    for example in examples:
        argv = shlex.split(example)[1:]
        if argv[-1:] != ["--help"]:
            assert main(argv) == 0, example
    assert ran and set(ran) <= {"generate", "diff", "lint"}


# -- lint DIR -----------------------------------------------------------------------------------


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_lint_dir_lints_the_specs_below_it(tmp_path: Path) -> None:
    spec = _write(tmp_path / "specification/x/stable/1/x.json", SWAGGER)
    yaml_spec = _write(tmp_path / "specification/x/stable/1/y.yaml", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")
    _write(tmp_path / "specification/x/stable/1/examples/Get.json", SWAGGER)  # examples are skipped even when they look like specs
    _write(tmp_path / "specification/x/stable/1/suppressions.yaml", "suppressions: []\n")
    _write(tmp_path / "specification/x/tspconfig.yaml", "options: {}\n")  # not a Swagger document
    _write(tmp_path / "specification/x/package.json", {"name": "x"})
    _write(tmp_path / "specification/.git/x.json", SWAGGER)
    _write(tmp_path / "specification/x/readme.md", "# not a spec\n")
    run = lint([tmp_path / "specification"], use_suppressions=False)
    assert run.problems == []
    assert run.files == [spec.resolve(), yaml_spec.resolve()]


def test_lint_dir_on_the_repository_specs(capsys: pytest.CaptureFixture[str]) -> None:
    run = lint([SPEC_TREE], use_suppressions=False)
    assert run.problems == []
    expected = sorted(p.resolve() for p in SPEC_TREE.rglob("*.json") if "examples" not in p.parts)
    assert sorted(run.files) == expected and SPEC.resolve() in run.files
    assert main(["lint", str(SPEC_TREE)]) == 1  # the upstream specs have error-level findings
    err = capsys.readouterr().err
    assert "no such file" not in err and err.splitlines()[-1].startswith(f"{len(expected)} file(s) linted: ")


def test_lint_dir_and_file_named_together_lint_it_once(tmp_path: Path) -> None:
    spec = _write(tmp_path / "a/x.json", SWAGGER)
    assert lint([tmp_path / "a", spec, tmp_path / "a"], use_suppressions=False).files == [spec.resolve()]


def test_lint_follows_refs_unless_told_not_to(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    spec = SPEC.relative_to(ROOT).as_posix()
    common = (SPEC.parents[3] / "common-types/v1/common.json").relative_to(ROOT).as_posix()
    main(["lint", "--format", "json", "--no-suppressions", spec])
    assert {row["file"] for row in json.loads(capsys.readouterr().out)} == {spec, common}
    main(["lint", "--format", "json", "--no-suppressions", "--no-follow-refs", spec])
    assert {row["file"] for row in json.loads(capsys.readouterr().out)} == {spec}


def test_lint_dir_reports_an_unparsable_candidate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "a/x.json", SWAGGER)
    (tmp_path / "a/broken.json").write_text('{"swagger": "2.0",\n  "paths": {,}}', encoding="utf-8")
    assert main(["lint", str(tmp_path / "a")]) == 2
    err = capsys.readouterr().err
    assert re.search(r"broken\.json:2:13: error: malformed JSON", err)
    assert err.splitlines()[-1] == "1 file(s) linted: 1 error(s), 0 warning(s)"


def test_lint_dir_without_specs_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "a/package.json", {"name": "x"})
    _write(tmp_path / "a/examples/Get.json", SWAGGER)
    assert main(["lint", str(tmp_path / "a")]) == 2
    err = capsys.readouterr().err
    assert "a:1:1: error: no Swagger spec below this folder" in err
    assert "0 error(s)" not in err


def test_lint_missing_file_is_not_summarised_as_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = _write(tmp_path / "x.json", SWAGGER)
    assert main(["lint", str(tmp_path / "nope.json"), str(spec)]) == 2
    err = capsys.readouterr().err
    assert "nope.json:1:1: error: no such file or folder" in err
    assert "0 error(s)" not in err
    assert err.splitlines()[-1] == "1 file(s) linted: 1 error(s), 0 warning(s)"


# -- diff: exit statuses ------------------------------------------------------------------------


def test_diff_fails_on_errors_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    # The hand-written and TypeSpec layouts of 2024-11-01, edited in place: oad's errors.
    assert main(["diff", str(HANDWRITTEN_2024_11), str(SPEC), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert len(findings) == 88 and any(f["severity"] == "error" for f in findings)
    assert main(["diff", str(HANDWRITTEN_2024_11), str(SPEC), "--fail-on", "never"]) == 0
    # Only the api-version changed: an info finding, which fails nothing, even with warnings.
    assert main(["diff", str(HANDWRITTEN_2024_07), str(HANDWRITTEN_2024_11)]) == 0
    assert main(["diff", str(HANDWRITTEN_2024_07), str(HANDWRITTEN_2024_11), "--fail-on", "warning"]) == 0


def test_diff_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(SPEC), str(tmp_path / "nope.json"), "--fail-on", "never"]) == 2
    assert "error:" in capsys.readouterr().err


# -- generate --check: diff headers -------------------------------------------------------------


def _stale(folder: Path) -> dict[str, bytes]:
    (folder / "sub").mkdir(parents=True)
    (folder / "sub/kept.py").write_text("x = 1\n")
    (folder / "gone.py").write_text("y = 1\n")
    return {"sub/kept.py": b"x = 2\n", "new.py": b"z = 1\n"}


def _headers(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("--- ", "+++ "))]


def test_check_headers_outside_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    files = _stale(tmp_path / "out/pkg")
    assert _headers(diff((tmp_path / "out/pkg").absolute(), files)) == [
        "--- a/pkg/gone.py", "+++ /dev/null",
        "--- /dev/null", "+++ b/pkg/new.py",
        "--- a/pkg/sub/kept.py", "+++ b/pkg/sub/kept.py",
    ]


@pytest.mark.parametrize("given", ["out/pkg", "./out/pkg", "ABSOLUTE"])
def test_check_headers_inside_the_working_directory(given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = _stale(tmp_path / "out/pkg")
    folder = tmp_path / "out/pkg" if given == "ABSOLUTE" else Path(given)
    headers = _headers(diff(folder, files))
    assert headers[0] == "--- a/out/pkg/gone.py" and headers[-1] == "+++ b/out/pkg/sub/kept.py"


def test_check_headers_when_the_package_is_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _stale(tmp_path / "pkg")
    monkeypatch.chdir(tmp_path / "pkg")
    assert _headers(diff(Path.cwd(), files))[-2:] == ["--- a/sub/kept.py", "+++ b/sub/kept.py"]


def test_check_through_the_cli_with_an_absolute_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "pkg"]) == 0
    models = out / "pkg/models.py"
    models.write_text(models.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "pkg", "--check"]) == 1
    headers = _headers(capsys.readouterr().out)
    assert headers == ["--- a/out/pkg/models.py", "+++ b/out/pkg/models.py"]
    assert not any("//" in h for h in headers)
