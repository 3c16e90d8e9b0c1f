"""`python -m raci` runs the same command as `raci`."""

import sys

from raci.cli import main

sys.exit(main())
