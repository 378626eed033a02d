"""Every text of the program itself that a citizen reads: Dutch first, English alongside.

Content texts live in the YAML; these are the words around them (headings, hints, errors).
One table, so a translator finds them all in one place and a front end never invents its own.
"""

from __future__ import annotations

from wizard.model import Lang
from wizard.ui_texts_tui import TUI_TEXTS

UI_TEXTS: dict[str, tuple[str, str]] = {
    "first": ("Dit is de eerste vraag.", "This is the first question."),
    "progress": ("Vraag {n} van ongeveer {total}", "Question {n} of about {total}"),
    "progress_open": ("Vraag {n}", "Question {n}"),
    "unknown": ("Ik weet het niet", "I don't know"),
    "plain.hint": (
        "Typ het nummer van uw antwoord, of een woord eruit. '?' geeft uitleg, 'terug' gaat "
        "naar de vorige vraag.",
        "Type the number of your answer, or a word from it. '?' explains, 'back' goes to the "
        "previous question.",
    ),
    "plain.multi_hint": (
        "U mag meer dan één antwoord kiezen. Typ de nummers met komma's ertussen, bijvoorbeeld "
        "1, 3. Typ 0 als geen enkel antwoord past. '?' geeft uitleg, 'terug' gaat naar de "
        "vorige vraag.",
        "You may choose more than one answer. Type the numbers separated by commas, for example "
        "1, 3. Type 0 if none of them fits. '?' explains, 'back' goes to the previous question.",
    ),
    "plain.type_unknown": ("typ 'weet niet'", "type 'don't know'"),
    "plain.number_hint": (
        "Typ een getal. '?' geeft uitleg, 'terug' gaat naar de vorige vraag.",
        "Type a number. '?' explains, 'back' goes to the previous question.",
    ),
    "plain.number_hint_unknown": (
        "Typ een getal, of 0 als u het niet weet. '?' geeft uitleg, 'terug' gaat naar de vorige "
        "vraag.",
        "Type a number, or 0 if you do not know. '?' explains, 'back' goes to the previous "
        "question.",
    ),
    "plain.date_hint": (
        "Typ een datum, bijvoorbeeld 1-9-2026. '?' geeft uitleg, 'terug' gaat naar de vorige "
        "vraag.",
        "Type a date, for example 2026-09-01. '?' explains, 'back' goes to the previous question.",
    ),
    "plain.you_chose": ("U koos: {answer}", "You chose: {answer}"),
    "plain.your_answer": ("Uw antwoord: {answer}", "Your answer: {answer}"),
    "plain.check_title": ("Controleer uw antwoorden:", "Check your answers:"),
    "plain.check_hint": (
        "Klopt alles? Druk dan op Enter om uw resultaat te zien. Wilt u iets wijzigen? Typ het "
        "nummer van dat antwoord (1 tot {last}).",
        "Is everything right? Then press Enter to see your result. Want to change something? "
        "Type the number of that answer (1 to {last}).",
    ),
    "plain.check_not_understood": (
        "Dat begrijp ik niet. Druk op Enter voor uw resultaat, of typ een nummer van 1 tot {last}.",
        "I do not understand that. Press Enter for your result, or type a number from 1 to {last}.",
    ),
    "plain.changing": (
        "U wijzigt dit antwoord. Nu: {answer}. Typ 'terug' om het zo te laten.",
        "You are changing this answer. Now: {answer}. Type 'back' to leave it.",
    ),
    "plain.changed": ("{name}: was {before}, nu {after}.", "{name}: was {before}, now {after}."),
    "plain.incomplete": (
        "Uw resultaat is dus niet volledig. Leerwijzer zegt nog niet wat bij u past: beantwoord "
        "eerst alle vragen.",
        "So your result is not complete. Leerwijzer does not say yet what fits you: answer every "
        "question first.",
    ),
    "plain.certain_so_far": ("Wel al zeker: {names}.", "Already certain: {names}."),
    "plain.see_why": ("Typ 'waarom' om te lezen waarom.", "Type 'why' to read why."),
    "plain.more": (
        "Typ {numbers} om alles over die maatregel te lezen, 'waarom' voor wat niet past, of "
        "druk op Enter om te stoppen.",
        "Type {numbers} to read all about that measure, 'why' for what does not fit, or press "
        "Enter to stop.",
    ),
    "plain.more_why": (
        "Typ 'waarom' voor wat niet past, of druk op Enter om te stoppen.",
        "Type 'why' for what does not fit, or press Enter to stop.",
    ),
    "plain.more_end": (
        "Typ {numbers} om alles te lezen, of druk op Enter om te stoppen.",
        "Type {numbers} to read all of it, or press Enter to stop.",
    ),
    "plain.stop": ("Druk op Enter om te stoppen.", "Press Enter to stop."),
    "plain.more_not_understood": (
        "Dat begrijp ik niet. Typ een nummer, 'waarom', of druk op Enter om te stoppen.",
        "I do not understand that. Type a number, 'why', or press Enter to stop.",
    ),
    "plain.no_help": (
        "Bij deze vraag is geen extra uitleg.",
        "There is no extra explanation for this question.",
    ),
    "plain.ended": (
        "De invoer stopte voor alle vragen beantwoord waren.",
        "Input ended before every question was answered.",
    ),
    "plain.recorded": (
        "Uw antwoorden en dit resultaat staan nu als testscenario in {path}. "
        "Speel het opnieuw af met: leerwijzer replay {path}",
        "Your answers and this result are now saved as a test scenario in {path}. "
        "Replay it with: leerwijzer replay {path}",
    ),
    "plain.not_recorded": (
        "Er is geen testscenario bewaard: niet alle vragen zijn beantwoord.",
        "No test scenario was saved: not every question was answered.",
    ),
    "plain.record_failed": (
        "Het testscenario kon niet bewaard worden in {path}: {reason}",
        "The test scenario could not be saved in {path}: {reason}",
    ),
    "plain.no_folder": ("die map bestaat niet", "that folder does not exist"),
    "understand.choice": (
        "Dat begrijp ik niet. Typ een nummer van 1 tot {last}, of een woord uit een antwoord.",
        "I do not understand that. Type a number from 1 to {last}, or a word from an answer.",
    ),
    "understand.choice_unknown": (
        "Dat begrijp ik niet. Typ een nummer van 1 tot {last}, 0 als u het niet weet, "
        "of een woord uit een antwoord.",
        "I do not understand that. Type a number from 1 to {last}, 0 if you do not know, "
        "or a word from an answer.",
    ),
    "understand.multi": (
        "Dat begrijp ik niet. Typ de nummers van uw antwoorden met komma's ertussen, "
        "bijvoorbeeld 1, 3. Typ 0 als geen enkel antwoord past.",
        "I do not understand that. Type the numbers of your answers separated by commas, "
        "for example 1, 3. Type 0 if none of them fits.",
    ),
    "understand.which": (
        "Dat past bij meer dan één antwoord: {numbers}. Typ het nummer.",
        "That fits more than one answer: {numbers}. Type the number.",
    ),
    "understand.integer": (
        "Dat begrijp ik niet. Typ een getal, bijvoorbeeld 45.",
        "I do not understand that. Type a number, for example 45.",
    ),
    "understand.integer_unknown": (
        "Dat begrijp ik niet. Typ een getal, bijvoorbeeld 45, of 0 als u het niet weet.",
        "I do not understand that. Type a number, for example 45, or 0 if you do not know.",
    ),
    "understand.date": (
        "Dat begrijp ik niet. Typ een datum, bijvoorbeeld 1-9-2026.",
        "I do not understand that. Type a date, for example 1-9-2026.",
    ),
    "understand.no_unknown": (
        "Bij deze vraag kan 'Ik weet het niet' niet. Kies een antwoord.",
        "'I don't know' is not possible for this question. Choose an answer.",
    ),
    # --- the conversation (wizard/tui) ---
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
    "result.group_eligible": ("Zeker voor u", "Certainly for you"),
    "result.group_possibly": ("Misschien voor u: na te gaan", "Possibly for you: to be checked"),
    "result.group_announced": (
        "Aangekondigd: nog niet te krijgen",
        "Announced: not available yet",
    ),
    "result.weaker_only": (
        "Niets past goed bij wat u wilt bereiken. Dit kan wel, maar past minder goed:",
        "Nothing fits your goal well. This is open to you, but fits less well:",
    ),
    "result.first": ("Eerst", "First"),
    "result.nothing_certain": (
        "Nog niets is zeker voor u. Dit kan misschien; kijk het na:",
        "Nothing is certain for you yet. This may be possible; check it:",
    ),
    "result.others": (
        "{count} andere passen niet of minder goed.",
        "{count} others do not fit, or fit less well.",
    ),
    "result.more": (
        "En nog {count} andere die misschien passen: zie verder.",
        "And {count} more that may fit: see below.",
    ),
    "result.links": ("Meer weten", "More information"),
    "result.checked": ("Regels het laatst nagekeken op {date}", "Rules last checked on {date}"),
    "verdict.eligible": ("zeker", "certain"),
    "verdict.possibly": ("misschien", "possibly"),
    "verdict.announced": ("aangekondigd", "announced"),
    "verdict.not_eligible": ("niet voor u", "not for you"),
    "verdict.not_assessed": ("niet nagevraagd", "not looked into"),
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
    "store.unknown_code": (
        "Er is geen bewaarde sessie met code {code}. Kijk de code na en probeer opnieuw.",
        "There is no saved session with code {code}. Check the code and try again.",
    ),
    "store.malformed_code": (
        "{code} is geen geldige code. Een code heeft {length} tekens: cijfers van 2 tot 9 en "
        "letters, zonder I, L, O en U.",
        "{code} is not a valid code. A code has {length} characters: digits from 2 to 9 and "
        "letters, without I, L, O and U.",
    ),
    "export.glance": ("In één oogopslag", "At a glance"),
    "export.see_why": ("Waarom: zie verder.", "Why: see below."),
    "export.answers": ("Uw antwoorden", "Your answers"),
    "export.no_answers": ("Nog geen antwoorden.", "No answers yet."),
    "export.notes": ("Notities van de begeleider", "Notes from the counsellor"),
    **TUI_TEXTS,
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    nl, en = UI_TEXTS[key]
    return (en if lang == "en" else nl).format(**values)


TOTAL_SHOWN_WITHIN = 5
"""The estimated total is shown once at most this many questions are left after the current one.
Before that the estimate is an upper bound far above what most people answer (on the bundled
content 28 at the first question, where a person answers 8 on average): "Vraag 1 van ongeveer 28"
would tell them the wrong thing, so the line says only "Vraag 1"."""


def progress_line(number: int, total: int, lang: Lang) -> str:
    """ "Vraag 3" or, near the end, "Vraag 7 van ongeveer 11" (``Engine.progress``)."""
    if total - number <= TOTAL_SHOWN_WITHIN:
        return say("progress", lang, n=number, total=total)
    return say("progress_open", lang, n=number)
