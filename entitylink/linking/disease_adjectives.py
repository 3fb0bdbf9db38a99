"""Disease adjectives: the nouns an adjective of medical Latin and Greek derives from.

"hypertensive" is the adjective of hypertension, "edematous" of edema, "psychotic" of
psychosis, "encephalopathic" of encephalopathy: the word-formation rules below give the
noun forms of an adjective, which the grounder then looks up as exact disease names (a
form no ontology names is never used), so an unseen adjective links as its noun does.
"""

from __future__ import annotations

__all__ = ["ADJECTIVE_HEADS", "noun_forms"]

#: (adjective ending, noun ending), most specific first: each rule applies where the word ends so.
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("matous", "ma"),  # edematous, granulomatous, carcinomatous
    ("tensive", "tension"),  # hypertensive, hypotensive
    ("sive", "sion"),  # convulsive, depressive
    ("pathic", "pathy"),  # encephalopathic, neuropathic, myopathic
    ("trophic", "trophy"),  # hypertrophic, atrophic, dystrophic
    ("plastic", "plasia"),  # hyperplastic, dysplastic
    ("leptic", "lepsy"),  # epileptic, narcoleptic
    ("etic", "esia"),  # dyskinetic
    ("etic", "etes"),  # diabetic
    ("otic", "osis"),  # psychotic, cirrhotic, thrombotic, necrotic, stenotic
    ("ytic", "ysis"),  # paralytic
    ("atic", "asis"),  # psoriatic
    ("atic", "a"),  # asthmatic
    ("itic", "itis"),  # arthritic
    ("istic", "ism"),  # autistic
    ("olic", "olism"),  # alcoholic
    ("agic", "age"),  # hemorrhagic
    ("ic", "ia"),  # anemic, ischemic, hypoxic, arrhythmic, schizophrenic, manic
    ("ic", "icity"),  # hepatotoxic, nephrotoxic
    ("atory", "ation"),  # inflammatory
    ("ous", "e"),  # migrainous
    ("ous", ""),  # cancerous
    ("al", "a"),  # anginal
    ("al", "e"),  # syncopal
    ("ese", "esity"),  # obese
)

#: Words after a disease adjective that name no more than its noun does ("psychotic symptoms",
#: "syncopal attacks", "hypertensive disease").
ADJECTIVE_HEADS = frozenset({"attack", "attacks", "symptom", "symptoms", "episode", "episodes", "event",
                             "events", "state", "states", "sign", "signs", "crisis", "crises", "disease",
                             "diseases", "disorder", "disorders", "changes", "reaction", "reactions"})  # fmt: skip


def noun_forms(word: str) -> tuple[str, ...]:
    """The nouns ``word`` may be the adjective of, by its ending, in rule order ("psychotic" -> "psychosis")."""
    lower = word.lower()
    return tuple(
        dict.fromkeys(
            lower[: len(lower) - len(ending)] + noun
            for ending, noun in _ENDINGS
            if lower.endswith(ending) and len(lower) - len(ending) >= 2
        )
    )
