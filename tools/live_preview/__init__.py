"""Live preview for editors (`invoke livereload`): build, serve, watch, and tell the truth.

- builder.py  one quiet build (in this process, or in a fresh one), its result as data
- swap.py     a build goes into a scratch folder and replaces output/ only when it succeeded
- server.py   the preview server: the last good site and the lead intake (intake.server's
              StaticSite and SiteWithIntake), the build's problems shown in every page, a reload signal
- session.py  the loop: build, serve, wait for a change, build again
- static/     the two files the preview adds to every page: reload.mjs and preview.css

docs/preview.md says why it is shaped this way.
"""
