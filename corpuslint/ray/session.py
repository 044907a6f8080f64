"""Importing Ray only when asked for, and joining (or starting) a Ray cluster.

Ray is an optional extra: a run with the local executor never imports it, and
a run that asks for it without it installed gets a usage error saying how to
install it, never an ImportError traceback.
"""

from __future__ import annotations

import logging
from types import ModuleType

from corpuslint.errors import UsageError

INSTALL_HINT = "pip install 'corpuslint-text[ray]'"


class RayMissing(UsageError):
    """Ray was asked for and is not installed (a usage error: exit 2, with the install line)."""


def import_ray() -> ModuleType:
    """The `ray` module with Ray Data, or RayMissing saying how to install it."""
    try:
        import ray
        import ray.data  # Ray Data is a separate extra of Ray itself
    except ImportError as error:
        raise RayMissing(f"the ray executor needs Ray Data ({error}); install it with: "
                         f"{INSTALL_HINT}") from None
    return ray


def connect(address: str | None = None) -> ModuleType:
    """Ray, joined to the cluster at `address` (or a local one, as ray.init() starts it).

    A Ray already initialised in this process (a pipeline calling the API, a
    test) is used as it is. Progress bars stay off: corpuslint reports on its own.
    """
    ray = import_ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # its per-dataset notes would fill stderr
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    return ray
