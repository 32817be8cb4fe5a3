"""`python -m bench.scheduling [--quick] [--seed N] [--no-write]` from the repository root."""

import sys

from bench.scheduling import run

sys.exit(run(sys.argv[1:]))
