"""What ties the role pages and the theme's colours to the catalogue."""

from __future__ import annotations

from pathlib import Path

from sales_leadership.errors import Problem, raise_if_any
from sales_leadership.files import display_path
from sales_leadership.roles import load_roles

ROLE_TEMPLATE = "role"


def check_role_pages(generator) -> None:
    """Every role page names a known role; every role has exactly one page, at the catalogue's address."""
    roles = generator.context.get("roles") or load_roles(generator.settings["PATH"])
    problems: list[Problem] = []
    pages_of: dict[str, list] = {}
    for page in [*generator.pages, *generator.hidden_pages]:
        if page.template != ROLE_TEMPLATE:
            continue
        file = display_path(page.source_path)
        role_id = str(page.metadata.get("role", "")).strip()
        if not role_id:
            problems.append(
                Problem(file, "Role", f"missing; a role page says which role it is: {', '.join(roles.ids)}")
            )
        elif roles.get(role_id) is None:
            problems.extend(roles.check_ids([("Role", role_id)], file, "Role", complete=False))
        else:
            pages_of.setdefault(role_id, []).append(page)
    for role in roles:
        pages = pages_of.get(role.id, [])
        if not pages:
            problems.append(
                Problem(roles.source, f"{role.id}.url", f"no page says 'Role: {role.id}' (with 'Template: role')")
            )
        elif len(pages) > 1:
            files = ", ".join(display_path(page.source_path) for page in pages)
            problems.append(Problem(roles.source, role.id, f"more than one role page: {files}"))
        elif "/" + pages[0].url != role.url:
            problems.append(
                Problem(
                    display_path(pages[0].source_path),
                    "Slug",
                    f"the page is at /{pages[0].url} but {roles.source} gives {role.id!r} the address {role.url}",
                )
            )
    raise_if_any(problems)


def check_role_styles(pelican) -> None:
    """Each role's accent colour: a `[data-role="<id>"]` rule in the stylesheets pages load.

    The rules are generated from content/data/theme.yaml (plugins/site_theme, which runs first);
    the theme's own stylesheets count too.
    """
    settings = pelican.settings
    roles = load_roles(settings["PATH"])
    static = Path(settings["THEME"]) / "static"
    css = "\n".join(path.read_text(encoding="utf-8") for path in sorted(static.rglob("*.css")))
    generated = settings.get("GENERATED_ASSETS") or {}
    css += "\n".join(data.decode("utf-8") for name, data in generated.items() if name.endswith(".css"))
    problems = [
        Problem(display_path(static), "CSS", f'no [data-role="{role.id}"] rule gives the role {role.id!r} its colour')
        for role in roles
        if f'[data-role="{role.id}"]' not in css
    ]
    raise_if_any(problems)
