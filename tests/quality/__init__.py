"""Quality gates: accessibility, HTML validity, links, weight, headers, Lighthouse.

Every check here runs over every page the build produces, so a page an editor
adds tomorrow is checked without anyone listing it. The helpers (axe.py,
vnu.py, weight.py, headers.py, lighthouse.py, states.py) hold the checks; the
test_*.py modules apply them to the real site. docs/quality-gates.md says how
to read a failure and how to add a check for a new interactive state.
"""
