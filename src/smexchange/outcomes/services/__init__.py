"""Business operations of outcomes: follow-ups, deals, agreement documents, partnerships, reminders."""
