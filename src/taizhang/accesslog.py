"""The web server's access log without what users typed.

A query string carries search terms (a person's name, an ID number); a referer carries
the previous page's. The log keeps the method, path, status, size and timing, and for a
query only the names of its parameters, so that a search is seen to have happened
without its term: ``GET /people/?{q,page} HTTP/1.1``.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from gunicorn.glogging import Logger

# Header and environ atoms that repeat the query string or the referer.
HIDDEN = ("{referer}i", "{query_string}e", "{raw_uri}e", "{request_uri}e", "{http_referer}e")


def query_names(query: str) -> str:
    names = dict.fromkeys(name for name, _ in parse_qsl(query, keep_blank_values=True))
    return "?{" + ",".join(names) + "}" if query else ""


class PrivateAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        query = environ.get("QUERY_STRING", "")
        method, path = environ.get("REQUEST_METHOD", "-"), environ.get("PATH_INFO", "")
        atoms["r"] = f"{method} {path}{query_names(query)} {environ.get('SERVER_PROTOCOL', '')}"
        atoms["q"] = query_names(query)
        referer = environ.get("HTTP_REFERER")
        atoms["f"] = urlsplit(referer)._replace(query="", fragment="").geturl() if referer else "-"
        for key in HIDDEN:
            atoms.pop(key, None)
        return atoms
