"""The intake under gunicorn as configured (deploy/gunicorn.conf.py) keeps answering while
slow clients trickle request bodies at it: nobody in front of it buffers here."""

from __future__ import annotations

import pytest

from tests.deploy.servers import Gunicorn, Site, free_port, intake_environment
from tests.deploy.slow_clients import NORMAL_REQUESTS, SLOW_CLIENTS, attack


@pytest.fixture
def gunicorn_alone(tmp_path, publish_build):
    port = free_port()
    site = Site(https_port=port, http_port=port, intake_port=port, output=publish_build.output)
    env = intake_environment(site, tmp_path, SITE_ORIGIN=f"http://127.0.0.1:{port}")
    server = Gunicorn(port, env, tmp_path).start()
    yield server
    server.stop()


def test_eight_slow_clients_do_not_stop_gunicorn(gunicorn_alone):
    outcome = attack(gunicorn_alone.port, origin=f"http://127.0.0.1:{gunicorn_alone.port}", until_cut_off=True)
    assert outcome.answered == NORMAL_REQUESTS, (
        f"only {outcome.answered} of {NORMAL_REQUESTS} ordinary requests answered while {SLOW_CLIENTS} slow "
        f"clients trickled their bodies (statuses {outcome.statuses})"
    )
    assert outcome.slow_clients_cut_off == SLOW_CLIENTS, "gunicorn should hang up on a client that takes too long"
