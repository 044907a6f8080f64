"""corpuslint on Ray: the `--executor ray` backend and the pipeline API (`lint`, `clean`).

Importing this package does not import Ray; calling into it does, and says how
to install it when it is missing (session.RayMissing).
"""

from corpuslint.ray.pipeline import clean, lint

__all__ = ["clean", "lint"]
