"""deploy/'s generated header files are what the header policy makes today (`invoke deploy-headers`)."""

from __future__ import annotations

import pytest

from tasks import DEPLOY_HEADER_FILES, deploy_header_files
from tests.deploy.servers import DEPLOY, ROOT, substitute


@pytest.mark.parametrize("name", list(DEPLOY_HEADER_FILES))
def test_generated_header_file_is_current(name):
    expected = deploy_header_files()[DEPLOY / name]
    path = DEPLOY / name
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `.venv/bin/invoke deploy-headers`"
    assert path.read_text(encoding="utf-8") == expected, (
        f"{path.relative_to(ROOT)} is out of date with sales_leadership/headers: "
        "run `.venv/bin/invoke deploy-headers` and commit the file"
    )


def test_the_shipped_configurations_use_the_generated_files():
    assert "include /srv/sales-leadership/deploy/nginx-security-headers.conf;" in (DEPLOY / "nginx.conf").read_text()
    caddyfile = (DEPLOY / "Caddyfile").read_text()
    assert "import /srv/sales-leadership/deploy/caddy-security-headers.caddy" in caddyfile
    assert "import security_headers" in caddyfile and "import error_headers" in caddyfile


def test_a_shipped_file_that_changed_shape_fails_the_render_loudly():
    """The tests substitute ports and paths into the shipped files; text they cannot find is an
    error naming the file, never a test that quietly runs something else."""
    from tests.deploy.servers import Site, render_nginx_site

    site = Site(https_port=1, http_port=2, intake_port=3, output=ROOT / "output")
    shipped = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert "listen 127.0.0.1:1 ssl http2;" in render_nginx_site(site, ROOT / "cert.pem", ROOT / "key.pem")
    with pytest.raises(AssertionError, match=r"deploy/nginx.conf: expected to find 'listen 443 ssl http2;'"):
        substitute(
            shipped.replace("listen 443 ssl http2;", "listen 443 ssl;"),
            [("listen 443 ssl http2;", "")],
            "deploy/nginx.conf",
        )
