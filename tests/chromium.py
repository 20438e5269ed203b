"""The Chromium every browser test drives: Debian's package, launched by Playwright.

Playwright passes Chromium its own `--disable-features` list. A second `--disable-features`
replaces the first (Chromium keeps the last value of a switch), so ours repeats Playwright's
list and adds what a headless test browser never needs; tests/browser/test_launch.py checks
the two against the command line Chromium actually received, so a Playwright upgrade that
changes its list fails there instead of quietly turning a feature back on.
"""

from __future__ import annotations

from tools.chromium import find_chromium

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")

# Playwright 1.x's own list (playwright/driver/package/lib/coreBundle.js, `disabledFeatures`).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Chromium 156 builds its address bar's two drop-downs (chrome://omnibox-popup.top-chrome/, each a
# WebUI page with a renderer process of its own) for every new browser context, headless or not,
# though no test ever opens them: about 0.6 s of CPU of the 1 s a new context costs.
UNSEEN_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
DISABLED_FEATURES = PLAYWRIGHT_DISABLED_FEATURES + UNSEEN_BROWSER_UI


def chromium_path() -> str:
    """Debian's Chromium (or $CHROMIUM); none found is a failure the caller reports, never a skip."""
    return find_chromium(CHROMIUM_CANDIDATES)


def launch_args() -> list[str]:
    return ["--disable-features=" + ",".join(DISABLED_FEATURES)]
