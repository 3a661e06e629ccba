"""Render a document as HTML; each figure opens a popover listing its source records.

No script and no inline event handler: the site's CSP forbids them. The popover API
(``popover`` + ``popovertarget``) does the opening natively.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..model import Document, FigureRun

CSS = """
.tz-doc{max-width:44em;margin:0 auto;font-family:"FangSong","仿宋_GB2312","仿宋",serif;
font-size:16pt;line-height:28.95pt;color:#000}
.tz-doc h1{font-family:"方正小标宋简体","SimSun",serif;font-size:22pt;font-weight:normal;
text-align:center;line-height:35pt;margin:0 0 28.95pt}
.tz-doc .tz-subtitle{text-align:center;font-family:"KaiTi","楷体_GB2312",serif}
.tz-doc h2,.tz-doc h3,.tz-doc h4,.tz-doc h5{font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.tz-doc h2{font-family:"SimHei","黑体",sans-serif}
.tz-doc h3{font-family:"KaiTi","楷体_GB2312",serif}
.tz-doc p{margin:0;text-indent:2em;text-align:justify}
.tz-doc .tz-salutation{text-indent:0}
.tz-doc .tz-sign{text-align:right;text-indent:0;padding-right:2em}
.tz-doc .tz-sign-first{margin-top:28.95pt}
.tz-fig{font:inherit;color:inherit;background:#fff6d5;border:0;border-bottom:1px dotted #a60;
padding:0;cursor:pointer;text-indent:0}
.tz-sources{font-size:11pt;line-height:1.5;text-indent:0;max-width:28em;padding:.6em 1em;
border:1px solid #999;font-family:sans-serif}
.tz-sources ul{margin:.3em 0 0;padding-left:1.2em}
@media print{.tz-fig{background:none;border:0}.tz-sources{display:none}}
"""

SourceLink = Callable[[str], str | None]


def render_html(
    doc: Document,
    *,
    full_page: bool = False,
    source_url: SourceLink | None = None,
    id_prefix: str = "tz",
    style_nonce: str | None = None,
    max_sources: int = 50,
) -> str:
    """Return the document as an HTML fragment (or a whole page with ``full_page``).

    ``source_url`` maps a record reference (``cases.Case:12``) to a link, or None.
    """
    out = ['<article class="tz-doc" lang="zh-CN">']
    fig = 0
    signed = False
    for block in doc.blocks():
        t = escape(block.text)
        if block.kind == "title":
            out.append(f"<h1>{t}</h1>")
        elif block.kind == "subtitle":
            out.append(f'<p class="tz-subtitle">{t}</p>')
        elif block.kind == "salutation":
            out.append(f'<p class="tz-salutation">{t}</p>')
        elif block.kind == "heading":
            out.append(
                f'<h{block.level + 1} data-section="{escape(block.key)}">{t}</h{block.level + 1}>'
            )
        elif block.kind in ("signature", "date"):
            cls = "tz-sign" if signed else "tz-sign tz-sign-first"
            signed = True
            out.append(f'<p class="{cls}">{t}</p>')
        elif block.paragraph is not None:
            parts = []
            for run in block.paragraph.runs:
                if isinstance(run, FigureRun):
                    fig += 1
                    pop = f"{id_prefix}-fig-{fig}"
                    parts.append(figure_html(run, pop, source_url, max_sources))
                else:
                    parts.append(escape(run.text))
            out.append("<p>" + "".join(parts) + "</p>")
    out.append("</article>")
    body = "\n".join(out)
    if not full_page:
        return body
    nonce = f' nonce="{escape(style_nonce)}"' if style_nonce else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(doc.title)}</title><style{nonce}>{CSS}</style></head>"
        f"<body>\n{body}\n</body></html>\n"
    )


def figure_html(
    run: FigureRun, pop_id: str, source_url: SourceLink | None, max_sources: int = 50
) -> str:
    """Return a figure button and its popover listing the records it counts."""
    items = []
    for ref in run.sources[:max_sources]:
        url = source_url(ref) if source_url else None
        label = escape(ref)
        items.append(
            f'<li><a href="{escape(url)}">{label}</a></li>' if url else f"<li>{label}</li>"
        )
    if len(run.sources) > max_sources:
        items.append(f"<li>另有{len(run.sources) - max_sources}条记录未列出</li>")
    listing = "<ul>" + "".join(items) + "</ul>" if items else "<p>无来源记录</p>"
    head = escape(run.label or run.fact)
    return (
        f'<button type="button" class="tz-fig" popovertarget="{pop_id}" '
        f'data-fact="{escape(run.fact)}" data-sources="{escape(" ".join(run.sources))}">'
        f"{escape(run.text)}</button>"
        f'<span id="{pop_id}" popover class="tz-sources" role="note">'
        f"<strong>{head}：{len(run.sources)}条记录</strong>{listing}</span>"
    )
