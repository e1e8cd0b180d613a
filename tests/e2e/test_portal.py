"""Smoke test of the access portal: what a civil servant does when she first opens PersoPoint."""

import re

import pytest
from playwright.sync_api import expect

LANGUAGES = ["fr", "nl", "de", "en"]


def html(page):
    return page.locator("html")


def language_link(page, lang):
    return page.locator(f"nav.languages a[hreflang={lang}]")


def expect_portal(page):
    """The three tiles are there, each with a title and a line saying what it is for."""
    for tile, href in [("selfservice", "/selfservice"), ("contact", "/contact"), ("ebox", "/ebox")]:
        link = page.locator(f"a#tile-{tile}")
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(rf"{href}$"))
        expect(link.locator("h2")).to_be_visible()
        expect(link.locator("p").first).to_be_visible()


def test_portal_opens_in_the_browser_language(new_page, screenshot):
    page = new_page(locale="nl-BE", extra_http_headers={"Accept-Language": "nl-BE,nl;q=0.9"})

    response = page.goto("/")

    assert response.status == 200
    expect(html(page)).to_have_attribute("lang", "nl")
    expect(language_link(page, "nl")).to_have_attribute("aria-current", "true")
    expect_portal(page)
    screenshot(page, "portal-nl.png")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_portal_offers_the_three_applications(page, screenshot, lang):
    page.goto(f"/?lang={lang}")

    expect(html(page)).to_have_attribute("lang", lang)
    expect_portal(page)
    screenshot(page, f"portal-{lang}.png")


def test_language_choice_is_remembered(page, screenshot):
    page.goto("/?lang=fr")
    nav = page.locator("nav.languages")
    for lang in LANGUAGES:
        expect(language_link(page, lang)).to_have_attribute("href", re.compile(rf"\?lang={lang}$"))
    expect(nav.locator("a[aria-current=true]")).to_have_count(1)

    language_link(page, "de").click()

    expect(html(page)).to_have_attribute("lang", "de")
    expect(language_link(page, "de")).to_have_attribute("aria-current", "true")
    expect(language_link(page, "fr")).not_to_have_attribute("aria-current", "true")

    page.reload()
    expect(html(page)).to_have_attribute("lang", "de")

    # Coming back later without ?lang= still speaks German: the cookie remembers it.
    page.goto("/")
    expect(html(page)).to_have_attribute("lang", "de")
    expect_portal(page)
    screenshot(page, "portal-de.png")


def test_help_explains_the_eid_card_reader(page, screenshot):
    page.goto("/?lang=de")

    page.locator("a#help-link").click()
    expect(page).to_have_url(re.compile(r"/help/?(\?.*)?$"))
    for topic in ["eid", "itsme", "security-code", "session", "ebox"]:
        expect(page.locator(f"a#help-{topic}")).to_have_attribute("href", re.compile(rf"/help/{topic}$"))

    page.locator("a#help-eid").click()

    expect(page).to_have_url(re.compile(r"/help/eid$"))
    expect(html(page)).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_be_visible()
    steps = page.locator("ol").first
    expect(steps).to_be_visible()
    expect(steps.locator("li").first).to_be_visible()
    screenshot(page, "help-eid-de.png")


def test_portal_fits_a_phone_screen(new_page, screenshot):
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)

    page.goto("/?lang=fr")

    expect(html(page)).to_have_attribute("lang", "fr")
    expect_portal(page)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360, f"the portal scrolls sideways on a phone: {scroll_width}px wide"
    screenshot(page, "portal-fr-phone.png")


def test_contact_remembers_where_i_work(page, screenshot):
    page.goto("/?lang=en")
    page.locator("a#tile-contact").click()
    expect(page).to_have_url(re.compile(r"/contact(\?.*)?$"))
    expect(page.locator("button[name=organisation][value=other]")).to_be_visible()
    bosa = page.locator("button[name=organisation][value=bosa]")
    expect(bosa).to_be_visible()

    with page.expect_navigation() as navigation:
        bosa.click()

    assert navigation.value.status == 200
    expect(page.locator("#contact-choice")).to_contain_text("BOSA")

    # She comes back later: the question is already answered, and she can change the answer.
    response = page.goto("/contact")
    assert response.status == 200
    expect(page.locator("#contact-choice")).to_contain_text("BOSA")
    expect(page.locator("#contact-change")).to_be_visible()
    screenshot(page, "contact-choice-en.png")


def test_ebox_tile_leads_to_the_gateway_login(page):
    page.goto("/?lang=en")

    with page.expect_navigation():
        page.locator("a#tile-ebox").click()

    # The eBox asks for a login at Level300 or above: the gateway's key chooser, never a page saying "not yet".
    expect(page).to_have_url(re.compile(r"/fas/"))
    expect(page.locator("h1")).to_be_visible()


def test_unknown_page_is_a_localised_404(new_page, screenshot):
    page = new_page(locale="de-BE", extra_http_headers={"Accept-Language": "de-BE,de;q=0.9"})

    response = page.goto("/does-not-exist")

    assert response.status == 404
    expect(html(page)).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "not-found-de.png")
