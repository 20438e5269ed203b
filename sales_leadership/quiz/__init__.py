"""The role-selector quiz: model.py (what it is), loader.py (reading and checking the YAML), scoring.py
(the reference scorer), answers.py (answers a person types or a lead carries), explain.py (what
`invoke quiz` prints for one set of answers), invariants.py (the domain's rules, checked on every
answer set) and report.py (what `invoke quiz-report` prints)."""
