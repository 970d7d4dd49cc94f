"""The one settings object: what a deployment of Samverkansportalen configures.

It is declared in mkdocs.yml under `extra.samverkan`, each value with an `!ENV` default, and
validated here, once, with Swedish messages. The MkDocs adapter reads it from MkDocs's config; the
command line reads the same file itself (without MkDocs), so both see the same values.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from samverkan.catalog.edition import EDITIONS, INTERNAL, PUBLIC

DESCRIPTION = (
    "Samverkansöverenskommelser och interna samverkansstrukturer hos regioner och länsstyrelser, "
    "sökbara och samlade på ett ställe."
)


class SettingsError(Exception):
    """The settings are wrong; the message says where and how, in Swedish."""


class Settings(BaseModel):
    """The settings of one site. Addresses left empty leave their links out."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    site_name: str = Field("Samverkansportalen", min_length=1)
    description: str = DESCRIPTION
    publisher: str = ""
    """The body behind the site, named in the accessibility statement; the build warns while empty."""
    contact_email: str = ""
    feedback_url: str = ""
    edition: str = INTERNAL
    data: Path = Path("data")
    """The data folder; relative to mkdocs.yml's folder."""
    repository: str = ""
    """The repository's address, for readers who want the source."""
    site_url: str = ""
    """The site's own address (MkDocs's site_url, set from it): open-data metadata names files by it."""
    edit_url: str = ""
    """The address that a data file's path is appended to for "Redigera": …/edit/main/."""
    editor_auth_url: str = ""
    """The form editor on GitHub: the address of the OAuth client that logs editors in."""
    editor_app_id: str = ""
    """The form editor on GitLab: the id of the OAuth application (PKCE, no server needed)."""
    editor_proxy: str = ""
    """The local form editor: the address of decap-server, which writes into this checkout (make serve)."""
    base: Path = Path(".")
    """The folder of mkdocs.yml, which `data` and `vendor` are relative to (set when read)."""
    vendor: Path = Path("vendor")
    """Where `make` puts the pinned third-party files the site serves (Decap CMS); relative to mkdocs.yml's folder."""

    @field_validator("feedback_url", "repository", "edit_url", "editor_auth_url", "editor_proxy", "site_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("förväntade en webbadress som börjar med https://")
        return value

    @field_validator("edition")
    @classmethod
    def _edition(cls, value: str) -> str:
        if value not in EDITIONS:
            raise ValueError(f"fann ”{value}”, förväntade ett av: {', '.join(EDITIONS)}")
        return value

    @field_validator("contact_email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value and ("@" not in value or " " in value):
            raise ValueError("förväntade en e-postadress")
        return value

    @property
    def name(self) -> str:
        """The site's name, as templates say it."""
        return self.site_name

    def warnings(self) -> list[str]:
        """What a published site should not lack, for the build to say."""
        found = []
        if not self.publisher:
            found.append("extra.samverkan.publisher är tom: tillgänglighetsredogörelsen ska namnge utgivaren")
        if not self.feedback_url and not self.contact_email:
            found.append(
                "varken extra.samverkan.feedback_url eller contact_email är angiven: "
                "tillgänglighetsredogörelsen ska ha ett sätt att lämna synpunkter"
            )
        if self.edition == PUBLIC and self.site_url and not (self.publisher and self.contact_email):
            found.append(
                "DCAT-beskrivningen för Sveriges dataportal (/datasets/dcat) skrivs inte: "
                "ange extra.samverkan.publisher och contact_email"
            )
        if self.repository and not self.editor_proxy and self.editor_backend() is None:
            found.append(
                "formulärredigeraren publiceras inte: ange extra.samverkan.editor_auth_url (GitHub) "
                "eller editor_app_id (GitLab), se README"
            )
        return found

    def commit_url(self, commit: str) -> str:
        """A commit's page in the repository (GitHub's form, or GitLab's); empty without a repository."""
        if not self.repository:
            return ""
        base = self.repository.rstrip("/").removesuffix(".git")
        return f"{base}/commit/{commit}" if base.startswith("https://github.com/") else f"{base}/-/commit/{commit}"

    def editor_backend(self) -> dict[str, str] | None:
        """Where the published form editor saves, as Decap CMS's `backend`: the repository, through
        a pull request. None when the repository or the way to log in is not configured."""
        match = re.fullmatch(r"https://([^/]+)/(.+?)(?:\.git)?/?", self.repository)
        if not match:
            return None
        host, repo = match.groups()
        branch = re.search(r"/edit/([^/]+)/?$", self.edit_url)
        backend = {"repo": repo, "branch": branch.group(1) if branch else "main"}
        if host == "github.com":
            return {"name": "github", **backend, "base_url": self.editor_auth_url} if self.editor_auth_url else None
        if not self.editor_app_id:
            return None
        site = f"https://{host}"
        return {
            "name": "gitlab",
            **backend,
            "auth_type": "pkce",
            "app_id": self.editor_app_id,
            "base_url": site,
            "api_root": f"{site}/api/v4",
        }


def make_settings(values: dict[str, Any] | None, base: Path, **overrides: Any) -> Settings:
    """Settings from the mapping under extra.samverkan (None and "" mean "use the default"), with
    the data folder resolved against base; SettingsError in Swedish when a value is wrong."""
    given = {key: value for key, value in (values or {}).items() if value not in (None, "")}
    given.update({key: value for key, value in overrides.items() if value not in (None, "")})
    try:
        settings = Settings.model_validate(given)
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            where = ".".join(str(part) for part in problem["loc"])
            if problem["type"] == "extra_forbidden":
                reason = f"okänd inställning; kända: {', '.join(Settings.model_fields)}"
            else:
                reason = str(problem.get("ctx", {}).get("error") or "fältet är tomt")
            lines.append(f"mkdocs.yml, extra.samverkan.{where}: {reason}")
        raise SettingsError("\n".join(lines)) from None
    return settings.model_copy(update={"base": base, "data": base / settings.data, "vendor": base / settings.vendor})


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, as far as settings go: `!ENV` is resolved, other tags
    (`!!python/name:` for a function) are left as None, since settings never use them."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable that is set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(config_file: Path, **overrides: Any) -> Settings:
    """The settings in a mkdocs.yml, for the command line; overrides come from its flags."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    extra = (config.get("extra") or {}).get("samverkan") if isinstance(config, dict) else None
    site_url = config.get("site_url") if isinstance(config, dict) else None
    return make_settings(extra, config_file.parent, **{"site_url": site_url, **overrides})
