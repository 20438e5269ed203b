// Where the message goes, shown as the visitor fills the form: the partner's card under the location
// fields as soon as a ZIP code, a state or a chosen partner ("Send it to") is known, and, for a link from
// a partner's profile (?partner=<slug>), "Your message goes to Dana Whitfield in Denver." at the top
// (or that the partner in the link is unknown). No DOM is touched on import: Node tests routeInquiry.
import { partnerLookup } from "../../partner_directory/static/partner-card.mjs";
import { hasLocation, routeEnquiry } from "../../partner_directory/static/routing.mjs";
import { fillIn } from "./contact-logic.mjs";

/**
 * Who an inquiry goes to, as the intake decides it (routing.py `route_enquiry`): an application to the
 * head office; else the partner the visitor chose (`chosen`, a slug), when the page knows them; else the
 * ZIP code or state. {slug, rule, partner, ...} as routing.mjs answers, rule "chosen" for a chosen
 * partner; null before the visitor has said where they are.
 */
export function routeInquiry(router, kind, where, chosen = "") {
  const partner = kind !== "partner" && chosen ? router.lookup.partners[chosen] : null;
  if (partner) return { slug: chosen, rule: "chosen", partner };
  return kind === "partner" || hasLocation(where, router) ? routeEnquiry(router, kind, where) : null;
}

/** {current() -> the partner the message goes to, or null; update()}; `wanted`: what the address asked. */
export function partnerPreview(form, wanted) {
  const fields = form.elements;
  const preview = form.querySelector("[data-partner-preview]");
  const lookup = partnerLookup(fields.state);
  const notice = form.querySelector("[data-partner-choice]");
  if (!lookup || !preview || !notice) return { current: () => null, update() {} };
  const goesTo = (partner) => fillIn(notice.dataset.chosen, partner); // "Your message goes to Dana Whitfield in Denver."
  let current = null;
  const update = () => {
    const where = { zipCode: fields.zip_code.value, state: fields.state.value };
    const kind = fields.enquiry_kind.value;
    current = routeInquiry(lookup.router, kind, where, fields.partner?.value || "");
    const card = lookup.show(preview, current, where, kind);
    if (card && current.rule === "chosen") card.querySelector("[data-slot=reason]").textContent = goesTo(current.partner);
  };
  fields.zip_code.addEventListener("input", update);
  for (const control of [fields.state, fields.partner]) control?.addEventListener("change", update);
  update();
  if (wanted.partnerAsked) {
    const chosen = wanted.partner && lookup.router.lookup.partners[wanted.partner];
    notice.textContent = chosen ? goesTo(chosen) : notice.dataset.unknown;
    notice.hidden = false;
  }
  return { current: () => current, update };
}
