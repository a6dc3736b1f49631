"""Every email exists in English and Welsh and renders without leftovers."""

import pytest

from backend.mail.templates import TEMPLATES, render, welsh_with

SAMPLE = {
    "name": "Ffion",
    "email": "ffion@example.org",
    "link": "http://testserver/x?token=abc",
    "inviter": "Gwyn {not a field}",
    "organisation": "Cyngor Gwynedd",
    "role": "facilitator",
}


class TestRender:
    @pytest.mark.parametrize("template", sorted(TEMPLATES))
    @pytest.mark.parametrize("locale", ["en", "cy"])
    def test_every_template_in_both_languages(self, template: str, locale: str) -> None:
        rendered = render(template, locale, **SAMPLE)  # type: ignore[arg-type]
        assert rendered.subject and "\n" not in rendered.subject
        assert SAMPLE["link"] in rendered.text
        assert "{" not in rendered.text.replace("{not a field}", "")

    def test_languages_differ(self) -> None:
        for template in TEMPLATES:
            en, cy = (render(template, loc, **SAMPLE) for loc in ("en", "cy"))  # type: ignore[arg-type]
            assert en.subject != cy.subject and en.text != cy.text

    def test_welsh_password_reset(self) -> None:
        rendered = render("password_reset", "cy", **SAMPLE)
        assert rendered.subject == "Ailosod eich cyfrinair Cyd"
        assert rendered.text.startswith("Helo Ffion,")

    def test_welsh_invitation_names_the_role_in_welsh(self) -> None:
        rendered = render("invitation", "cy", **SAMPLE)
        assert "ymuno â Cyngor Gwynedd fel hwylusydd" in rendered.text
        owner = render("invitation", "cy", **{**SAMPLE, "role": "owner"})
        assert "fel perchennog" in owner.text

    def test_values_cannot_break_the_subject(self) -> None:
        rendered = render("invitation", "en", **{**SAMPLE, "organisation": "A\r\nBcc: x@y.z"})
        assert "\n" not in rendered.subject and "\r" not in rendered.subject

    def test_missing_value_is_a_programming_error(self) -> None:
        with pytest.raises(KeyError):
            render("password_reset", "en", name="Ffion")


class TestWelshWith:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [("Cyngor Gwynedd", "â"), ("Awdurdod Iechyd", "ag"), ("Ymddiriedolaeth", "â")],
    )
    def test_before_vowels_and_consonants(self, name: str, expected: str) -> None:
        assert welsh_with(name) == expected
