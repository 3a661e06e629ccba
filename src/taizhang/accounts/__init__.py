"""Users, roles, login security, permissions."""
