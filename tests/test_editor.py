"""The form editor at /redigera/: its configuration, generated from the models; its file format,
under node; and an editor's round in Chromium against decap-server, the local backend, from the
empty form to the built pages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BIN, ROOT, free_port, mkdocs_build, serving
from playwright.sync_api import Page, expect

from samverkan.ingest.yamlplain import parse_plain_yaml
from samverkan.model.kinds import KINDS
from samverkan.outputs.editor import config_text, editor_config, editor_files
from samverkan.outputs.schemas import record_schema
from samverkan.settings import Settings, SettingsError

GOLDEN = Path(__file__).parent / "golden" / "editor-config.yml"
VENDOR = ROOT / "vendor"
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
EDITOR_SERVER = ROOT / "hooks" / "samverkan" / "dev" / "editor_server.js"
GITHUB = Settings(
    repository="https://github.com/exempelregionen/samverkan",
    editor_auth_url="https://inloggning.exempel.se",
    vendor=VENDOR,
)
LOCAL = Settings(editor_proxy="http://127.0.0.1:8081/api/v1", vendor=VENDOR)


def _walk(fields: list[dict[str, Any]], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for field in fields:
        yield prefix + field["name"], field
        inner = field.get("fields") or ([field["field"]] if "field" in field else [])
        yield from _walk(inner, f"{prefix}{field['name']}.")


def test_every_kind_and_field_is_in_the_form_with_its_swedish_title() -> None:
    config = editor_config(LOCAL)
    assert [collection["name"] for collection in config["collections"]] == list(KINDS)
    for collection in config["collections"]:
        schema = record_schema(collection["name"])
        fields = collection["fields"]
        assert [field["name"] for field in fields] == list(schema["properties"])
        for key, field in zip(schema["properties"], fields, strict=True):
            assert field["label"] == schema["properties"][key]["title"]
            # (Decap shows hints as Markdown: the help's own "*kursiv*" is escaped to show as written.)
            assert re.sub(r"\\(.)", r"\1", field["hint"]).startswith(schema["properties"][key]["description"])
        assert collection["folder"] == collection["name"]  # decap-server is given the data folder itself
        assert fields[0]["comment"] == f"yaml-language-server: $schema=../schemas/{collection['name']}.schema.json"
        # Visibility in every object, last.
        assert all(field["fields"][-1]["name"] == "visibility" for _, field in _walk(fields) if "fields" in field), (
            collection["name"]
        )


def test_vocabularies_are_selects_references_relations_and_lists_lists() -> None:
    fields = dict(
        _walk(next(c for c in editor_config(LOCAL)["collections"] if c["name"] == "collaborations")["fields"])
    )
    assert fields["status"]["widget"] == "select"
    assert {"label": "På prov", "value": "pa_prov"} in fields["status"]["options"]
    assert fields["status"]["hint"].endswith("Exempel: Förslag")  # the label an editor sees, not the value
    assert fields["parties.organisation"] | {"hint": ""} == {
        "name": "organisation",
        "label": "Organisation",
        "hint": "",
        "widget": "relation",
        "collection": "organisations",
        "value_field": "id",
        "search_fields": ["name", "short_name", "id"],
        "display_fields": ["name"],
        "options_length": 50,
    }
    assert fields["parties"]["widget"] == "list" and fields["parties"]["min"] == 1
    assert "required" not in fields["parties"]
    assert fields["assignments.responsible"]["widget"] == "relation" and fields["assignments.responsible"]["multiple"]
    assert fields["purposes"]["widget"] == "list" and fields["purposes"]["field"]["widget"] == "text"
    assert fields["meetings.months"]["field"] | {"name": ""} == {
        "name": "",
        "label": "Värde",
        "widget": "number",
        "value_type": "int",
        "min": 1,
        "max": 12,
    }
    assert fields["period.start"]["pattern"][0] == r"^\d{4}(-\d{2}(-\d{2})?)?$"
    # Within an optional object, the form does not demand its fields; the hint says when they are needed.
    assert fields["case.reference"]["required"] is False
    assert fields["case.reference"]["hint"] == (
        "Diarienumret precis som det skrivs. Krävs om du fyller i Ärende. Exempel: RS 2022/1483"
    )
    assert "required" not in fields["related_cases.case.reference"]  # the case of a related case is required


def test_the_published_configuration_is_the_golden_file() -> None:
    """Saving opens a pull request; the whole generated file is reviewed in tests/golden/."""
    text = config_text(GITHUB)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github"
    assert config["backend"]["repo"] == "exempelregionen/samverkan"
    assert config["backend"]["base_url"] == "https://inloggning.exempel.se"
    assert "local_backend" not in config
    assert [c["folder"] for c in config["collections"]] == [f"data/{kind}" for kind in KINDS]


def test_backends() -> None:
    gitlab = Settings(
        repository="https://gitlab.exempel.se/region/samverkan",
        edit_url="https://gitlab.exempel.se/region/samverkan/-/edit/publicerad/",
        editor_app_id="abc123",
    )
    assert gitlab.editor_backend() == {
        "name": "gitlab",
        "repo": "region/samverkan",
        "branch": "publicerad",
        "auth_type": "pkce",
        "app_id": "abc123",
        "base_url": "https://gitlab.exempel.se",
        "api_root": "https://gitlab.exempel.se/api/v4",
    }
    dotgit = Settings(repository="https://github.com/exempel/samverkan.git/", editor_auth_url="https://a.exempel.se")
    assert dotgit.editor_backend() == {
        "name": "github",
        "repo": "exempel/samverkan",
        "branch": "main",
        "base_url": "https://a.exempel.se",
    }
    # Without a way to log in, there is no published editor, and the build says why.
    unconfigured = Settings(repository="https://github.com/exempelregionen/samverkan")
    assert unconfigured.editor_backend() is None
    assert any("formulärredigeraren publiceras inte" in warning for warning in unconfigured.warnings())
    assert editor_files(None, unconfigured) == []  # type: ignore[arg-type]  # (it reads no catalog)
    assert editor_files(None, Settings()) == []  # type: ignore[arg-type]


def test_a_missing_decap_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(
        SettingsError, match=r"formulärredigeraren behöver decap-cms i .*kör make build eller make serve"
    ):
        editor_files(None, GITHUB.model_copy(update={"vendor": tmp_path}))  # type: ignore[arg-type]


def _need(*paths: Path) -> None:
    """What make test fetches with npm: a failure in CI, a skip elsewhere without it."""
    missing = [path.relative_to(ROOT).as_posix() for path in paths if not path.is_file()]
    if missing:
        message = f"{', '.join(missing)} saknas: make test hämtar det med npm"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        _need(ROOT / "node")  # (reports node as missing)
    _need(VENDOR / "yaml" / "dist" / "index.js")
    return str(node)


TRICKY = [
    *(
        f"{word}{suffix}"
        for word in ("yes", "No", "oN", "OfF", "y", "N", "true", "False", "null", "~")
        for suffix in ("", " ")
    ),
    *(
        [
            "0755",
            "0o17",
            "0O17",
            "0x1F",
            "0X1F",
            "0b1",
            "0B1",
            "1_000",
            "10:30",
            "1:20:30.5",
            "1e5",
            ".inf",
            "-.Inf",
            ".NaN",
            "12",
            "-3",
            "+4",
            "1.5",
            ".5",
            "0",
            "00",
        ]
    ),
    *(["2023-06-30", "2023-06", "2023", "Region", "Gotland", "RS", "2022/1483", "§-11", "-", "a:", "b", "#c"]),
]
"""Texts a YAML tool could read as something else: the form must write each back as the same text."""


def test_the_file_format_under_node(tmp_path: Path) -> None:
    config = tmp_path / "config.json"
    config.write_text(json.dumps(editor_config(LOCAL), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [_node(), "--test", str(ROOT / "tests" / "js" / "editor-format.test.mjs")],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "EDITOR_CONFIG": str(config),
            "YAML_LIB": str(VENDOR / "yaml" / "dist" / "index.js"),
            "DATA": str(ROOT / "data"),
            "TRICKY": json.dumps(TRICKY),
            "TRICKY_OUT": str(tmp_path / "tricky.yml"),
        },
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
    # What the form wrote is what the check reads: the same texts, no finding.
    parsed = parse_plain_yaml((tmp_path / "tricky.yml").read_text(encoding="utf-8"))
    assert parsed.findings == []
    assert parsed.value["nature"] == TRICKY


def test_the_published_editor_loads_its_own_files_only(page: Page, site_url: str) -> None:
    """On the published site (GitLab here, tests/conftest.py), the guide leads to the editor, which
    asks editors to log in, and until they do, nothing is fetched from any other host."""
    _need(VENDOR / "decap-cms" / "decap-cms.js")
    page.goto(site_url + "redaktorer/")
    guide = page.locator("article li", has_text="Med formulär")
    expect(guide).to_contain_text("Välj Spara: ändringen blir en pull request")
    expect(guide).not_to_contain_text("Ändra:")  # the next point stands on its own
    guide.get_by_role("link", name="formulärredigeraren").click()
    expect(page).to_have_url(re.compile(re.escape(site_url + "redigera/")))
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(site_url) else elsewhere.append(request.url))
    page.reload()
    expect(page.get_by_role("button", name="Logga in med GitLab")).to_be_visible(timeout=30_000)
    assert elsewhere == []
    config = yaml.safe_load(page.request.get(site_url + "redigera/config.yml").text())
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["repo"] == "samverkan"


@contextmanager
def decap_server(data: Path, origin: str) -> Iterator[str]:
    """decap-server, the local backend, saving into data, as make serve starts it."""
    node = _node()
    _need(DECAP_SERVER)
    port = free_port()
    env = {**os.environ, "PORT": str(port), "ORIGIN": origin, "GIT_REPO_DIRECTORY": str(data), "LOG_LEVEL": "warn"}
    server = subprocess.Popen(
        [node, str(EDITOR_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        started = next((line for line in server.stdout or [] if "listening" in line), None)
        assert started, "decap-server startade inte"
        threading.Thread(target=lambda: server.stdout and server.stdout.read(), daemon=True).start()
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_local_server_answers_only_the_preview(tmp_path: Path) -> None:
    """Requests addressed by another name (DNS rebinding) or from another page are refused."""
    origin = "http://127.0.0.1:8000"
    with decap_server(tmp_path, origin) as api:

        def ask(**headers: str) -> int:
            request = urllib.request.Request(
                api, data=b'{"action":"info"}', headers={"Content-Type": "application/json", **headers}
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return int(response.status)
            except urllib.error.HTTPError as error:
                return error.code

        assert ask(Origin=origin) == 200
        assert ask(Host="angripare.example:80", Origin=origin) == 403
        # CORS: the browser may not read the answer on a page served from anywhere else.
        request = urllib.request.Request(
            api, method="OPTIONS", headers={"Origin": "http://127.0.0.1:9999", "Access-Control-Request-Method": "POST"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers.get("Access-Control-Allow-Origin") != "http://127.0.0.1:9999"


def choose(page: Page, label: str, text: str) -> None:
    """Pick an option in a select or relation field by typing, as an editor does."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.keyboard.type(text)
    page.get_by_role("option", name=text, exact=True).click()


def publish(page: Page, file: Path) -> None:
    """Save (Decap's word is publish: locally it writes the file), and wait until file is written."""
    before = file.read_text(encoding="utf-8") if file.exists() else None
    expect(page.get_by_text("Osparade ändringar")).to_be_visible()
    page.get_by_role("button", name="Publicera", exact=True).click()
    page.get_by_text("Publicera nu").click()
    expect(page.get_by_text("Ändringar sparade")).to_be_visible(timeout=30_000)
    for _ in range(300):
        if file.exists() and file.read_text(encoding="utf-8") != before:
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"{file.name} skrevs inte")
    # A new record's form then moves to the record's own address: wait, or it moves away from the next.
    expect(page).to_have_url(re.compile("/entries/"))


def test_an_editor_adds_an_organisation_and_an_agreement_with_it(page: Page, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    jamtland = "collaborations/overenskommelse-lansstyrelsen-region-jamtland-harjedalen.yml"
    before = (data / jamtland).read_text(encoding="utf-8")
    elsewhere: list[str] = []
    page.on("request", lambda request: None if "://127.0.0.1:" in request.url else elsewhere.append(request.url))
    port = free_port()
    with (
        decap_server(data, f"http://127.0.0.1:{port}") as proxy,
        serving(data, port, SAMVERKAN_EDITOR_PROXY=proxy) as url,
    ):
        page.goto(url + "redigera/")
        page.get_by_role("button", name="Logga in").click()

        page.goto(url + "redigera/#/collections/organisations/new")
        page.get_by_label("Id", exact=True).fill("umea-kommun")
        page.get_by_label("Namn", exact=True).fill("Umeå kommun")
        choose(page, "Typ", "Kommun")
        publish(page, data / "organisations" / "umea-kommun.yml")

        page.goto(url + "redigera/#/collections/collaborations/new")
        page.get_by_label("Id", exact=True).fill("samverkan-umea-gotland")
        page.get_by_label("Namn", exact=True).fill("Samverkan mellan Umeå kommun och Region Gotland")
        choose(page, "Typ", "Överenskommelse")
        choose(page, "Status", "Förslag")
        page.get_by_role("button", name="Lägg till part eller deltagare").click()
        choose(page, "Organisation", "Umeå kommun")  # found by its name: the record saved a moment ago
        choose(page, "Roll", "Part")
        page.get_by_role("button", name="Lägg till part eller deltagare").click()
        page.get_by_role("combobox", name="Organisation", exact=True).last.click()
        page.keyboard.type("Gotland")
        page.get_by_role("option", name="Region Gotland", exact=True).click()
        page.get_by_role("combobox", name="Roll", exact=True).last.click()
        page.keyboard.type("Part")
        page.get_by_role("option", name="Part", exact=True).click()
        publish(page, data / "collaborations" / "samverkan-umea-gotland.yml")

        # An existing record: one field filled in changes one line of its file.
        page.goto(url + "redigera/#/collections/collaborations")
        page.get_by_role("link", name=re.compile("^Överenskommelse om samverkan mellan")).click()
        page.get_by_label("Kortnamn (frivillig)", exact=True).fill("Samverkansöverenskommelsen")
        publish(page, data / jamtland)
    assert elsewhere == []

    assert (data / "organisations" / "umea-kommun.yml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/organisations.schema.json\n"
        "id: umea-kommun\n"
        "name: Umeå kommun\n"
        "classification: kommun\n"
    )
    assert (data / "collaborations" / "samverkan-umea-gotland.yml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/collaborations.schema.json\n"
        "id: samverkan-umea-gotland\n"
        "name: Samverkan mellan Umeå kommun och Region Gotland\n"
        "kind: overenskommelse\n"
        "status: forslag\n"
        "parties:\n"
        "  - organisation: umea-kommun\n"
        "    role: part\n"
        "  - organisation: region-gotland\n"
        "    role: part\n"
    )
    assert (data / jamtland).read_text(encoding="utf-8") == before.replace(
        "kind: overenskommelse\n", "kind: overenskommelse\nshort_name: Samverkansöverenskommelsen\n"
    )

    check = subprocess.run(
        [str(BIN / "python"), "-m", "samverkan", "check", "--data", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    counts = [len(list((data / kind).glob("*.yml"))) for kind in ("collaborations", "organisations")]
    assert counts == [
        len(list((ROOT / "data" / kind).glob("*.yml"))) + 1 for kind in ("collaborations", "organisations")
    ]
    assert "Inga fel hittades" in check.stdout

    site = tmp_path / "site"
    build = mkdocs_build(site, data)
    assert build.returncode == 0, build.stderr
    organisation = (site / "organisationer" / "umea-kommun" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in organisation and "Umeå kommun" in organisation
    assert "Samverkan mellan Umeå kommun och Region Gotland" in organisation  # the back-reference
    agreement = (site / "samverkan" / "samverkan-umea-gotland" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../organisationer/umea-kommun/"' in agreement
