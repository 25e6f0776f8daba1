import { ApiError } from '../api';
import { h, replace } from '../dom';
import { notice } from '../layout';
import { LiffUnavailable, liffIdToken } from '../liff-auth';
import { paths } from '../routes';
import { answerForm } from './answer-form';
import { infoForm } from './info-form';
import { myDataSection } from './my-data';
import { caseItem, caseView } from './case-view';
import { loadOrg } from '../org-detail';
import { type TrackApi, trackApi } from './track-api';
import './track.css';

const backTo = (slug: string) => ({ label: 'กลับหน้าติดตามเรื่อง', href: trackPath(slug) });

const trackPath = (slug: string, code?: string) =>
  `/o/${encodeURIComponent(slug)}/track${code ? `/${encodeURIComponent(code)}` : ''}`;

/** The code + PIN form for anonymous reports; the case opens in place (the PIN never enters a URL). */
function pinForm(root: HTMLElement, slug: string, api: TrackApi, code: string): HTMLElement {
  const codeInput = h('input', { id: 'track-code', name: 'code', autocomplete: 'off', value: code });
  const pinInput = h('input', {
    id: 'track-pin',
    name: 'pin',
    type: 'password',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: 6,
  });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'เปิดดูเรื่อง');
  const onsubmit = async (event: Event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      const pin = pinInput.value;
      const detail = await api.open(codeInput.value, pin);
      document.title = `เรื่อง ${detail.code}`;
      replace(root, answerForm(api, detail), caseView(detail), infoForm(api, detail, pin), backLink(slug));
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : String(e);
      pinInput.value = '';
    } finally {
      submit.disabled = false;
    }
  };
  return h(
    'form',
    { class: 'card pin-form', onsubmit },
    h('h2', {}, 'เรื่องที่แจ้งแบบไม่เปิดเผยตัวตน'),
    h('p', { class: 'muted' }, 'ใส่เลขรับเรื่องและรหัส PIN 6 หลักที่ได้รับตอนแจ้งเรื่อง'),
    h('label', { for: 'track-code' }, 'เลขรับเรื่อง'),
    codeInput,
    h('label', { for: 'track-pin' }, 'รหัส PIN'),
    pinInput,
    error,
    submit,
  );
}

const backLink = (slug: string) =>
  h('a', { class: 'button secondary', href: trackPath(slug) }, 'เรื่องทั้งหมดของท่าน');

async function showList(root: HTMLElement, slug: string, api: TrackApi, search: string) {
  const { cases, more } = await api.list();
  document.title = 'ติดตามเรื่อง';
  const code = new URLSearchParams(search).get('code') ?? '';
  replace(
    root,
    h(
      'section',
      { class: 'card' },
      h('h1', {}, 'ติดตามเรื่องของท่าน'),
      cases.length === 0
        ? h('p', { class: 'status' }, 'ยังไม่พบเรื่องที่ท่านแจ้งโดยระบุตัวตน')
        : h(
            'ul',
            { class: 'tracked-list' },
            cases.map((c) => caseItem(c, trackPath(slug, c.code))),
          ),
      more > 0 ? h('p', { class: 'muted' }, `และเรื่องเก่ากว่านี้อีก ${more} เรื่อง`) : null,
      h('p', { class: 'muted' }, 'เรื่องที่แจ้งแบบไม่เปิดเผยตัวตนจะไม่แสดงในรายการนี้ เปิดดูได้ด้วยเลขรับเรื่องและรหัส PIN'),
    ),
    pinForm(root, slug, api, code),
    myDataSection(api, new URLSearchParams(search).get('show') === 'my-data'),
    h('a', { class: 'button secondary', href: paths.org(slug) }, 'กลับหน้าหน่วยงาน'),
  );
}

/**
 * "/o/<org>/track" (one's own cases and the code + PIN form; `?code=` fills the code) and
 * "/o/<org>/track/<code>" (one of one's own cases). Logs in through LIFF like the complaint form.
 */
export async function renderTrack(root: HTMLElement, slug: string, rest: string[], search: string) {
  const { liffId } = await loadOrg(slug);
  let token: string | null;
  try {
    token = await liffIdToken(liffId);
  } catch (error) {
    const text =
      error instanceof LiffUnavailable && !liffId
        ? 'หน่วยงานนี้ยังไม่เปิดใช้หน้าติดตามเรื่อง กรุณาพิมพ์เลขรับเรื่องในแชต LINE ของหน่วยงาน'
        : 'เปิดระบบ LINE ไม่สำเร็จ กรุณาเปิดหน้านี้จากแอป LINE อีกครั้ง';
    return notice(root, 'ยืนยันตัวตนผ่าน LINE ไม่สำเร็จ', text, backTo(slug));
  }
  const api = trackApi(slug, token);
  try {
    if (rest.length === 0) return await showList(root, slug, api, search);
    const detail = await api.get(rest[0]!);
    document.title = `เรื่อง ${detail.code}`;
    replace(root, answerForm(api, detail), caseView(detail), infoForm(api, detail), backLink(slug));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0) throw error;
    notice(root, error.status === 401 ? 'ยืนยันตัวตนผ่าน LINE ไม่สำเร็จ' : 'ไม่พบเรื่อง', error.message, backTo(slug));
  }
}
