"""The contact form: forms.py (the fields, defined once), backend.py (where it posts), render.py (the HTML)."""
