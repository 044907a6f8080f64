"""`python -m corpuslint` runs the command line."""

from __future__ import annotations

import sys

from corpuslint.cli.main import main

sys.exit(main())
