"""Deputies duty records, quotas, liaison, publicity and budget (履职、宣传、经费)."""
