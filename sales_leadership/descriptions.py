"""How long a page's description may be: the one rule every content type shares.

A description is what search engines show under a page's title (the meta
description). Google shows about 155-160 characters and cuts the rest; under
about 110 the snippet is often replaced by text the engine picks from the page.
Pages and articles (site_guard), case studies (proof.py) and the quiz
(quiz/loader.py) all check their descriptions with `length_problem`, so the
rule and its words live here once.
"""

from __future__ import annotations

DESCRIPTION_MIN = 110
DESCRIPTION_MAX = 160


def length_problem(description: str) -> str | None:
    """What is wrong with the description's length, in an editor's words; None when it fits."""
    length = len(" ".join(description.split()))
    if length < DESCRIPTION_MIN:
        return f"{length} characters; write {DESCRIPTION_MIN}-{DESCRIPTION_MAX}, as much as search results show"
    if length > DESCRIPTION_MAX:
        return f"{length} characters; write {DESCRIPTION_MIN}-{DESCRIPTION_MAX}: search results cut off the rest"
    return None
