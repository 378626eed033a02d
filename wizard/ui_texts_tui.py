"""The words of the Textual app around the content (its pages, keys and dialogs), Dutch first,
English alongside; part of the one table in wizard/ui_texts.py (``say``)."""

from __future__ import annotations

TUI_TEXTS: dict[str, tuple[str, str]] = {
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
}
