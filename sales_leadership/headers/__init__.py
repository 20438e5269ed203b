"""The HTTP header policy (policy.py) and its form for nginx (nginx.py)."""
