"""The demo county: invented townships, people and records for `taizhang demo` and tests.

It sits above every register app (it writes through their services and demo modules), so
`core` stays a base layer that imports no other app.
"""
