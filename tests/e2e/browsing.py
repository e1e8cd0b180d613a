"""What a story does in the browser, shared by the e2e modules: submit a form or open a page, and learn the status of
the page the browser ends on (after redirects), which Playwright does not give for a click."""


def navigation_statuses(page):
    """A list that fills with (url, status) of the page's navigations until the listener is removed."""
    statuses = []

    def listener(response):
        if response.request.is_navigation_request() and response.request.frame == page.main_frame:
            statuses.append((response.url, response.status))

    page.on("response", listener)
    return statuses, listener


def submit_statuses(page, button, what, timeout=15_000):
    """Clicks a submit button and returns the statuses of the navigations it made: [303, 200] for a redirect."""
    statuses, listener = navigation_statuses(page)
    try:
        with page.expect_navigation(timeout=timeout):
            page.locator(button).click(timeout=timeout)
        page.wait_for_load_state("load", timeout=timeout)
    finally:
        page.remove_listener("response", listener)
    assert statuses, f"{what}: no navigation after {button}"
    return [status for _, status in statuses]


def submit(page, button, what, timeout=15_000):
    """Clicks a submit button and returns the status of the page the browser ends on (after redirects)."""
    return submit_statuses(page, button, what, timeout)[-1]


def visit(page, path):
    """page.goto that returns the status of the page the browser ends on (after redirects)."""
    response = page.goto(path)
    page.wait_for_load_state("load")
    return response.status if response else None
