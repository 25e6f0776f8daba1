import {
  complaintLimits,
  type ComplaintTrack,
  type IdentityMode,
} from '../../../schema/contracts/complaint-rules';
import type { FormCategories } from '../../../schema/contracts/complaint-api';
import { privacyNoticeLines } from '../../../lib/texts/privacy-notice';
import { bangkokDate } from '../../../lib/thai-date';
import { h, replace } from '../dom';
import {
  applyVisibility,
  categoryField,
  errorLine,
  identityField,
  textField,
  trackSwitch,
  whenField,
} from './fields';
import { ApiError } from '../api';
import type { FormApi } from './form-api';
import { newSubmissionKey, showErrors } from './form-errors';
import { involvedField } from './involved-field';
import { photoPicker } from './photos';
import { placeField } from './place';
import { renderReceipt } from './receipt';

export interface FormContext {
  slug: string;
  orgName: string;
  api: FormApi;
  categories: FormCategories;
  track: ComplaintTrack;
  /** Shown instead of the form when the server no longer accepts the login. */
  onUnauthorized(message: string): void;
}

/** The complaint form, both tracks in one page; on success the receipt replaces it. */
export function showForm(root: HTMLElement, ctx: FormContext): void {
  const key = newSubmissionKey();
  const form = h('form', { class: 'complaint-form', novalidate: true });
  const category = categoryField();
  const place = placeField();
  const photos = photoPicker(ctx.api, () => key);
  const notice = h('div', { class: 'notice', 'data-testid': 'privacy-notice' });
  const phoneLabel = h('span', {});
  const submit = h('button', { type: 'submit', class: 'button' }, 'ส่งเรื่อง');
  const phone = textField({
    name: 'phone',
    field: 'identity.phone',
    label: '',
    max: 20,
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
  });
  phone.querySelector('label')!.replaceChildren(phoneLabel);

  form.append(
    trackSwitch(ctx.track),
    h('p', { class: 'hint', 'data-only': 'corruption' }, 'ท่านไม่จำเป็นต้องระบุชื่อตนเองในรายละเอียด'),
    category.element,
    textField({
      name: 'description',
      field: 'description',
      label: 'รายละเอียดเหตุการณ์',
      hint: `เล่าสิ่งที่เกิดขึ้น อย่างน้อย ${complaintLimits.descriptionMin} ตัวอักษร`,
      max: complaintLimits.descriptionMax,
      min: complaintLimits.descriptionMin,
      multiline: true,
    }),
    place.element,
    whenField(bangkokDate(Date.now())),
    photos.element,
    h('div', { 'data-only': 'corruption' }, involvedField(ctx.categories.units)),
    identityField(),
    h(
      'div',
      { 'data-only': 'confidential' },
      textField({
        name: 'name',
        field: 'identity.name',
        label: 'ชื่อ-นามสกุล',
        max: complaintLimits.nameMax,
        autocomplete: 'name',
      }),
    ),
    h('div', { 'data-only': 'contact' }, phone),
    h('h2', {}, 'ประกาศความเป็นส่วนตัว'),
    notice,
    h(
      'label',
      { class: 'choice consent' },
      h('input', { type: 'checkbox', name: 'consent', value: 'yes' }),
      h('span', {}, 'ข้าพเจ้าได้อ่านและยินยอมให้ใช้ข้อมูลตามประกาศนี้'),
    ),
    errorLine('consent'),
    h('p', { class: 'form-error', 'data-error-for': 'form', role: 'alert' }),
    submit,
  );

  const value = (name: string) => String(new FormData(form).get(name) ?? '').trim();
  const track = () => value('track') as ComplaintTrack;
  let shownTrack: ComplaintTrack | null = null;
  const refresh = () => {
    const t = track();
    const confidential = value('identityMode') === 'confidential';
    applyVisibility(form, t, confidential);
    if (t !== shownTrack) {
      category.fill(ctx.categories[t]);
      shownTrack = t;
      const url = new URL(location.href);
      url.searchParams.set('track', t === 'corruption' ? 'corruption' : 'general');
      history.replaceState(null, '', url.pathname + url.search);
    }
    const identity = t === 'grievance' ? 'identified' : confidential ? 'confidential' : 'anonymous';
    notice.replaceChildren(
      ...privacyNoticeLines(ctx.orgName, t, identity, ctx.categories.retention[t]).map((line) =>
        h('p', {}, line),
      ),
    );
    phoneLabel.textContent = t === 'grievance' ? 'เบอร์โทรติดต่อกลับ (ไม่บังคับ)' : 'เบอร์โทรศัพท์';
  };
  form.addEventListener('change', refresh);

  const body = () => {
    const t = track();
    const text = (name: string) => value(name) || undefined;
    const position = place.position();
    const placeText = text('placeText');
    const date = text('occurredDate');
    const occurredText = text('occurredText');
    const identity =
      t === 'grievance'
        ? { mode: 'identified', ...(text('phone') ? { phone: value('phone') } : {}) }
        : value('identityMode') === 'confidential'
          ? { mode: 'confidential', name: text('name'), phone: text('phone') }
          : { mode: 'anonymous', reachInLine: value('silent') !== 'on' };
    return {
      submissionKey: key,
      track: t,
      categoryCode: value('categoryCode'),
      description: value('description'),
      place:
        placeText || position
          ? {
              text: placeText,
              ...(position ? { latitude: position.latitude, longitude: position.longitude } : {}),
            }
          : undefined,
      occurred: date || occurredText ? { date, text: occurredText } : undefined,
      involved: t === 'corruption' ? text('involved') : undefined,
      involvedRole: t === 'corruption' ? text('involvedRole') : undefined,
      involvedUnitId:
        t === 'corruption' && value('involvedRole') === 'unit_staff' && value('involvedUnitId')
          ? Number(value('involvedUnitId'))
          : undefined,
      identity,
      consent: value('consent') === 'yes',
    };
  };

  let submitting = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submitting) return;
    submitting = true;
    submit.disabled = true;
    submit.textContent = 'กำลังส่งเรื่อง…';
    try {
      await photos.settled();
      const sent = body();
      const receipt = await ctx.api.submit(sent);
      renderReceipt(root, { org: ctx.slug, receipt, mode: sent.identity.mode as IdentityMode }, () =>
        showForm(root, ctx),
      );
      return;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return ctx.onUnauthorized(error.message);
      const message = error instanceof ApiError ? error.message : 'ส่งเรื่องไม่สำเร็จ กรุณาลองอีกครั้ง';
      showErrors(form, error instanceof ApiError ? error.fields : {}, message);
    }
    submitting = false;
    submit.disabled = false;
    submit.textContent = 'ส่งเรื่อง';
  });

  document.title = `แจ้งเรื่องร้องเรียน | ${ctx.orgName}`;
  replace(root, h('h1', {}, 'แจ้งเรื่องร้องเรียน'), h('p', { class: 'lead' }, ctx.orgName), form);
  refresh();
}
