"""The search analyser (content/assets/search/analyser.js) under node's own test runner, with the
Swedish stemmer and stop words of the installed Material (tests/js/analyser.test.js)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import material
import pytest
from conftest import ROOT

LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"


def test_analyser_under_node() -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("node saknas: CI installerar den med npm")
        pytest.skip("node saknas")
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "js" / "analyser.test.js")],
        capture_output=True,
        text=True,
        env={**os.environ, "MATERIAL_LUNR": str(LUNR)},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
