"""MkDocs hooks for Samverkansportalen: this file only wires events to the adapter."""

from samverkan.adapters.mkdocs import on_config, on_files, on_post_build, on_post_page, on_startup

__all__ = ["on_config", "on_files", "on_post_build", "on_post_page", "on_startup"]
