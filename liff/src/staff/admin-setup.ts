import { h } from '../dom';
import type { StaffApi, Unit } from './staff-api';
import { messageLine } from './staff-page';

/** Which part of the admin page a message belongs to, so it shows where the admin just acted. */
export interface Flash {
  section: string;
  text: string;
}

/** What the admin page's setup sections share. */
export interface AdminSetup {
  api: StaffApi;
  units: Unit[];
  flash: Flash | null;
  /** Reloads the admin page (every section: a new unit shows up in every picker) with a message. */
  refresh: (flash: Flash) => Promise<void>;
}

/**
 * A section's message line, and `run`: does a change, then reloads the page with `ok` shown here; an
 * error (the server's Thai message) stays on this line without reloading, so typed text is kept.
 */
export function sectionMessage(s: AdminSetup, section: string) {
  const line = messageLine();
  // The message sits at the top of its section; the form that was used may be far below it.
  const show = () => requestAnimationFrame(() => line.scrollIntoView({ block: 'nearest' }));
  if (s.flash?.section === section) {
    line.textContent = s.flash.text;
    line.classList.add('ok');
    show();
  }
  const say = (text: string) => {
    line.classList.remove('ok');
    line.textContent = text;
    if (text) show();
  };
  const run = async (change: () => Promise<unknown>, ok: string) => {
    say('');
    try {
      await change();
    } catch (error) {
      say((error as Error).message);
      return;
    }
    await s.refresh({ section, text: ok });
  };
  return { line, say, run };
}

/** A labelled text input. */
export function textField(label: string, name: string, value = '', placeholder = '') {
  const input = h('input', { type: 'text', name, value, placeholder: placeholder || null });
  return { input, element: h('label', { class: 'field' }, h('span', {}, label), input) };
}

/** A labelled checkbox. */
export function checkField(label: string, name: string, checked: boolean) {
  const input = h('input', { type: 'checkbox', name, checked });
  return { input, element: h('label', { class: 'setup-check' }, input, h('span', {}, label)) };
}

/** A form that calls `submit` instead of navigating. */
export function setupForm(submit: () => void, ...children: (Node | null)[]): HTMLFormElement {
  const form = h('form', { class: 'action-form' }, ...children);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  return form;
}
