"""Command line: `python -m samverkan SUBCOMMAND`."""

from __future__ import annotations

import sys

from samverkan.cli import main

sys.exit(main())
