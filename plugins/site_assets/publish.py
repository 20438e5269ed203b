"""The receivers and the generator of site_assets (module level: Pelican holds receivers weakly)."""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import FileSystemLoader
from pelican.generators import Generator

from sales_leadership.assets import ASSETS_FOLDER, asset_url, asset_version, published_files

STATE_KEY = "_SITE_ASSETS"


def _plugin_folders(settings) -> list[Path]:
    """Each local plugin's own folder, in the order PLUGINS lists them."""
    folders = []
    for name in settings.get("PLUGINS") or []:
        for search_path in settings.get("PLUGIN_PATHS") or []:
            folder = Path(search_path) / name
            if folder.is_dir():
                folders.append(folder.resolve())
                break
    return folders


def _static_folders(settings) -> list[tuple[str, Path]]:
    theme = Path(settings["THEME"])
    return [("theme/static", theme / "static")] + [
        (f"plugins/{folder.name}/static", folder / "static") for folder in _plugin_folders(settings)
    ]


def choose_asset_version(pelican) -> None:
    """Hash the front-end files before anything is written, and point the theme's static copy there."""
    settings = pelican.settings
    files = published_files(_static_folders(settings))
    # Files other plugins make at build time ({published path: bytes}, e.g. site_theme's colours),
    # published under generated/ beside the rest and covered by the same version.
    generated = settings.get("GENERATED_ASSETS") or {}
    version = asset_version(files, generated)
    settings[STATE_KEY] = {"version": version, "files": files, "generated": generated}
    settings["ASSET_VERSION"] = version
    # Pelican copies theme/static itself; only its destination changes.
    settings["THEME_STATIC_DIR"] = f"{ASSETS_FOLDER}/{version}/theme/static"


def add_template_folders_and_asset_url(generator) -> None:
    """Plugins' templates after the theme's (which may override them), before Pelican's `simple` theme."""
    env = generator.env
    folders = [str(folder / "templates") for folder in _plugin_folders(generator.settings)]
    folders = [folder for folder in folders if Path(folder).is_dir()]
    if folders:
        env.loader.loaders.insert(1, FileSystemLoader(folders))
    version = generator.settings["ASSET_VERSION"]
    # Root-relative in every build, like every link inside a page (docs/foundation.md).
    env.globals["asset_url"] = lambda path: asset_url(path, version)


class AssetsGenerator(Generator):
    """Copies every plugin's static/ folder into /assets/<version>/plugins/<name>/static/."""

    def generate_output(self, writer):
        output = Path(self.output_path)
        for published, source in self.settings[STATE_KEY]["files"]:
            if published.startswith("plugins/"):
                target = output / ASSETS_FOLDER / self.settings["ASSET_VERSION"] / published
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
        for published, data in self.settings[STATE_KEY]["generated"].items():
            target = output / ASSETS_FOLDER / self.settings["ASSET_VERSION"] / published
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
