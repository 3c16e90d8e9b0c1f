"""The subcommands of ``raci``, one module each (see :mod:`raci.cli`)."""
