"""Checker rules, one module per class of defect."""
