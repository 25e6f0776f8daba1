/** A random idempotency key, made once per form: a double tap or a retry files one complaint. */
export function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Puts each server message under its field (or its parent's), the rest in the form's own line. */
export function showErrors(form: HTMLFormElement, fields: Record<string, string>, message: string): void {
  for (const line of Array.from(form.querySelectorAll<HTMLElement>('[data-error-for]')))
    line.textContent = '';
  const visible = (el: HTMLElement | null) => el && !el.closest('[hidden]');
  let first: HTMLElement | null = null;
  const general: string[] = [];
  for (const [field, text] of Object.entries(fields)) {
    // "identity.phone" falls back to "identity", then to the form's own line.
    let key: string | undefined = field;
    let line: HTMLElement | null = null;
    for (; key; key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : undefined) {
      line = form.querySelector<HTMLElement>(`[data-error-for="${key}"]`);
      if (visible(line)) break;
    }
    if (line && key) {
      line.textContent = text;
      first ??= line;
    } else general.push(text);
  }
  const top = form.querySelector<HTMLElement>('[data-error-for="form"]')!;
  top.textContent = general.length ? general.join(' ') : message;
  (first ?? top).scrollIntoView({ block: 'center' });
}
