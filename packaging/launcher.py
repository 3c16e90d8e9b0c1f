"""The bundle's entry point: the same ``raci`` command as the installed package."""

import sys

from raci.cli import main

sys.exit(main())
