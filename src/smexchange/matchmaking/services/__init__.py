"""Business operations of matchmaking: requests, availability, schedule runs, publishing."""
