"""The one settings object: declared in mkdocs.yml, read the same way by the build and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

from samverkan.settings import Settings, SettingsError, make_settings, read_settings


def test_defaults_point_at_nothing_that_does_not_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["SAMVERKAN_PUBLISHER", "SAMVERKAN_FEEDBACK_URL", "SAMVERKAN_EDIT_URL", "SAMVERKAN_DATA"]:
        monkeypatch.delenv(name, raising=False)
    settings = read_settings(ROOT / "mkdocs.yml")
    assert (settings.edit_url, settings.feedback_url, settings.repository, settings.publisher) == ("", "", "", "")
    assert settings.data == ROOT / "data"
    assert settings.warnings() == [
        "extra.samverkan.publisher är tom: tillgänglighetsredogörelsen ska namnge utgivaren",
        "varken extra.samverkan.feedback_url eller contact_email är angiven: "
        "tillgänglighetsredogörelsen ska ha ett sätt att lämna synpunkter",
    ]


def test_variables_fill_mkdocs_yml_and_flags_win(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SAMVERKAN_PUBLISHER", "Region Exempel")
    monkeypatch.setenv("SAMVERKAN_EDITION", "public")
    monkeypatch.setenv("SAMVERKAN_SITE_NAME", "Exempelportalen")
    settings = read_settings(ROOT / "mkdocs.yml")
    assert (settings.publisher, settings.edition, settings.name) == ("Region Exempel", "public", "Exempelportalen")
    assert read_settings(ROOT / "mkdocs.yml", edition="intern", data=tmp_path).edition == "intern"
    assert read_settings(ROOT / "mkdocs.yml", data=tmp_path).data == tmp_path


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"edition": "hemlig"}, "extra.samverkan.edition: fann ”hemlig”, förväntade ett av: intern, public"),
        (
            {"feedback_url": "www.exempel.se"},
            "extra.samverkan.feedback_url: förväntade en webbadress som börjar med https://",
        ),
        ({"contact_email": "ingen adress"}, "extra.samverkan.contact_email: förväntade en e-postadress"),
        ({"publicher": "X"}, "extra.samverkan.publicher: okänd inställning; kända: site_name, description, publisher"),
    ],
)
def test_wrong_settings_are_named_in_swedish(values: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as error:
        make_settings(values, ROOT)
    assert message in str(error.value)


def test_an_unconfigured_site_builds_but_says_what_it_lacks(tmp_path: Path) -> None:
    unset = {
        "SAMVERKAN_PUBLISHER": "",
        "SAMVERKAN_FEEDBACK_URL": "",
        "SAMVERKAN_CONTACT_EMAIL": "",
        "SAMVERKAN_EDIT_URL": "",
    }
    result = mkdocs_build(tmp_path / "site", None, **unset)
    assert result.returncode == 0, result.stderr
    assert "Varning: extra.samverkan.publisher är tom" in result.stderr
    page = (tmp_path / "site" / "organisationer" / "region-gotland" / "index.html").read_text(encoding="utf-8")
    assert "/edit/" not in page and "github.com" not in page
    statement = (tmp_path / "site" / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    assert "Vem som står bakom webbplatsen Samverkansportalen är ännu inte angivet" in statement
    assert "Kontaktvägar för synpunkter är ännu inte angivna" in statement
    assert "Lämna synpunkter om tillgängligheten" not in statement


def test_settings_are_one_frozen_object() -> None:
    settings = Settings()
    with pytest.raises(ValueError, match="frozen"):
        settings.publisher = "X"  # type: ignore[misc]
