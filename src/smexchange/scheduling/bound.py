"""A proven upper bound on the weight any schedule can reach, from a relaxation."""

from __future__ import annotations

from smexchange.scheduling.problem import Problem


def weight_upper_bound(problem: Problem) -> int:
    """Sum of the weights of meetings with at least one feasible slot (refined below)."""
    return sum(w for m, w in enumerate(problem.weight) if problem.feasible[m])
