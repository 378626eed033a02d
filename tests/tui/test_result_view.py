"""The TUI's list of the others reads like plain mode's and the exports': report's groups, in order."""

from __future__ import annotations

from wizard.report_why_not import WhyNot
from wizard.tui.result_view import why_not_text


def test_also_possible_and_not_looked_into_are_never_filed_under_not_for_you() -> None:
    rows = [
        WhyNot("ibo", "not_eligible", "IBO", "u woont niet in Vlaanderen", other=True,
               group="not_eligible_other"),
        WhyNot("evc", "possibly", "EVC", "", group="not_assessed"),
        WhyNot("vov", "not_eligible", "Opleidingsverlof", "uw opleiding duurt te kort"),
        WhyNot("bev", "possibly", "Betaald educatief verlof", "past minder", group="also"),
    ]  # fmt: skip
    text = why_not_text(rows, "nl").plain
    headings = [
        "Niet voor u",
        "Ook mogelijk voor u, maar minder passend bij wat u wilt",
        "Niet nagevraagd, omdat het minder past bij wat u wilt bereiken",
    ]
    positions = [text.index(h + "\n") for h in headings]
    assert positions == sorted(positions)
    not_for_you = text[positions[0] : positions[1]]
    assert "Opleidingsverlof" in not_for_you
    assert "Betaald educatief verlof" not in not_for_you and "EVC" not in not_for_you
    assert text.index("Betaald educatief verlof") < positions[2] < text.index("EVC")
    assert text.rindex("IBO") > text.index("EVC")  # other people's measures last
