"""How long the fuzz tests run: briefly in ``make test``, 10,000 inputs per entry point in ``make fuzz``.

``RACI_FUZZ_EXAMPLES`` sets the number of inputs per entry point (``make
fuzz`` sets 10,000). Hypothesis keeps the failing inputs it finds in its
database and tries them first next time; the ones worth keeping for good
become regression tests in ``tests/test_hostile_*.py``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("RACI_FUZZ_EXAMPLES", "30"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # a slow input is the benchmark's business, not a failure here
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
)
