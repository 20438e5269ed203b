// Shows the routed partner as the page's <template data-partner-card-template>, from the
// routing table the build wrote (routing.mjs decides). Shared by the locator and the contact form.
import { createRouter, normaliseZip } from "./routing.mjs";

const REASONS = {
  "zip-prefix": () => "Your local partner",
  state: (found, stateName) => (found.state ? `Your local partner for ${stateName(found.state)}` : "Your local partner"),
  nearest: () => "No partner covers your area yet; this is the nearest one",
  "head-office": (found) =>
    found.application
      ? "Partner applications go to our head office"
      : "No local partner covers your area yet; our head office will reply",
};

/**
 * The page's partner lookup, or null when the page has no table or card template:
 * {router, show(slot, found, where, extra)} fills `slot` with the card for `found`
 * (from routing.route) and returns the card, or null when `slot` already shows that
 * answer (a live region is not announced again while typing); null `found` empties it.
 * `stateSelect` names the states in the cards.
 */
export function partnerLookup(stateSelect) {
  const table = document.querySelector("script[data-partner-lookup]");
  const template = document.querySelector("template[data-partner-card-template]");
  if (!table || !template) return null;
  const names = new Map([...(stateSelect?.options || [])].map((option) => [option.value, option.text.trim()]));
  let shown = "";
  return {
    router: createRouter(JSON.parse(table.textContent)),
    show(slot, found, where = {}, extra = "") {
      const key = found ? [found.slug, found.rule, normaliseZip(where.zipCode) || where.state, extra].join("|") : "";
      if (!found) slot.replaceChildren();
      if (!found || key === shown) {
        shown = key;
        return null;
      }
      shown = key;
      const card = template.content.firstElementChild.cloneNode(true);
      const { partner } = found;
      const slots = Object.fromEntries([...card.querySelectorAll("[data-slot]")].map((el) => [el.dataset.slot, el]));
      slots.image.src = partner.image;
      slots.reason.textContent = (REASONS[found.rule] || REASONS["head-office"])(found, (code) => names.get(code) || code);
      slots.name.textContent = partner.name;
      slots.link.href = partner.url;
      slots.title.textContent = partner.title;
      slots.place.textContent = `${partner.city}, ${partner.state}`;
      slots.phone.textContent = partner.phone;
      slots.phone.href = partner.phoneUri;
      if (partner.bookingUrl) {
        slots.booking.href = partner.bookingUrl;
        slots.booking.textContent = `Book a call with ${partner.name.split(" ")[0]}`;
      } else {
        slots.booking.remove();
      }
      slot.replaceChildren(card);
      return card;
    },
  };
}
