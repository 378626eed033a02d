"""The usage figures as one self-contained HTML page: tables and inline SVG bar charts.

Nothing is loaded from elsewhere (no scripts, fonts or images): the page opens offline and can be
mailed as it is. Every text from the content or the database is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from wizard.usage import NOTHING
from wizard.usage_stats import Summary

_ROW = 22
_LABEL = 330
_LABEL_CHARS = 44
_BAR = 360


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"


def bar_chart(
    title: str, rows: Sequence[tuple[str, float, str]], *, css_class: str, maximum: float = 1.0
) -> str:
    """Horizontal bars: (label, value, value as shown); ``maximum`` is a full bar."""
    height = _ROW * max(1, len(rows)) + 30
    width = _LABEL + _BAR + 80
    parts = [
        f'<svg class="chart {css_class}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
    ]
    top = maximum if maximum > 0 else 1.0
    for n, (label, value, shown) in enumerate(rows):
        y = 20 + n * _ROW
        length = round(_BAR * max(0.0, min(1.0, value / top)))
        parts += [
            f'<text x="{_LABEL - 8}" y="{y + 14}" text-anchor="end">{escape(_short(label))}'
            f"<title>{escape(label)}</title></text>",
            f'<rect x="{_LABEL}" y="{y + 2}" width="{length}" height="{_ROW - 6}"/>',
            f'<text x="{_LABEL + length + 6}" y="{y + 14}">{escape(shown)}</text>',
        ]
    if not rows:
        parts.append(f'<text x="10" y="30">{escape("(geen gegevens / no data)")}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #111; max-width: 60em; }
h1, h2 { font-weight: 600; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border-bottom: 1px solid #ccc; padding: 0.2em 0.8em; text-align: right; }
td:first-child, th:first-child { text-align: left; }
svg.chart text { font-size: 11px; fill: #111; }
svg.dropoff rect { fill: #b3261e; }
svg.outcomes rect { fill: #1b5e20; }
svg.unknown rect { fill: #8a5a00; }
"""


def html_report(summary: Summary, labels: Mapping[str, str] | None = None) -> str:
    labels = labels or {}

    def name(key: str) -> str:
        return labels.get(key, "geen / nothing" if key == NOTHING else key)

    drop = [(name(q.question), q.drop_off, f"{q.drop_off:.0%}") for q in summary.questions]
    unknown = [
        (name(q.question), q.unknown_share, f"{q.unknown_share:.0%}") for q in summary.questions
    ]
    most = max(summary.first_choice.values(), default=1)
    outcomes = [(name(i), float(n), str(n)) for i, n in summary.first_choice.items()]
    rows = "\n".join(
        f"<tr><td>{escape(name(q.question))}</td><td>{q.reached}</td><td>{q.abandoned}</td>"
        f"<td>{q.drop_off:.0%}</td><td>{q.answered}</td><td>{q.unknown_share:.0%}</td></tr>"
        for q in summary.questions
    )
    recommended = "\n".join(
        f"<tr><td>{escape(name(i))}</td><td>{summary.first_choice.get(i, 0)}</td><td>{n}</td></tr>"
        for i, n in summary.recommended.items()
    )
    period = f"{summary.first_day or '-'} – {summary.last_day or '-'}"
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Leerwijzer: gebruikscijfers / usage figures</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>Leerwijzer: gebruikscijfers <span lang="en">/ usage figures</span></h1>
<p>Anoniem: geen antwoorden, geen notities, geen codes. <span lang="en">Anonymous: no answers,
no notes, no codes.</span> Periode / period: {escape(period)}.</p>
<table>
<tr><th>Sessies / sessions</th><td>{summary.sessions}</td></tr>
<tr><th>Afgerond / finished</th><td>{summary.finished}</td></tr>
<tr><th>Afgebroken / abandoned</th><td>{summary.abandoned}</td></tr>
<tr><th>Gemiddeld aantal vragen / mean questions</th><td>{summary.mean_questions:.1f}</td></tr>
</table>
<h2 id="dropoff">Afhaken per vraag <span lang="en">/ drop-off per question</span></h2>
{bar_chart("Afhaken per vraag / drop-off per question", drop, css_class="dropoff")}
<h2 id="outcomes">Uitkomst per instrument <span lang="en">/ outcomes per instrument</span></h2>
<p>Eerste aanbeveling van elke afgeronde sessie. <span lang="en">First recommendation of each
finished session.</span></p>
{bar_chart("Uitkomst per instrument / outcomes", outcomes, css_class="outcomes", maximum=most)}
<h2 id="unknown">"Weet ik niet" per vraag <span lang="en">/ share of "I don't know"</span></h2>
{bar_chart('"Weet ik niet" per vraag', unknown, css_class="unknown")}
<h2>Per vraag <span lang="en">/ per question</span></h2>
<table>
<tr><th>Vraag / question</th><th>bereikt / reached</th><th>afgehaakt / abandoned</th>
<th>afhaken / drop-off</th><th>antwoorden / answers</th><th>weet niet / unknown</th></tr>
{rows}
</table>
<h2>Aanbevolen <span lang="en">/ recommended</span></h2>
<table>
<tr><th>Instrument</th><th>eerste / first</th><th>in de lijst / anywhere</th></tr>
{recommended}
</table>
</body>
</html>
"""
