"""`python -m bench.load.seeder N [--reuse]`, in the benchmark's environment (Django set up first)."""

import sys

import django

django.setup()

from bench.load.seed import main  # noqa: E402 (needs the apps loaded)

main(sys.argv[1:])
