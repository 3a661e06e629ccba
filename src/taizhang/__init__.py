"""taizhang (台账): township work ledgers and year-end documents."""

__version__ = "0.1.0"
