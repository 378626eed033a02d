"""Typed answers understood: numbers, label words, aliases, yes/no, an age in a sentence; never a guess."""

from __future__ import annotations

from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.model import Fact
from wizard.understanding import settles_at_once, understand


def test_a_number_settles_only_when_it_cannot_grow() -> None:
    assert not settles_at_once("1", 10, True)  # "10" is an option too: wait
    assert settles_at_once("10", 10, True)
    assert settles_at_once("2", 10, True)
    assert settles_at_once("0", 10, True)
    assert not settles_at_once("0", 10, False)  # no "Ik weet het niet" to choose
    assert settles_at_once("1", 9, True)
    assert not settles_at_once("11", 10, True)
    assert not settles_at_once("01", 10, True)
    assert not settles_at_once("a", 10, True)


def test_words_from_labels_ids_and_yes_no(bundled: Content) -> None:
    statuut = bundled.facts["statuut"]
    assert understand(statuut, "werkzoekende").value == "werkzoekende"
    assert understand(statuut, "Ik zoek werk").value == "werkzoekende"
    assert understand(statuut, "pensioen").value == "gepensioneerd"
    assert understand(statuut, "10").value == "gepensioneerd"
    assert understand(statuut, " 1 ").value == "werknemer_prive"
    assert understand(statuut, "0").value is UNKNOWN
    assert understand(statuut, "weet ik niet").value is UNKNOWN
    yes_no = next(f for f in bundled.facts.values() if f.kind == "yes_no")
    assert understand(yes_no, "ja").value == "ja"
    assert understand(yes_no, "Nee!").value == "nee"
    assert understand(yes_no, "yes").value == "ja"


def test_what_is_not_understood_says_what_to_type(bundled: Content) -> None:
    statuut = bundled.facts["statuut"]
    for typed in ("banaan", "", "11", "9" * 5000, "x" * 300):
        understood = understand(statuut, typed)
        assert understood.value is None
        assert "Typ een nummer van 1 tot 10, 0 als u het niet weet" in understood.hint("nl")
    # "ik werk" fits several options equally: a question back, never a guess
    ambiguous = understand(statuut, "overheid")
    assert ambiguous.value is None
    assert "2 / 3" in ambiguous.hint("nl")


def test_an_age_in_a_sentence(bundled: Content) -> None:
    age: Fact = bundled.facts["leeftijd"]
    assert understand(age, "ik ben 45").value == "45"
    assert understand(age, "45 jaar").value == "45"
    assert understand(age, "I am 45 years old").value == "45"
    assert understand(age, "weet niet").value is UNKNOWN or not (age.offer_unknown or age.optional)
    assert understand(age, "45 of 46").value is None
    assert understand(age, "oud").hint("nl") == (
        "Dat begrijp ik niet. Typ een getal, bijvoorbeeld 45, of 0 als u het niet weet."
    )
    assert understand(age, "0").value is UNKNOWN  # 0 is "weet niet", as on every list
    assert understand(age, "ik ben 0").value == "0"  # said as an age: the engine checks the range
    huge = understand(age, "9" * 4301)  # handed on as digits: the range is checked on them
    assert huge.value == "9" * 4301


def test_a_date_in_iso_or_flemish_order() -> None:
    fact = Fact(id="start", kind="date", label={"nl": "Start", "en": "Start"})
    assert understand(fact, "2026-09-01").value == "2026-09-01"
    assert understand(fact, "1-9-2026").value == "2026-09-01"
    assert understand(fact, "31/02/2026").value is None


def test_a_long_word_is_understood_by_its_start_and_aliases_win(bundled: Content) -> None:
    statuut = bundled.facts["statuut"]
    assert understand(statuut, "zelfstandig").value == "zelfstandige_hoofdberoep"
    assert understand(statuut, "interim").value == "uitzendkracht"
    assert understand(statuut, "ik werk niet").value == "niet_beroepsactief"
    fact = Fact.model_validate(
        {
            "id": "need",
            "kind": "choice",
            "label": {"nl": "Doel", "en": "Goal"},
            "values": [
                {"id": "job", "label": {"nl": "Werk vinden", "en": "Find work"},
                 "aliases": ["ik zoek werk", "solliciteren"]},
                {"id": "learn", "label": {"nl": "Bijleren voor mijn werk", "en": "Learn more"}},
            ],
        }
    )  # fmt: skip
    assert understand(fact, "ik zoek werk").value == "job"  # "werk" alone would fit both
    assert understand(fact, "solliciteren").value == "job"
    assert understand(fact, "werk").value is None
    assert understand(fact, "werk").hint("nl").startswith("Dat past bij meer dan één antwoord")


def test_the_bundled_aliases_understand_what_people_type(bundled: Content) -> None:
    statuut, behoefte = bundled.facts["statuut"], bundled.facts["behoefte"]
    assert understand(statuut, "bediende").value == "werknemer_prive"
    assert understand(statuut, "Ik ben werkloos").value == "werkzoekende"
    assert understand(statuut, "interim").value == "uitzendkracht"
    assert understand(statuut, "leerkracht").value == "werknemer_publiek_vlaams"
    assert understand(behoefte, "omscholen").value == "omscholen_ander_beroep"
    assert understand(behoefte, "een bachelor halen").value == "diploma_hoger_onderwijs"
    assert understand(behoefte, "werk").value == "werk_vinden"


def test_a_superscript_digit_never_raises() -> None:
    # '²'.isdigit() is True but int('²') raises: found by the plain-mode fuzz on a fresh clone;
    # normalised, it reads as the digit 2
    from wizard.bundled import bundled_content_root
    from wizard.loading import load_content

    statuut = load_content(bundled_content_root()).facts["statuut"]
    assert understand(statuut, "²").value == statuut.value_ids()[1]


def test_a_question_with_its_own_weet_niet_option_takes_0_and_weet_niet_too(
    bundled: Content,
) -> None:
    # doelberoep_knelpunt lists "Ik weet het niet" as an option of its own (offer_unknown: false):
    # typing it, or 0, was refused with "Bij deze vraag kan 'Ik weet het niet' niet".
    fact = bundled.facts["doelberoep_knelpunt"]
    assert not fact.offer_unknown and "weet_niet" in fact.value_ids()
    for typed in ("0", "weet ik niet", "Ik weet het niet", "I don't know"):
        assert understand(fact, typed).value is UNKNOWN, typed
    assert understand(fact, "1").value == "nee"
    # a fact without any "weet niet" still refuses it
    no_unknown = Fact.model_validate(
        {
            "id": "kleur",
            "kind": "choice",
            "label": {"nl": "Kleur", "en": "Colour"},
            "offer_unknown": False,
            "values": [
                {"id": "rood", "label": {"nl": "Rood", "en": "Red"}},
                {"id": "blauw", "label": {"nl": "Blauw", "en": "Blue"}},
            ],
        }
    )
    assert understand(no_unknown, "0").value is None
    assert understand(no_unknown, "weet ik niet").value is None
