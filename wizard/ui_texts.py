"""Every text of the program itself that a citizen reads: Dutch first, English alongside.

Content texts live in the YAML; these are the words around them (headings, hints, errors).
One table, so a translator finds them all in one place and a front end never invents its own.
"""

from __future__ import annotations

from wizard.model import Lang

UI_TEXTS: dict[str, tuple[str, str]] = {
    "first": ("Dit is de eerste vraag.", "This is the first question."),
    "progress": ("Vraag {n} van ongeveer {total}", "Question {n} of about {total}"),
    "unknown": ("Ik weet het niet", "I don't know"),
    "plain.hint": (
        "Typ het nummer van uw antwoord. '?' geeft uitleg, 'terug' gaat naar de vorige vraag.",
        "Type the number of your answer. '?' explains, 'back' goes to the previous question.",
    ),
    "plain.number_hint": (
        "Typ een getal. '?' geeft uitleg, 'terug' gaat naar de vorige vraag.",
        "Type a number. '?' explains, 'back' goes to the previous question.",
    ),
    "plain.no_help": (
        "Bij deze vraag is geen extra uitleg.",
        "There is no extra explanation for this question.",
    ),
    "plain.ended": (
        "De invoer stopte voor alle vragen beantwoord waren.",
        "Input ended before every question was answered.",
    ),
    "tui.hint_choice": (
        "Typ het cijfer van uw antwoord, of kies met ↑ ↓ en Enter.",
        "Type the number of your answer, or choose with ↑ ↓ and Enter.",
    ),
    "tui.hint_integer": ("Typ een getal en druk op Enter.", "Type a number and press Enter."),
    "tui.hint_date": (
        "Typ een datum als JJJJ-MM-DD en druk op Enter.",
        "Type a date as YYYY-MM-DD and press Enter.",
    ),
    "tui.hint_help": (" Uitleg: F1 of ?.", " Help: F1 or ?."),
    "tui.placeholder_integer": ("bijvoorbeeld 35", "for example 35"),
    "tui.placeholder_date": ("JJJJ-MM-DD", "YYYY-MM-DD"),
    "tui.error": ("Let op: {reason}", "Note: {reason}"),
    "tui.help_title": ("Uitleg", "Help"),
    "tui.no_help": (
        "Bij deze vraag is geen extra uitleg. Kies wat het best past, of 'Ik weet het niet'.",
        "There is no extra explanation for this question. Pick what fits best, or 'I don't know'.",
    ),
    "tui.result_help": (
        "Dit is uw resultaat. Escape gaat terug naar de laatste vraag; R begint opnieuw.",
        "This is your result. Escape goes back to the last question; R starts again.",
    ),
    "tui.help_closing": (
        "Druk op Escape of Enter om verder te gaan.",
        "Press Escape or Enter to go on.",
    ),
    "tui.restart": ("Start opnieuw", "Start again"),
    "tui.back": ("Terug", "Back"),
    "tui.help": ("Uitleg", "Help"),
    "tui.other_lang": ("English", "Nederlands"),
    "tui.quit": ("Stoppen", "Quit"),
    "result.title": ("Uw resultaat", "Your result"),
    "result.provisional": (
        "Voorlopig resultaat (nog niet alle vragen beantwoord)",
        "Provisional result (not all questions answered)",
    ),
    "result.recommended": ("Aanbevolen voor u", "Recommended for you"),
    "result.possibly": ("Misschien, na te gaan", "Possibly: to be checked"),
    "result.not_eligible": ("Niet voor u", "Not for you"),
    "result.not_eligible_other": (
        "Ook niet voor u: voor andere situaties of doelen",
        "Also not for you: for other situations or goals",
    ),
    "result.also": (
        "Ook mogelijk voor u, maar minder passend bij wat u wilt",
        "Also open to you, but a weaker fit for your goal",
    ),
    "result.not_assessed": (
        "Niet nagevraagd, omdat het minder past bij wat u wilt bereiken",
        "Not looked into, because it fits your goal less well",
    ),
    "result.tips": ("Ook handig", "Also useful"),
    "result.nothing": (
        "Op basis van uw antwoorden past geen enkele maatregel.",
        "Based on your answers, no measure applies.",
    ),
    "result.gives": ("Wat u krijgt", "What you get"),
    "result.why": ("Waarom", "Why"),
    "result.why_possibly": ("Waarom nog niet zeker", "Why not certain yet"),
    "result.combines": ("Samen te gebruiken met", "Can be combined with"),
    "result.next": ("Wat nu", "What next"),
    "result.check": ("Controleer", "Check"),
    "result.note": ("Let op", "Note"),
    "result.phone": ("Telefoon", "Phone"),
    "result.footer": (
        "Regels versie {version}, peildatum {date}",
        "Rules version {version}, reference date {date}",
    ),
    "result.not_a_decision": (
        "Dit resultaat wijst u de weg; het is geen beslissing. De dienst die de steun geeft, beslist.",
        "This result shows you the way; it is not a decision. The service that gives the support decides.",
    ),
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    nl, en = UI_TEXTS[key]
    return (en if lang == "en" else nl).format(**values)
