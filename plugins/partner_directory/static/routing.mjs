// Route a ZIP code or state to its partner in the browser, with no network.
//
// The table comes from partner_directory/routing.py `build_lookup`, written into
// the page as JSON; this module must give the same answer as the Python `route`
// for every input (tests/partners/test_routing_parity.py checks every ZIP code).
// Pure functions only: no DOM, so Node's test runner can load it.

const ZIP_CODE = /^\s*(\d{5})(?:-?\d{4})?\s*$/;
const US_COUNTRIES = new Set(["", "US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA"]);

/** "800-802 805" -> ["800", "801", "802", "805"] (the inverse of Python's compress_runs). */
export function expandRuns(text) {
  const codes = [];
  for (const part of (text || "").split(/\s+/).filter(Boolean)) {
    const [first, last = first] = part.split("-");
    for (let number = Number(first); number <= Number(last); number += 1) {
      codes.push(String(number).padStart(first.length, "0"));
    }
  }
  return codes;
}

/** The 5-digit ZIP code in `value` ("80202", "80202-1234"), else null. */
export function normaliseZip(value) {
  const match = ZIP_CODE.exec(value || "");
  return match ? match[1] : null;
}

/** Build the lookup maps once per page from the JSON the build wrote. */
export function createRouter(lookup) {
  const byZip = new Map();
  const byPrefix = new Map();
  for (const group of lookup.routes) {
    const found = { partner: group.partner, rule: group.rule };
    for (const prefix of expandRuns(group.prefixes)) byPrefix.set(prefix, found);
    for (const zip of expandRuns(group.zips)) byZip.set(zip, found);
  }
  return {
    lookup,
    byZip,
    byPrefix,
    stateCodes: new Set((lookup.stateCodes || "").split(/\s+/).filter(Boolean)),
  };
}

function answer(router, found, extra = {}) {
  return { slug: found.partner, rule: found.rule, partner: router.lookup.partners[found.partner], ...extra };
}

/**
 * The partner for an enquiry: {slug, rule, partner, zip?, state?}.
 * Rules, as in routing.py: ZIP code (listed, else by its prefix), then the
 * state, then the head office; outside the US, the head office.
 */
export function route(router, { zipCode = "", state = "", country = "US" } = {}) {
  const headOffice = { partner: router.lookup.headOffice, rule: "head-office" };
  if (!US_COUNTRIES.has(String(country || "").trim().toUpperCase())) return answer(router, headOffice);
  const zip = normaliseZip(zipCode);
  if (zip) {
    const found = router.byZip.get(zip) || router.byPrefix.get(zip.slice(0, 3));
    if (found) return answer(router, found, { zip });
  }
  const code = String(state || "").trim().toUpperCase();
  if (router.stateCodes.has(code)) {
    const owner = router.lookup.states[code];
    return owner ? answer(router, { partner: owner, rule: "state" }, { state: code }) : answer(router, headOffice, { state: code });
  }
  return answer(router, headOffice);
}

/** Partner applications always go to the head office (DESIGN.md); everything else is routed. */
export function routeEnquiry(router, enquiryKind, where) {
  if (enquiryKind === "partner") {
    return answer(router, { partner: router.lookup.headOffice, rule: "head-office" }, { application: true });
  }
  return route(router, where);
}

/** True when the visitor has typed enough for a route worth showing (a valid ZIP code or a state). */
export function hasLocation({ zipCode = "", state = "" } = {}, router) {
  return Boolean(normaliseZip(zipCode)) || router.stateCodes.has(String(state || "").trim().toUpperCase());
}
