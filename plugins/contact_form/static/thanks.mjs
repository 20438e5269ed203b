// /contact/thanks/: say who will call, from what the contact form remembered in this tab.
// Without it (no script, another tab, mailto mode) the page's own text stands.

import { PARTNER_KEY } from "./contact-logic.mjs";

function remembered() {
  try {
    const value = window.sessionStorage.getItem(PARTNER_KEY);
    return value ? JSON.parse(value) : null;
  } catch {
    return null;
  }
}

const slot = document.querySelector("[data-thanks-partner]");
const partner = remembered();
if (slot && partner && partner.name) {
  const who = document.createElement("p");
  const strong = document.createElement("strong");
  const link = document.createElement("a");
  link.href = partner.url;
  link.textContent = partner.name;
  strong.append(link);
  const where = partner.headOffice ? "at our head office" : `in ${partner.city}, ${partner.state}`;
  const why = partner.application
    ? "Partner applications go to the head office."
    : partner.rule === "nearest"
      ? "No partner covers your area yet, so the nearest partner will help."
      : "";
  who.append(strong, ` ${where} will call or email you within one business day.`);
  if (why) who.append(` ${why}`);
  if (partner.phone) {
    // A link a phone can dial: the tel: address the build made for the partner card.
    const call = document.createElement("p");
    const number = document.createElement("a");
    number.href = partner.phoneUri || `tel:${partner.phone.replace(/[^\d+]/g, "")}`;
    number.textContent = partner.phone;
    call.append("If you would rather call first: ", number, ".");
    slot.replaceChildren(who, call);
  } else {
    slot.replaceChildren(who);
  }
  slot.hidden = false;
}
