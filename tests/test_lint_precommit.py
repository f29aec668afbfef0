"""A real pre-commit run of this repository's hooks (.pre-commit-hooks.yaml) in a throw-away repo.

pre-commit pip-installs specgen (from this checkout's HEAD) into its own virtualenv, which needs
PyPI for jinja2, black and pyyaml: slow (about a minute), hence `slow` (deselect with -m "not slow").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed"),
]

GOOD = """{"swagger": "2.0", "info": {"title": "Widgets", "version": "2024-01-01"},
  "paths": {"/subscriptions/{subscriptionId}/providers/Microsoft.X/widgets/{name}": {
    "put": {"operationId": "Widgets_CreateOrUpdate", "description": "Create or update a widget.",
      "parameters": [{"name": "api-version", "in": "query", "required": true, "type": "string"},
        {"name": "subscriptionId", "in": "path", "required": true, "type": "string"},
        {"name": "name", "in": "path", "required": true, "type": "string"}],
      "responses": {"200": {"description": "Replaced."}, "201": {"description": "Created."},
        "default": {"description": "Error.", "schema": {"$ref": "#/definitions/ErrorResponse"}}}}}},
  "definitions": {
    "ErrorResponse": {"type": "object", "description": "An error.", "properties": {"error": {"$ref": "#/definitions/ErrorDetail"}}},
    "ErrorDetail": {"type": "object", "description": "The error detail.",
      "properties": {"code": {"type": "string", "description": "The code."}, "message": {"type": "string", "description": "The message."}}}
  }}
"""
BAD = GOOD.replace(' "201": {"description": "Created."},', "")  # PutResponseCodes, on the operation (3:5)
# A service keeps its operations API in another file: said once, with a reason, beside the spec.
SUPPRESSIONS = """suppressions:
  - rule: OperationsAPIImplementation
    file: widgets.json
    pointer: ""
    reason: the operations API is in operations.json, another file of this service
"""


def sh(*cmd: str, cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def test_hooks_from_a_plain_repo_rev_entry(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never", GIT_CONFIG_NOSYSTEM="1")
    # The hooks as another repository sees them: this checkout's HEAD, cloned.
    snapshot = tmp_path / "specgen"
    sh("git", "clone", "--quiet", str(ROOT), str(snapshot), cwd=tmp_path, env=env)
    rev = sh("git", "rev-parse", "HEAD", cwd=snapshot, env=env).stdout.strip()

    repo = tmp_path / "consumer"
    repo.mkdir()
    sh("git", "init", "--quiet", "-b", "main", cwd=repo, env=env)
    for key, value in (("user.email", "ci@example.invalid"), ("user.name", "CI"), ("commit.gpgsign", "false")):
        sh("git", "config", key, value, cwd=repo, env=env)
    shutil.copytree(snapshot / "specs", repo / "specs")
    shutil.copy(snapshot / "pyproject.toml", repo / "pyproject.toml")  # its [tool.specgen] table
    # generated/ as the hooks' own specgen makes it (same revision).
    sh(sys.executable, "-m", "generator", "generate", cwd=repo, env=dict(env, PYTHONPATH=str(snapshot)))
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: specgen-lint\n      - id: specgen-check\n",
        encoding="utf-8",
    )
    sh("git", "add", "-A", cwd=repo, env=env)
    sh("git", "commit", "--quiet", "--no-verify", "-m", "upstream specs and generated package", cwd=repo, env=env)
    sh("pre-commit", "install", cwd=repo, env=env)

    # A spec with a problem: the commit is refused, with file:line:col.
    spec = repo / "specification" / "widgets" / "widgets.json"
    spec.parent.mkdir(parents=True)
    (spec.parent / "suppressions.yaml").write_text(SUPPRESSIONS, encoding="utf-8")
    spec.write_text(BAD, encoding="utf-8")
    sh("git", "add", str(spec), str(spec.parent / "suppressions.yaml"), cwd=repo, env=env)
    head = sh("git", "rev-parse", "HEAD", cwd=repo, env=env).stdout
    proc = sh("git", "commit", "-m", "add widgets", cwd=repo, env=env, check=False)
    assert proc.returncode != 0, proc.stdout + proc.stderr
    out = proc.stdout + proc.stderr
    assert "specification/widgets/widgets.json:3:5: error PutResponseCodes" in out, out
    assert sh("git", "rev-parse", "HEAD", cwd=repo, env=env).stdout == head

    # Fixed: the commit goes through (specgen-check is skipped: no specs/ or generated/ change).
    spec.write_text(GOOD, encoding="utf-8")
    sh("git", "add", str(spec), cwd=repo, env=env)
    proc = sh("git", "commit", "-m", "add widgets", cwd=repo, env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout + proc.stderr
    assert "specgen lint" in out and "Passed" in out

    # The same hook through `pre-commit try-repo` (the way to try hooks before pinning a rev).
    spec.write_text(BAD, encoding="utf-8")
    proc = sh("pre-commit", "try-repo", str(snapshot), "specgen-lint", "--ref", rev, "--files", "specification/widgets/widgets.json",
              cwd=repo, env=env, check=False)
    assert proc.returncode == 1 and "widgets.json:3:5: error PutResponseCodes" in proc.stdout, proc.stdout + proc.stderr
    spec.write_text(GOOD, encoding="utf-8")

    # generated/ edited by hand: specgen-check refuses the commit.
    models = repo / "generated" / "runcommands" / "models.py"
    models.write_text(models.read_text(encoding="utf-8") + "\n# edited by hand\n", encoding="utf-8")
    sh("git", "add", str(models), cwd=repo, env=env)
    proc = sh("git", "commit", "-m", "hand edit", cwd=repo, env=env, check=False)
    assert proc.returncode != 0, proc.stdout + proc.stderr
    out = proc.stdout + proc.stderr
    assert "specgen generate --check" in out and "Failed" in out, out
    assert "is stale" in out, out
