import pytest
from django.core.management import CommandError, call_command

from smexchange.common.management.commands.bench import available_benchmarks, find_repository_root

pytestmark = pytest.mark.unit


def test_bench_lists_the_benchmarks_of_the_repository():
    assert available_benchmarks(find_repository_root()) == ["load", "matching", "scheduling"]


def test_bench_refuses_an_unknown_benchmark_by_name():
    with pytest.raises(
        CommandError, match="unknown benchmark 'nosuch' \\(available: load, matching, scheduling\\)"
    ):
        call_command("bench", "nosuch")
