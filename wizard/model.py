"""Pydantic models of the content files, exactly as authors write them.

Every model forbids unknown keys, so a typo is an error with a line number rather than a silently
ignored rule. Conditions stay text here; ``loading`` parses them once the facts are known.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
"""Fact, value, question and instrument ids: lower-case snake_case."""


def _bool_as_condition(value: object) -> object:
    # `when: false` reads as a YAML boolean; as a condition it means the constant false.
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


ConditionText = Annotated[str, BeforeValidator(_bool_as_condition)]
"""A condition in the condition language (parsed by ``loading`` once the facts are known)."""

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")
YES_NO_VALUES = ("ja", "nee")
YES_NO_ENGLISH = ("yes", "no")
"""The other ids a yes_no fact may choose (``values: [{id: yes, ...}, {id: no, ...}]``)."""
END = "end"
NONE_OF_THESE = ("Geen van deze", "None of these")
"""How an empty multi_choice answer reads."""
ResultMode = Literal["ranked", "end_state"]
"""``ranked``: every instrument gets a verdict and the fitting ones are ranked (the bundled flow);
``end_state``: each path reaches one outcome, and the result shows only what was reached."""


class Strict(BaseModel):
    # defer_build: validators are built on first use, so a start from the content cache (which
    # validates nothing) does not pay for building them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


def _either_language(schema: dict[str, Any]) -> None:
    # One language is enough in the file (graph.yaml `languages`); the loader checks the rest.
    schema.pop("required", None)
    schema["anyOf"] = [{"required": ["nl"]}, {"required": ["en"]}]


class Text(Strict):
    """A citizen-facing text: Dutch first, English alongside.

    A content set that declares one language (``languages: [en]`` in graph.yaml) writes texts in
    that language only: the other one then reads the same text. The loader checks that every
    text has each declared language."""

    model_config = ConfigDict(**Strict.model_config, json_schema_extra=_either_language)

    nl: Annotated[str, StringConstraints(min_length=1)]
    en: Annotated[str, StringConstraints(min_length=1)]

    @model_validator(mode="before")
    @classmethod
    def _one_language_is_enough(cls, data: Any) -> Any:
        if isinstance(data, dict):
            given = [lang for lang in LANGS if lang in data]
            if len(given) == 1:
                other = "en" if given[0] == "nl" else "nl"
                data = {**data, other: data[given[0]]}
        return data

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


# --- questions/facts.yaml ------------------------------------------------------------------------


Alias = Annotated[str, StringConstraints(min_length=1, max_length=60)]


class FactValue(Strict):
    id: Id
    label: Text
    aliases: list[Alias] = Field(
        default_factory=list,
        description=(
            "Words people type for this option, in Dutch or English ('werkzoekende', "
            "'ik zoek werk'): plain mode and the chat understand them as this answer."
        ),
    )
    sets: dict[Id, str] = Field(
        default_factory=dict,
        description=(
            "Choosing this option also answers these facts (fact id: value id), so one question "
            "answers several facts in the common case ('Ik woon en werk in Vlaanderen'). An "
            "option without `sets` stands for every other case: then each fact's own question "
            "is asked. The wizard asks such a question only while two or more of the facts it "
            "sets are still open (docs/content-format.md, 'One question for several facts')."
        ),
    )


class Fact(Strict):
    id: Id
    kind: Literal["choice", "yes_no", "integer", "date", "multi_choice"]
    label: Text
    values: list[FactValue] = Field(default_factory=list)
    offer_unknown: bool = True
    optional: bool = False
    min: int | None = None
    max: int | None = None
    unused: str | None = Field(default=None, description="Why no question asks this fact (yet).")
    if_not_asked: str | int | list[str] | None = Field(
        default=None,
        description=(
            "What the fact reads as in conditions when its question is off the path (its "
            "ask_when is false, or no route leads to it): a value id, a number, a date, or a "
            "list of ids (multi_choice). Never used for a question skipped because no answer "
            "can change the outcome."
        ),
    )

    @model_validator(mode="after")
    def _values_fit_kind(self) -> Fact:
        if self.kind in ("choice", "multi_choice") and len(self.values) < 2:
            raise ValueError(f"a {self.kind} fact needs at least two values")
        if self.kind == "yes_no" and self.values:
            ids = tuple(v.id for v in self.values)
            if ids not in (YES_NO_VALUES, YES_NO_ENGLISH):
                raise ValueError(
                    "a yes_no fact has the values ja and nee (or yes and no), in that order"
                )
        if self.kind in ("integer", "date") and self.values:
            raise ValueError(f"a {self.kind} fact has no list of values")
        if (self.min is not None or self.max is not None) and self.kind != "integer":
            raise ValueError("min and max are only for integer facts")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        seen: set[str] = set()
        for value in self.values:
            if value.id in seen:
                raise ValueError(f"value '{value.id}' is listed twice")
            seen.add(value.id)
        return self

    def value_ids(self) -> tuple[str, ...]:
        if self.kind == "yes_no" and not self.values:
            return YES_NO_VALUES
        return tuple(v.id for v in self.values)

    def value_label(self, value: str | frozenset[str], lang: Lang) -> str:
        if isinstance(value, frozenset):  # a multi_choice answer: its labels, in the fact's order
            labels = [v.label.get(lang) for v in self.values if v.id in value]
            return ", ".join(labels) if labels else NONE_OF_THESE[lang == "en"]
        for item in self.values:
            if item.id == value:
                return item.label.get(lang)
        if self.kind == "yes_no" and value in YES_NO_VALUES:
            return {"ja": ("Ja", "Yes"), "nee": ("Nee", "No")}[value][lang == "en"]
        return value


class DerivedFact(Strict):
    id: Id
    label: Text
    when: ConditionText


class FactsFile(Strict):
    facts: list[Fact] = Field(min_length=1)
    derived: list[DerivedFact] = Field(default_factory=list)


# --- questions/graph.yaml ------------------------------------------------------------------------


class Route(Strict):
    when: ConditionText | None = None
    goto: Id


class Question(Strict):
    id: Id
    fact: Id
    text: Text
    help: Text | None = None
    ask_when: ConditionText | None = None
    next: list[Route] = Field(min_length=1)


class GraphFile(Strict):
    version: Annotated[str, StringConstraints(min_length=1)]
    start: Id
    need_fact: Id | None = None
    pursue_min_fit: int = Field(
        default=0,
        ge=0,
        le=3,
        description=(
            "Once the need is known, only instruments that serve it at least this well are "
            "pursued with questions; 0 pursues every instrument."
        ),
    )
    referral: Text
    languages: list[Lang] = Field(
        default_factory=lambda: list(LANGS),
        min_length=1,
        description=(
            "The languages of every citizen text in this content, the first one the default: "
            "texts are required in these only; a front end whose language is not among them "
            "shows the first."
        ),
    )
    rules_checked_on: date | None = Field(
        default=None,
        description=(
            "When the rules in this content were last checked against the official sources; "
            "every result shows it."
        ),
    )
    result_mode: ResultMode = Field(
        default="ranked",
        description=(
            "ranked (default): every outcome gets a verdict and the eligible ones are ranked; "
            "end_state: each path reaches one outcome (its requirements hold on that path only) "
            "and the result shows what was reached, not every other outcome as 'not eligible'."
        ),
    )
    questions: list[Question] = Field(min_length=1)


# --- incentives/<id>.yaml ------------------------------------------------------------------------


class Dated(Strict):
    valid_from: date | None = None
    valid_until: date | None = None

    @field_validator("valid_until")
    @classmethod
    def _window_is_ordered(cls, until: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("valid_from")
        if until is not None and start is not None and start > until:
            raise ValueError(f"valid_until {until} is before valid_from {start}; swap them")
        return until

    def in_force(self, on: date) -> bool:
        after_start = self.valid_from is None or self.valid_from <= on
        before_end = self.valid_until is None or on <= self.valid_until
        return after_start and before_end


class DatedText(Text, Dated):
    """A citizen text that only holds for a period (e.g. a note on a temporary regime).

    ``when`` shows it only to the people it concerns: it is left out once the answers make the
    condition false (a note for temp workers is not shown to someone who said they are not one).
    """

    when: ConditionText | None = None


class Requirement(Dated):
    id: Id
    when: ConditionText
    why: Text | None = None
    why_not: Text
    if_unmet: Literal["not_eligible", "possibly"] = "not_eligible"
    verify: Text | None = None
    confidence: Literal["high", "medium", "low"] | None = None
    """How sure the dossier is of this rule; a failed ``high`` rule keeps an instrument from
    coming first even when it is only ``possibly`` (docs/ranking.md)."""
    dated_by: Id | None = None
    """A date fact (the training's start) that picks which dated version of this rule applies,
    instead of the reference date: the school year of the training decides (dossier §27)."""
    met_by_acting: bool = False
    """The person meets this rule by doing something now (register as a jobseeker): unmet, it is
    a next step, not a doubt, so the instrument is not put behind a free tool for it and its other
    open points are still asked (docs/ranking.md, rule 5)."""


GIST_MAX_WORDS = 12


class Gist(Text):
    """A one-line summary: at most ``GIST_MAX_WORDS`` words in each language."""

    @model_validator(mode="after")
    def _short(self) -> Gist:
        for lang in LANGS:
            words = len(self.get(lang).split())
            if words > GIST_MAX_WORDS:
                raise ValueError(
                    f"the {lang} gist has {words} words; keep it to {GIST_MAX_WORDS} or fewer"
                )
        return self


class Link(Strict):
    label: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Source(Strict):
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    title: Annotated[str, StringConstraints(min_length=1)]
    read_on: date


class Exclusion(Strict):
    instrument: Id
    note: Text


class Announced(Strict):
    """A measure announced without rule text: never eligible, never recommended, shown apart."""

    known: Text
    """What is known so far, in plain words."""
    look_again_on: date
    """When to look again (the result says so)."""


class Incentive(Dated):
    id: Id
    kind: Literal["instrument", "tip"] = "instrument"
    name: Text
    gist: Gist | None = None
    """What it gives in one line (at most 12 words): the result's first screen shows it."""
    summary: Text
    valid_from: date  # required here, optional on requirements
    valid_from_is_start: bool = True
    """False when ``valid_from`` is only the oldest date the sources document, not the real start:
    before it the result says the guide does not know the rules, instead of "only exists from"."""
    confidence: Literal["high", "medium", "low"]
    priority: int = 0
    serves: dict[Id, Annotated[int, Field(ge=1, le=3)]] = Field(default_factory=dict)
    requires: list[Requirement] = Field(default_factory=list)
    next_steps: list[DatedText] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    summary_dated: list[DatedText] = Field(default_factory=list)
    """Amounts, hours and deadlines that hold for a period: added to the summary while in force."""
    announced: Announced | None = None
    worth_asking: list[DatedText] = Field(default_factory=list)
    """When a weak fit is still asked about (``when`` holds): a right that changes what the person
    should do (a long course with a paid career break). The text says why."""
    worth_checking: list[DatedText] = Field(default_factory=list)
    """When a weak fit is recommended without asking more (``when`` holds): shown as worth checking,
    with what to check (a deadline, a door to other instruments). The text says why."""
    comes_first: list[DatedText] = Field(default_factory=list)
    """When the answers name this instrument's route (``when`` holds), it is recommended first."""
    phone: str | None = None
    combines_with: list[Id] = Field(default_factory=list)
    excludes: list[Exclusion] = Field(default_factory=list)
    verify: list[DatedText] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
