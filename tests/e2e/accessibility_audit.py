"""axe-core (WCAG 2.x A and AA) on the pages an e2e story visits, shared by the applications' stories: serious and
critical violations fail the story, the others are reported as warnings, and every audited page is saved as a
screenshot a11y-NAME-LANG-SIZE.png."""

import warnings

import pytest

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}
BLOCKING_IMPACTS = ("serious", "critical")


class Audit:
    """axe on each page visited; keeps every violation and a screenshot per page."""

    def __init__(self, axe, screenshot, lang, size, application):
        self.axe, self.screenshot, self.lang, self.size, self.application = axe, screenshot, lang, size, application
        self.problems = []  # (page name, URL, violation)

    def check(self, page, name):
        page.wait_for_load_state("load")
        lang = page.locator("html").get_attribute("lang")
        assert lang, f"{name}: <html> has no lang attribute"
        results = self.axe.run(page, options=AXE_OPTIONS).response
        assert not results.get("incomplete_error"), results
        for violation in results["violations"]:
            self.problems.append((name, page.url, violation))
        self.screenshot(page, f"a11y-{name}-{self.lang}-{self.size}.png")

    def lines(self, problems):
        out = []
        for name, url, violation in problems:
            nodes = violation["nodes"]
            first = nodes[0] if nodes else {}
            out.append(f"- [{name}] {violation['id']} ({violation.get('impact')}): {violation['help']} — {len(nodes)} element(s); "
                       f"first: {first.get('target')} {first.get('html', '')[:300]}\n    at {url}")
        return out

    def finish(self):
        blocking = [p for p in self.problems if p[2].get("impact") in BLOCKING_IMPACTS]
        other = [p for p in self.problems if p[2].get("impact") not in BLOCKING_IMPACTS]
        if other:
            warnings.warn(f"{self.application}, {self.lang}, {self.size}: minor/moderate WCAG findings:\n" + "\n".join(self.lines(other)))
        if blocking:
            pytest.fail(f"{len(blocking)} serious/critical WCAG A/AA violation(s) in {self.lang}, {self.size}:\n"
                        + "\n".join(self.lines(blocking)), pytrace=False)
