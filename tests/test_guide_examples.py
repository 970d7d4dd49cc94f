"""Every example in the editors' guide works: its template for each kind, pasted into a file with
every optional field uncommented, passes the check against the real data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT

from samverkan.model.kinds import KINDS
from samverkan.pipeline import check_data
from samverkan.site.guide import record_template

FIELD_LINE = re.compile(r"^# ((?:[a-z_]+:|  |- ).*)$")
"""A commented-out line of YAML in a template; the help lines above them start with a title."""


def uncommented(template: str) -> str:
    lines = []
    for line in template.splitlines():
        field = FIELD_LINE.match(line)
        if field or not line.startswith("#"):
            lines.append(field.group(1) if field else line)
    return "\n".join(lines) + "\n"


def test_the_guides_templates_pass_the_check_with_every_field_filled_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for kind in KINDS:
        template = record_template(kind, "ny-post", "Namn på posten")  # as the guide shows it
        (data / kind / "ny-post.yml").write_text(template, encoding="utf-8")
        (data / kind / "alla-falt.yml").write_text(
            uncommented(template).replace("ny-post", "alla-falt"), encoding="utf-8"
        )
        if kind == "collaborations":  # an optional field, shown commented out, is uncommented
            assert "\n# period:" in template and "\nperiod:" in uncommented(template)
    check_data(data)  # raises DataErrors, with every problem, if an example does not pass
