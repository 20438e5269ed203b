"""sales_leadership: the domain core the site build and the lead intake share.

Roles, the quiz (model, validation, scoring), partners with their territories
and routing, the contact form and its renderer, the security-header policy and
the content errors every loader raises. Plain Python: it imports neither
Pelican nor the intake, so the two programs above it (plugins/ builds the
site, intake/ runs the lead service) stand side by side on the same floor and
cannot change each other by accident. docs/design.md draws the house.
"""
