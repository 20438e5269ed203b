// Who an inquiry on the contact form goes to, as the intake decides it (routing.py `route_enquiry`):
// an application to the head office; else the partner the visitor chose, when the page knows them;
// else the ZIP code or state. Pure, no DOM (Node tests load it).
import { hasLocation, routeEnquiry } from "../../partner_directory/static/routing.mjs";

/** {slug, rule, partner, ...} as routing.mjs answers, rule "chosen" for a chosen partner; null before
 * the visitor has said where they are. `chosen`: a slug (the form's "Send it to"), or "". */
export function routeInquiry(router, kind, where, chosen = "") {
  const partner = kind !== "partner" && chosen ? router.lookup.partners[chosen] : null;
  if (partner) return { slug: chosen, rule: "chosen", partner };
  return kind === "partner" || hasLocation(where, router) ? routeEnquiry(router, kind, where) : null;
}
