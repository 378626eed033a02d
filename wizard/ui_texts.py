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
    "tui.placeholder_integer": ("bijvoorbeeld 35", "for example 35"),
    "tui.placeholder_date": ("JJJJ-MM-DD", "YYYY-MM-DD"),
    "tui.error": ("Let op: {reason}", "Note: {reason}"),
    "tui.help_title": ("Uitleg", "Help"),
    "tui.no_help": (
        "Bij deze vraag is geen extra uitleg. Kies wat het best past, of 'Ik weet het niet'.",
        "There is no extra explanation for this question. Pick what fits best, or 'I don't know'.",
    ),
    "tui.help_closing": (
        "Met ↑ ↓ leest u verder. Druk op Escape of Enter om verder te gaan.",
        "Read on with ↑ ↓. Press Escape or Enter to go on.",
    ),
    "tui.restart": ("Start opnieuw", "Start again"),
    "tui.welcome_title": ("Welkom bij Leerwijzer", "Welcome to Leerwijzer"),
    "tui.welcome_body": (
        "Met een paar vragen vindt u welke steun er is om te leren of om uw loopbaan te sturen: "
        "verlof, cheques, premies, begeleiding. Het duurt een paar minuten. Uw antwoorden worden "
        "gewist als u klaar bent of een tijd niets doet.",
        "A few questions show you which support there is for learning or for steering your career: "
        "leave, vouchers, bonuses, guidance. It takes a few minutes. Your answers are wiped when you "
        "are done or when you do nothing for a while.",
    ),
    "tui.start": ("Start", "Start"),
    "tui.check_title": ("Controleer uw antwoorden", "Check your answers"),
    "tui.change": ("wijzig", "change"),
    "tui.show_result": ("Toon mijn resultaat", "Show my result"),
    "tui.editing": (
        "U wijzigt een antwoord. Escape laat het zoals het was.",
        "You are changing an answer. Escape leaves it as it was.",
    ),
    "tui.confirm_title": ("Dit verandert er", "This is what changes"),
    "tui.confirm_dropped": ("Deze vragen vallen weg", "These questions drop out"),
    "tui.confirm_new": ("Daarna krijgt u deze vraag", "Next you get this question"),
    "tui.confirm_changed": ("Deze uitkomsten veranderen", "These outcomes change"),
    "tui.confirm_nothing": (
        "Er verandert niets aan uw resultaat.",
        "Nothing changes in your result.",
    ),
    "tui.confirm_yes": ("Ja, wijzig", "Yes, change it"),
    "tui.confirm_no": ("Nee, laat het zo", "No, leave it"),
    "tui.idle_warning": (
        "Bent u er nog? Over {seconds} seconden wist Leerwijzer alles en begint opnieuw. "
        "Druk op een toets om verder te gaan.",
        "Are you still there? In {seconds} seconds Leerwijzer wipes everything and starts again. "
        "Press any key to go on.",
    ),
    "tui.operator_title": ("Beheerder", "Operator"),
    "tui.operator_prompt": (
        "Typ de beheerderscode en druk op Enter om Leerwijzer te sluiten. Escape gaat terug.",
        "Type the operator code and press Enter to close Leerwijzer. Escape goes back.",
    ),
    "tui.operator_wrong": ("Dat is niet de juiste code.", "That is not the right code."),
    "tui.trace_title": ("Verloop", "Trace"),
    "tui.trace_known": ("Bekend", "Known"),
    "tui.trace_next": ("Volgende vraag", "Next question"),
    "tui.trace_because": ("nodig voor", "needed for"),
    "tui.trace_verdicts": ("Uitkomst nu", "Outcome now"),
    "tui.notes": ("Notities", "Notes"),
    "tui.saved": ("Bewaard onder code {code}", "Saved under code {code}"),
    "tui.save": ("Bewaar", "Save"),
    "tui.ask_code": ("Bewaar mijn antwoorden met een code", "Keep my answers under a code"),
    "tui.your_code": (
        "Uw code: {code}. Schrijf ze op: met deze code vindt een begeleider uw antwoorden terug.",
        "Your code: {code}. Write it down: with this code a counsellor can find your answers again.",
    ),
    "tui.code": (
        "Code: {code} (hervat met leerwijzer --resume {code})",
        "Code: {code} (resume with leerwijzer --resume {code})",
    ),
    "tui.export": ("Exporteer", "Export"),
    "tui.exported": ("Samenvatting bewaard: {where}", "Summary saved: {where}"),
    "tui.what_if": ("Wat als", "What if"),
    "tui.what_if_title": ("Wat als u anders antwoordt?", "What if you answer differently?"),
    "tui.what_if_pick": (
        "Kies het antwoord dat u wilt veranderen.",
        "Choose the answer you want to change.",
    ),
    "tui.what_if_value": ("Kies het andere antwoord.", "Choose the other answer."),
    "tui.what_if_now": ("Nu", "Now"),
    "tui.what_if_then": ("Als {change}", "If {change}"),
    "tui.what_if_close": (
        "Escape sluit; er is niets veranderd.",
        "Escape closes; nothing changed.",
    ),
    "tui.resume_unknown": (
        "Code {code} vonden we niet. Kijk de code na.",
        "We did not find code {code}. Check the code.",
    ),
    "tui.contrast": ("Hoog contrast", "High contrast"),
    "tui.cmd_restart": ("sessie: opnieuw", "session: start again"),
    "tui.cmd_export": ("export: samenvatting", "export: summary"),
    "tui.cmd_lang": ("taal: English", "language: Nederlands"),
    "tui.cmd_theme": ("thema: hoog contrast", "theme: high contrast"),
    "tui.cmd_save": ("sessie: bewaren", "session: save"),
    "tui.help": ("Uitleg", "Help"),
    "tui.other_lang": ("English", "Nederlands"),
    "tui.quit": ("Stoppen", "Quit"),
    # --- typed answers (wizard/understanding.py) ---
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
    "tui.intro": (
        "Hallo! Ik stel u een paar korte vragen. Daarna ziet u welke steun bij u past.",
        "Hello! I ask you a few short questions. Then you see which support fits you.",
    ),
    "tui.placeholder_choice": ("Typ een nummer of een woord", "Type a number or a word"),
    "tui.placeholder_multi": (
        "Typ nummers, bijvoorbeeld 1, 3 (0: geen)",
        "Type numbers, for example 1, 3 (0: none)",
    ),
    "tui.multi_keys": (
        "↑ ↓ kiest een regel, spatie zet een vinkje of haalt het weg, Enter bevestigt.",
        "↑ ↓ picks a line, space ticks or unticks it, Enter confirms.",
    ),
    "tui.earlier": ("Eerder koos u: {answer}", "Earlier you chose: {answer}"),
    "tui.now": ("Uw antwoord nu: {answer}", "Your answer now: {answer}"),
    "tui.goal_again": (
        "Uw situatie is veranderd. Past dit nog? Kies opnieuw, of laat het zo met Escape.",
        "Your situation changed. Does this still fit? Choose again, or keep it with Escape.",
    ),
    "tui.check_said": (
        "Dat waren al mijn vragen. Kijk uw antwoorden hierboven na.",
        "Those were all my questions. Look over your answers above.",
    ),
    "tui.check_keys": (
        "Klopt alles? Druk op Enter. Iets wijzigen? Ga met ↑ naar dat antwoord en druk op Enter.",
        "Is everything right? Press Enter. Change something? Go up to that answer with ↑ "
        "and press Enter.",
    ),
    "tui.help_welcome": (
        "Leerwijzer stelt u een paar vragen en toont dan welke steun bij u past. "
        "Druk op Enter om te beginnen.",
        "Leerwijzer asks you a few questions and then shows which support fits you. "
        "Press Enter to start.",
    ),
    "tui.help_question_keys": (
        "Typ het nummer van uw antwoord, of een woord eruit, en druk op Enter. Of kies met ↑ ↓ "
        "en Enter. 0 is 'Ik weet het niet'. Escape gaat naar de vorige vraag. Een eerder "
        "antwoord wijzigen: Shift+Tab, dan Enter.",
        "Type the number of your answer, or a word from it, and press Enter. Or choose with ↑ ↓ "
        "and Enter. 0 is 'I don't know'. Escape goes to the previous question. To change an "
        "earlier answer: Shift+Tab, then Enter.",
    ),
    "tui.help_edit": (
        "U wijzigt een eerder antwoord. Kies het nieuwe antwoord. U ziet eerst wat er verandert. "
        "Escape laat het antwoord zoals het was.",
        "You are changing an earlier answer. Choose the new answer. You first see what changes. "
        "Escape leaves the answer as it was.",
    ),
    "tui.help_check": (
        "Hierboven staan al uw antwoorden. Klopt alles? Druk op Enter voor uw resultaat. "
        "Iets wijzigen? Ga met ↑ naar dat antwoord en druk op Enter. Escape gaat naar de "
        "laatste vraag.",
        "Above are all your answers. Is everything right? Press Enter for your result. "
        "Change something? Go up to that answer with ↑ and press Enter. Escape goes to the "
        "last question.",
    ),
    "tui.help_glance": (
        "Dit is uw resultaat. Kies een maatregel met ↑ ↓ en Enter: dan ziet u wat u krijgt, "
        "waarom, en wat u nu doet. Escape gaat terug naar uw antwoorden.",
        "This is your result. Choose a measure with ↑ ↓ and Enter: you see what you get, why, "
        "and what to do now. Escape goes back to your answers.",
    ),
    "tui.help_card": (
        "Dit is de uitleg bij één maatregel. Escape gaat terug naar het overzicht.",
        "This explains one measure. Escape goes back to the overview.",
    ),
    "tui.help_keys": ("Toetsen", "Keys"),
    "tui.restart_title": ("Opnieuw beginnen?", "Start again?"),
    "tui.restart_body": (
        "Dan worden al uw antwoorden gewist.",
        "Then all your answers are wiped.",
    ),
    "tui.restart_yes": ("Ja, wis alles", "Yes, wipe everything"),
    "tui.restart_no": ("Nee, ga terug", "No, go back"),
    "tui.see_others": ("Bekijk waarom de andere niet passen", "See why the others do not fit"),
    "tui.close_card": ("Escape: terug naar het overzicht", "Escape: back to the overview"),
    "key.choose": ("kies", "choose"),
    "key.previous": ("vorige vraag", "previous question"),
    "key.change": ("wijzig antwoord", "change answer"),
    "key.cancel_edit": ("laat zoals het was", "leave as it was"),
    "key.show_result": ("toon resultaat", "show result"),
    "key.last_question": ("laatste vraag", "last question"),
    "key.open": ("meer uitleg", "read more"),
    "key.to_answers": ("uw antwoorden", "your answers"),
    "key.to_overview": ("overzicht", "overview"),
    "key.read_on": ("lees verder", "read on"),
    "key.start": ("begin", "start"),
    "key.palette": ("opdrachten", "commands"),
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
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    nl, en = UI_TEXTS[key]
    return (en if lang == "en" else nl).format(**values)
