import {
  AFTER_PHOTO_MAX_BYTES,
  afterPhotoOnlyText,
  afterPhotoRefusalText,
} from '../../../lib/texts/after-photo-texts';

/** The photo types the close form offers for an after photo. */
export const AFTER_PHOTO_TYPES = ['image/jpeg', 'image/png'];

/** Why an after photo cannot go with this closing, or null (the server checks again). */
export function afterPhotoProblem(file: File, outcome: string): string | null {
  if (outcome !== 'resolved') return afterPhotoOnlyText;
  if (!AFTER_PHOTO_TYPES.includes(file.type)) return afterPhotoRefusalText('unsupported_type');
  return file.size > AFTER_PHOTO_MAX_BYTES ? afterPhotoRefusalText('too_large') : null;
}

/** A file's bytes as base64, for a JSON body. */
export const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
