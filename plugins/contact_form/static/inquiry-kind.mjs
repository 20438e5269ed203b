// The questions of one kind of inquiry ([data-kind], from forms.ForKind): only those of the kind chosen
// show, are sent and are checked (their data-error-required becomes `required`); the others are hidden
// and disabled. Without this script both kinds' questions show, each under a legend saying who answers.

/** For one contact form; calls `changed(kind)` after each switch. */
export function inquiryKind(form, changed = () => {}) {
  const sections = form.querySelectorAll("[data-kind]");
  const radios = form.querySelectorAll("input[name=enquiry_kind]");
  if (!sections.length || !radios.length) return;
  for (const control of form.querySelectorAll("[data-kind] [data-error-required]")) control.required = true;
  const show = () => {
    const kind = form.elements.enquiry_kind.value;
    for (const section of sections) {
      const off = section.dataset.kind !== kind;
      section.hidden = off;
      for (const control of section.querySelectorAll("input, select, textarea")) control.disabled = off;
    }
    changed(kind);
  };
  for (const radio of radios) radio.addEventListener("change", show);
  show();
}
