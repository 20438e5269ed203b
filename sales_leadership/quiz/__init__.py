"""The role-selector quiz: model.py (what it is), loader.py (reading and checking the YAML), scoring.py
(the reference scorer), answers.py (answers a person types), report.py (what `invoke quiz` prints)."""
