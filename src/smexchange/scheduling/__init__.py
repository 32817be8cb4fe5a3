"""Meeting scheduling engine: one-on-one meetings placed in slots, tables and booths.

A plain library (no Django): build an `Instance` (or parse the JSON of CONTRACTS.md
section 2 with `parse_instance`), call `schedule_meetings`, check with `validate`.
"""

from smexchange.scheduling.io import InstanceError, load_instance, parse_instance, solution_to_dict
from smexchange.scheduling.solve import Progress, schedule_meetings
from smexchange.scheduling.types import (
    Assignment,
    Instance,
    Interpreter,
    Locked,
    Meeting,
    Participant,
    Slot,
    Solution,
    Stats,
    Unscheduled,
)
from smexchange.scheduling.validate import Violation, compute_stats, validate

__all__ = [
    "Assignment",
    "Instance",
    "InstanceError",
    "Interpreter",
    "Locked",
    "Meeting",
    "Participant",
    "Progress",
    "Slot",
    "Solution",
    "Stats",
    "Unscheduled",
    "Violation",
    "compute_stats",
    "load_instance",
    "parse_instance",
    "schedule_meetings",
    "solution_to_dict",
    "validate",
]
