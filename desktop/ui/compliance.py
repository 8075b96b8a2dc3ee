"""Where the compliance model shows in the window: which page counts a topic's findings, and loading the model.

The model itself (`desktop.services.compliance.model.ComplianceModel`: findings, worst first, an index by
record, counts by topic, deadlines) belongs to the services. The window loads it on a worker thread: from the
findings snapshot when it is current (the orders and counts come ready made, so a start-up sorts nothing),
else computed (with 100,000 contractors the rules take seconds, and the window must not freeze meanwhile).
Before the database is open it may show a partial model read by `desktop.app.quick_look`.
"""

from __future__ import annotations

import gc
from collections import Counter
from typing import TYPE_CHECKING

from desktop.domain.kinds import RuleId
from desktop.ui.navigation import PAGE_KEYS as NAVIGATION_PAGE_KEYS
from desktop.ui.navigation import page_key_of

if TYPE_CHECKING:
    from desktop.domain.rules import Deadline
    from desktop.services.compliance.model import ComplianceModel
    from desktop.services.facade import Services

PAGE_KEYS = NAVIGATION_PAGE_KEYS  # the window's pages, declared in desktop.ui.navigation

# The navigation page that counts a topic's findings: the page of the kind of record the topic names (a
# re-delegation's is its engagement's page).
PAGE_OF_TOPIC: dict[str, str] = {
    rule.topic: page for rule in RuleId if (page := page_key_of(rule.topic)) is not None
}


def page_of(rule: str) -> str:
    """The navigation page a rule's findings are counted on."""
    return PAGE_OF_TOPIC[rule.split(".", 1)[0]]


def counts_by_page(model: ComplianceModel) -> Counter[str]:
    """Open findings per navigation entry; the dashboard counts them all."""
    counts: Counter[str] = Counter()
    for topic, number in model.counts.by_topic.items():
        counts[PAGE_OF_TOPIC[topic]] += number
    counts["dashboard"] = model.counts.count
    return counts


def blocking_pages(model: ComplianceModel) -> set[str]:
    return {PAGE_OF_TOPIC[topic] for topic in model.counts.blocking_topics}


def deadlines_by_date(model: ComplianceModel) -> list[Deadline]:
    """The dashboard's deadlines: by date, then by name."""
    return sorted(model.deadlines, key=lambda d: (d.due, d.record_label))


def load_model(services: Services) -> ComplianceModel:
    """The compliance model for the window (from a current snapshot when there is one)."""
    # Without a current stored snapshot, hundreds of thousands of small objects (numbers, keys) are made here
    # and all of them live on: the cyclic garbage collector's passes over them would double the time, and
    # they hold no cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        model = services.checks.model(cached=True)
        model.worst_first  # noqa: B018 - ordered and indexed here, off the GUI thread
        model.index  # noqa: B018
        model.counts  # noqa: B018
        return model
    finally:
        if collecting:
            gc.enable()
