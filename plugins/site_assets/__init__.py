"""site_assets: one convention for the front end of the theme and of every local plugin.

- A plugin's scripts and stylesheets live in its `static/` folder, the theme's in
  `theme/static/`; all are published under `/assets/<version>/`, mirroring the
  repository (sales_leadership.assets explains the version and the layout).
- A plugin's templates live in its `templates/` folder, searched after the
  theme's own, so the theme may override any of them.
- Templates link a file with the `asset_url()` Jinja global:
  `{{ asset_url("plugins/role_quiz/static/quiz.css") }}`.

Plugins do nothing themselves to ship their front end: having the folders is enough.
"""

from pelican import signals

from .publish import AssetsGenerator, add_template_folders_and_asset_url, choose_asset_version


def get_generators(pelican):
    return AssetsGenerator


def register():
    signals.initialized.connect(choose_asset_version)
    signals.generator_init.connect(add_template_folders_and_asset_url)
    signals.get_generators.connect(get_generators)
