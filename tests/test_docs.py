"""Generated docs read as sentences: spec descriptions get their full stop before specgen's notes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.emit.text import sentence

GENERATED = Path(__file__).resolve().parents[1] / "generated/runcommands"


@pytest.mark.parametrize(("text", "expected"), [
    ("The name of the resource", "The name of the resource."),
    ("  Trailing space  ", "Trailing space."),
    ("Already a sentence.", "Already a sentence."),
    ("Ends with a question?", "Ends with a question?"),
    ("One of:", "One of:"),
    ("", ""),
])
def test_sentence(text: str, expected: str) -> None:
    assert sentence(text) == expected


def test_field_docstrings_put_a_full_stop_before_the_notes() -> None:
    tree = ast.parse((GENERATED / "models.py").read_text(encoding="utf-8"))
    docs = [n.value.value for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)]
    notes = [d for d in docs if "Read-only:" in d or "Wire name:" in d]
    assert notes, "the runCommands models have read-only and renamed fields"
    for doc in notes:
        head = doc.split(" Read-only:")[0].split(" Wire name:")[0].split("\nRead-only:")[0].rstrip()
        if head and head not in ("Read-only:", "Wire name:"):
            assert head[-1] in ".!?:;`", f"no full stop before the notes: {doc!r}"
