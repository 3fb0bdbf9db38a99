import pytest

from entitylink.normalize import is_acronym_like, key_variants, normalize


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Acute Myeloid Leukemia", "acute myeloid leukemia"),
        ("acute myeloid leukaemias", "acute myeloid leukemia"),
        ("Alzheimer's Disease", "alzheimer disease"),
        ("Alzheimer-disease", "alzheimer disease"),
        ("β-thalassemia", "beta thalassemia"),
        ("Sjögren syndrome", "sjogren syndrome"),
        ("oesophageal tumours", "esophageal tumor"),
        ("Leukemia, Myeloid, Acute", "leukemia myeloid acute"),
        ("  pure   red-cell\taplasia ", "pure red cell aplasia"),
        ("mice", "mouse"),
        ("cats", "cat"),
        ("viruses", "virus"),
        ("species", "species"),
        ("diabetes", "diabetes"),
        ("IL-2", "il 2"),
        ("headaches", "headache"),
        ("branches", "branch"),
        ("approaches", "approach"),
        ("apnoea", "apnea"),
        ("dyspnoea", "dyspnea"),
        ("coeliac disease", "celiac disease"),
        ("anaesthesia", "anesthesia"),
        ("morphine sulphate", "morphine sulfate"),
        ("sulphasalazine", "sulfasalazine"),
        ("aluminium hydroxide", "aluminum hydroxide"),
        ("thrombi", "thrombus"),
    ],
)
def test_normalize(text, key):
    assert normalize(text) == key


def test_acronyms_keep_their_final_s():
    assert normalize("AIDS") == "aids"
    assert normalize("aids") == "aid"


def test_normalize_of_nothing_is_empty():
    assert normalize("") == ""
    assert normalize(" -- ") == ""


@pytest.mark.parametrize(("text", "expected"), [("AML", True), ("FeLV", True), ("IL-2", True), ("CMV", True),
                                                ("cat", False), ("Anemia", False), ("acute myeloid leukemia", False)])  # fmt: skip
def test_is_acronym_like(text, expected):
    assert is_acronym_like(text) is expected


def test_key_variants_add_drop_or_swap_generic_heads():
    assert key_variants("crohn disease") == ["crohn", "crohn syndrome", "crohn disorder"]
    assert key_variants("extrapyramidal syndrome") == ["extrapyramidal", "extrapyramidal disease", "extrapyramidal disorder"]
    assert key_variants("crohn") == ["crohn disease", "crohn syndrome", "crohn disorder"]
