"""Render a document as HTML; each figure opens a popover listing its source records.

No script and no inline event handler: the site's CSP forbids them. The popover API
(``popover`` + ``popovertarget``) does the opening natively. A paragraph holds only its
text and the figure buttons; the popovers follow the paragraph as its siblings, so no
list ever sits inside a ``<p>`` and nothing of a source spills into the text or the print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from ..model import Document, FigureRun
from .sources import kinds_counted

CSS = """
@page{size:A4;margin:37mm 26mm 35mm 28mm}
.tz-doc{max-width:44em;margin:0 auto;font-family:"FangSong","仿宋_GB2312","仿宋",serif;
font-size:16pt;line-height:28.95pt;color:#000}
.tz-doc h1{font-family:"方正小标宋简体","SimSun",serif;font-size:22pt;font-weight:normal;
text-align:center;line-height:35pt;margin:0 0 28.95pt}
.tz-doc .tz-subtitle{text-align:center;font-family:"KaiTi","楷体_GB2312",serif}
.tz-doc h2,.tz-doc h3,.tz-doc h4,.tz-doc h5{font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.tz-doc h2{font-family:"SimHei","黑体",sans-serif}
.tz-doc h3{font-family:"KaiTi","楷体_GB2312",serif}
.tz-doc p{margin:0;text-indent:2em;text-align:justify}
.tz-doc p,.tz-doc h2,.tz-doc h3,.tz-doc h4,.tz-doc h5{letter-spacing:-.25pt}
.tz-doc .tz-salutation{text-indent:0}
.tz-doc .tz-sign{text-align:right;text-indent:0;padding-right:2em}
.tz-doc .tz-sign-first{margin-top:28.95pt}
.tz-fig{font:inherit;color:inherit;background:#fff6d5;border:0;border-bottom:1px dotted #a60;
padding:0;margin:0;cursor:pointer;text-indent:0;line-height:inherit}
.tz-sources{font-size:11pt;line-height:1.5;text-indent:0;max-width:30em;padding:.6em 1em;
border:1px solid #999;font-family:sans-serif;text-align:left}
.tz-sources ol{margin:.3em 0 0;padding-left:1.4em}
.tz-sources time{color:#555;margin-left:.5em}
@media print{.tz-doc{max-width:none}.tz-fig{display:contents}
.tz-sources,[popover]{display:none!important}}
"""

# Given a figure's source references, return the inner HTML of its popover listing.
Listing = Callable[[Sequence[str]], str]


def render_html(
    doc: Document,
    *,
    full_page: bool = False,
    listing: Listing | None = None,
    id_prefix: str = "tz",
    style_nonce: str | None = None,
) -> str:
    """Return the document as an HTML fragment (or a whole page with ``full_page``).

    ``listing`` renders the records behind one figure (titles, dates, links); the site
    passes its shared sources list. Without it the popover counts records by kind.
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
            parts, popovers = [], []
            for run in block.paragraph.runs:
                if isinstance(run, FigureRun):
                    fig += 1
                    pop = f"{id_prefix}-fig-{fig}"
                    parts.append(figure_button(run, pop))
                    popovers.append(figure_popover(run, pop, listing or count_listing))
                else:
                    parts.append(escape(run.text))
            out.append("<p>" + "".join(parts) + "</p>")
            out.extend(popovers)
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


def figure_button(run: FigureRun, pop_id: str) -> str:
    """Return the figure as it stands in the text: a button opening its popover."""
    return (
        f'<button type="button" class="tz-fig" popovertarget="{pop_id}" '
        f'data-fact="{escape(run.fact)}">{escape(run.text)}</button>'
    )


def figure_popover(run: FigureRun, pop_id: str, listing: Listing) -> str:
    """Return the popover of one figure, placed after its paragraph."""
    head = escape(run.label or run.fact)
    return (
        f'<div id="{pop_id}" popover class="tz-sources" role="note" '
        f'data-fact="{escape(run.fact)}"><strong>{head}：{len(run.sources)}条记录</strong>'
        f"{listing(run.sources)}</div>"
    )


def count_listing(refs: Sequence[str]) -> str:
    """Name how many records of each kind a figure counts (no database to read titles)."""
    return f"<p>{escape(kinds_counted(refs))}</p>"
