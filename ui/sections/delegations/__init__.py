"""Delegations and visits."""
