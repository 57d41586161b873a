"""The unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters: registration authority (1), organisation type (1), administrative
division code (6), organisation code (9, body of 8 plus its own check), and a
final check character computed over the first 17 with weights 3^i mod 31.
The alphabet is 0-9 and the capital letters without I, O, Z, S, V.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_character(first17: str) -> str:
    """The check character (18th) for the first 17 characters of a code."""
    total = sum(
        USCC_ALPHABET.index(char) * weight
        for char, weight in zip(first17, USCC_WEIGHTS, strict=True)
    )
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(value: str) -> None:
    """Refuse a code that is not 18 valid characters with the right check character."""
    code = (value or "").strip().upper()
    if len(code) != 18:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(n)d."),
            code="uscc_length",
            params={"n": len(code)},
        )
    bad = sorted({char for char in code if char not in USCC_ALPHABET})
    if bad:
        raise ValidationError(
            _(
                "The code contains characters that are not allowed: %(chars)s "
                "(allowed: digits and capital letters except I, O, Z, S, V)."
            ),
            code="uscc_characters",
            params={"chars": " ".join(bad)},
        )
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        raise ValidationError(
            _(
                "The check character is wrong: the last character should be "
                "%(expected)s for this code. Please check the code for a typo."
            ),
            code="uscc_check",
            params={"expected": expected},
        )
