import { complaintLimits, evidenceContentTypes } from '../../../schema/contracts/complaint-rules';
import { type EvidenceRefusal, refusalText } from '../../../lib/texts/evidence-refusals';
import { h } from '../dom';
import { ApiError } from '../api';
import type { FormApi } from './form-api';

interface Item {
  file: File;
  element: HTMLElement;
  upload: Promise<void>;
  id?: string;
  failed?: boolean;
}

const kindOf = (type: string) => (type === 'application/pdf' ? 'file' : 'image');

/** The early check on a chosen file, as the server checks it (the server decides from the bytes). */
export function precheck(file: { type: string; size: number }, attached: number): EvidenceRefusal | null {
  if (!(evidenceContentTypes as readonly string[]).includes(file.type)) return 'unsupported_type';
  const limit = kindOf(file.type) === 'file' ? complaintLimits.fileMaxBytes : complaintLimits.imageMaxBytes;
  if (file.size > limit) return 'too_large';
  if (attached >= complaintLimits.attachmentsMax) return 'too_many';
  return null;
}

/**
 * Photos and PDFs: each chosen file is checked, previewed and uploaded at once (so submitting does not
 * wait for big uploads), and can be removed before submitting. The server strips photo metadata.
 */
export function photoPicker(api: FormApi, submissionKey: () => string) {
  const items: Item[] = [];
  const list = h('ul', { class: 'photos' });
  const count = h('p', { class: 'hint', 'data-testid': 'photo-count' });
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: evidenceContentTypes.join(','),
    class: 'file-input',
    'aria-label': 'เลือกรูปภาพหรือไฟล์ PDF',
  });
  const kept = () => items.filter((i) => !i.failed);
  const update = () => {
    count.textContent = `แนบแล้ว ${kept().length} จาก ${complaintLimits.attachmentsMax} ไฟล์`;
  };

  function add(file: File) {
    const preview = file.type.startsWith('image/')
      ? h('img', { src: URL.createObjectURL(file), alt: file.name })
      : h('span', { class: 'pdf' }, 'PDF');
    const state = h('span', { class: 'state' }, 'กำลังอัปโหลด…');
    const remove = h(
      'button',
      { type: 'button', class: 'link-button', 'aria-label': `ลบ ${file.name}` },
      'ลบ',
    );
    const element = h(
      'li',
      { class: 'photo uploading' },
      preview,
      h('span', { class: 'name' }, file.name),
      state,
      remove,
    );
    const item: Item = { file, element, upload: Promise.resolve() };
    const fail = (message: string) => {
      item.failed = true;
      element.className = 'photo refused';
      state.textContent = message;
      update();
    };
    remove.addEventListener('click', async () => {
      await item.upload;
      if (item.id) await api.remove(submissionKey(), item.id).catch(() => undefined);
      items.splice(items.indexOf(item), 1);
      element.remove();
      if (preview instanceof HTMLImageElement) URL.revokeObjectURL(preview.src);
      update();
    });
    const refused = precheck(file, kept().length);
    items.push(item);
    list.append(element);
    if (refused) return fail(refusalText(refused, kindOf(file.type)));
    item.upload = api.upload(submissionKey(), file).then(
      (stored) => {
        item.id = stored.id;
        element.className = 'photo stored';
        state.textContent = 'แนบแล้ว';
      },
      (error: unknown) => fail(error instanceof ApiError ? error.message : 'อัปโหลดไม่สำเร็จ'),
    );
    update();
  }

  input.addEventListener('change', () => {
    for (const file of Array.from(input.files ?? [])) add(file);
    input.value = '';
  });
  update();

  return {
    element: h(
      'div',
      { class: 'form-field' },
      h('span', { class: 'label' }, 'รูปภาพหรือเอกสาร (ถ้ามี)'),
      h(
        'p',
        { class: 'hint' },
        `รูป JPG/PNG ไม่เกิน ${complaintLimits.imageMaxBytes / 2 ** 20} MB หรือ PDF ไม่เกิน ${complaintLimits.fileMaxBytes / 2 ** 20} MB สูงสุด ${complaintLimits.attachmentsMax} ไฟล์ ระบบลบข้อมูลตำแหน่งและกล้องออกจากรูปก่อนจัดเก็บ`,
      ),
      h(
        'p',
        { class: 'hint', 'data-only': 'corruption' },
        'ไฟล์ PDF อาจมีชื่อผู้สร้างเอกสารติดอยู่ หากไม่ต้องการเปิดเผยตัวตน แนะนำให้ถ่ายรูปเอกสารแทน',
      ),
      h('label', { class: 'button secondary file-button' }, 'เลือกรูปภาพหรือไฟล์', input),
      list,
      count,
    ),
    /** Waits for uploads in flight; true when none is still missing. */
    settled: async () => {
      await Promise.all(items.map((i) => i.upload));
      return items.every((i) => i.failed || i.id);
    },
  };
}
