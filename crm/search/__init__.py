"""One search over people, organisations, partnerships, delegations and correspondence."""
