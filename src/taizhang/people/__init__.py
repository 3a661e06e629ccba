"""Persons, deputies and cadre posts (人员、代表、职务)."""
