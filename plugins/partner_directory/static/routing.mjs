// Route a ZIP code or state to its partner in the browser, with no network: the same answer
// as routing.py `route` for every input (tests/partners/test_routing_parity.py), from the
// table `build_lookup` writes into the page. Pure functions, no DOM (Node tests load it).

const ZIP_CODE = /^\s*(\d{5})(?:-?\d{4})?\s*$/;
const US_COUNTRIES = new Set(["", "US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA"]);

/** "800-802 805" -> ["800", "801", "802", "805"]; "802:01-02,09" -> ["80201", "80202", "80209"]
 * (the inverse of Python's compress_runs). */
export function expandRuns(text) {
  const codes = [];
  for (const part of (text || "").split(/\s+/).filter(Boolean)) {
    const [head, runs] = part.includes(":") ? part.split(":") : ["", part];
    for (const run of runs.split(",")) {
      const [first, last = first] = run.split("-");
      for (let n = Number(first); n <= Number(last); n += 1) codes.push(head + String(n).padStart(first.length, "0"));
    }
  }
  return codes;
}

/** The 5-digit ZIP code in `value` ("80202", "80202-1234"), else null. */
export function normaliseZip(value) {
  const match = ZIP_CODE.exec(value || "");
  return match ? match[1] : null;
}

/** The lookup maps, built once per page. */
export function createRouter(lookup) {
  const byZip = new Map();
  const byPrefix = new Map();
  for (const { partner, rule, prefixes, zips } of lookup.routes) {
    const found = { partner, rule };
    for (const prefix of expandRuns(prefixes)) byPrefix.set(prefix, found);
    for (const zip of expandRuns(zips)) byZip.set(zip, found);
  }
  return { lookup, byZip, byPrefix, stateCodes: new Set((lookup.stateCodes || "").split(/\s+/).filter(Boolean)) };
}

const answer = (router, { partner, rule }, extra) => ({ slug: partner, rule, partner: router.lookup.partners[partner], ...extra });
const code = (state) => String(state || "").trim().toUpperCase();

/**
 * The partner for an enquiry: {slug, rule, partner, zip?, state?}. As in routing.py: the ZIP
 * code (listed, else by its prefix), then the state, then the head office; outside the US,
 * the head office.
 */
export function route(router, { zipCode = "", state = "", country = "US" } = {}) {
  const headOffice = { partner: router.lookup.headOffice, rule: "head-office" };
  if (!US_COUNTRIES.has(code(country))) return answer(router, headOffice);
  const zip = normaliseZip(zipCode);
  const found = zip && (router.byZip.get(zip) || router.byPrefix.get(zip.slice(0, 3)));
  if (found) return answer(router, found, { zip });
  state = code(state);
  if (!router.stateCodes.has(state)) return answer(router, headOffice);
  const owner = router.lookup.states[state];
  return answer(router, owner ? { partner: owner, rule: "state" } : headOffice, { state });
}

/** Partner applications always go to the head office (docs/design.md); everything else is routed. */
export function routeEnquiry(router, enquiryKind, where) {
  if (enquiryKind !== "partner") return route(router, where);
  return answer(router, { partner: router.lookup.headOffice, rule: "head-office" }, { application: true });
}

/** True when the visitor has typed enough for a route worth showing (a valid ZIP code or a state). */
export function hasLocation({ zipCode = "", state = "" } = {}, router) {
  return Boolean(normaliseZip(zipCode)) || router.stateCodes.has(code(state));
}
