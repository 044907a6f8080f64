"""`python -m corpuslint` runs the command line."""

from __future__ import annotations

import sys

from corpuslint.cli import main

sys.exit(main())
