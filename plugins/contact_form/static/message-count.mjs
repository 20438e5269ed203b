// A live count under each textarea with a limit (data-maxlength, from the form's Length): the visible
// line follows every keystroke; the hidden polite live region speaks only when the count crosses a
// threshold (a tenth of the limit left, over the limit, back within it), so typing is not chatty.
import { countBand, countCharacters, countText } from "./contact-logic.mjs";

export function messageCount(form) {
  for (const textarea of form.querySelectorAll("textarea[data-maxlength]")) {
    const group = textarea.closest("[data-field]");
    const line = group?.querySelector("[data-count]");
    const status = group?.querySelector("[data-count-status]");
    if (!line) continue;
    const limit = Number(textarea.dataset.maxlength);
    let band = null;
    const update = () => {
      const count = countCharacters(textarea.value);
      const now = countBand(count, limit);
      line.textContent = countText(line.dataset, count, limit);
      line.classList.toggle("count--over", now === "over");
      if (status && band !== null && now !== band) status.textContent = now === "ok" ? "" : line.textContent;
      band = now;
    };
    textarea.addEventListener("input", update);
    update();
  }
}
