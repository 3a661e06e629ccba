"""Base templates, navigation, dashboard."""
