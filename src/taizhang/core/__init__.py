"""Organisation tree, base model, data scope, audit trail, calendar."""
