"""A person's screens for the itsme tests: a computer (chromium at 1280×800) and a phone (390×844, mobile, touch),
each a browser context of its own in the person's language, and the phone app paired once through the development
pairing form. Shared by test_itsme_login, test_itsme_broker, test_mobileid_biometrics and test_mobileid_enrolment."""

from playwright.sync_api import expect

COMPUTER = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LANGUAGES = {
    "fr": {"locale": "fr-BE", "extra_http_headers": {"Accept-Language": "fr-BE,fr;q=0.9"}},
    "nl": {"locale": "nl-BE", "extra_http_headers": {"Accept-Language": "nl-BE,nl;q=0.9"}},
    "en": {"locale": "en-GB", "extra_http_headers": {"Accept-Language": "en-GB,en;q=0.9"}},
}


def open_screen(browser, server, lang, screen, contexts, **options):
    """A page on `screen` (COMPUTER or PHONE) in a context of its own, kept in `contexts` to be closed; `options` go
    to new_context. The page's script errors are kept in `page.errors`."""
    context = browser.new_context(base_url=server.url, **LANGUAGES[lang], **screen, **options)
    context.set_default_timeout(15_000)
    contexts.append(context)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
    page.errors = errors
    return page


def open_computer_and_phone(browser, server, lang, contexts):
    """(computer page, phone page)."""
    return [open_screen(browser, server, lang, screen, contexts) for screen in (COMPUTER, PHONE)]


def pair(phone, person):
    """The phone app, set up once through the development pairing form."""
    phone.goto("/mobileid/app")
    expect(phone.locator("#app-setup")).to_be_visible()
    phone.fill("#pair-phone", person["phone"])
    phone.fill("#pair-code", person["itsmeCode"])
    phone.tap("#pair-submit")
    expect(phone.locator("#app-idle")).to_be_visible()


def national_format(e164):
    """+32470300332 → 0470 30 03 32, as people write it."""
    digits = "0" + e164[3:]
    return f"{digits[:4]} {digits[4:6]} {digits[6:8]} {digits[8:]}"
