/**
 * Thai words about the "after" photo staff attach when closing a grievance as resolved (chat and the
 * staff LIFF alike). No zod: the LIFF imports it.
 */
export type AfterPhotoRefusal = 'too_large' | 'unsupported_type' | 'unreadable' | 'external' | 'expired';

/** The after photo's byte limit: LINE shows a preview only from a file of at most 1 MB. */
export const AFTER_PHOTO_MAX_BYTES = 1024 * 1024;

/** Why an after photo was not attached (the closing itself is still possible). */
export function afterPhotoRefusalText(reason: AfterPhotoRefusal): string {
  switch (reason) {
    case 'too_large':
      return 'รูปหลังแก้ไขต้องมีขนาดไม่เกิน 1 MB รูปนี้จึงไม่ได้แนบ กรุณาส่งรูปที่เล็กลง หรือปิดเรื่องโดยไม่แนบรูป';
    case 'unsupported_type':
    case 'external':
      return 'รูปหลังแก้ไขรับเฉพาะรูปภาพ JPG หรือ PNG ไฟล์นี้จึงไม่ได้แนบ';
    case 'unreadable':
      return 'ไม่สามารถเปิดรูปนี้ได้ จึงไม่ได้แนบ กรุณาลองส่งใหม่อีกครั้ง';
    case 'expired':
      return 'รูปนี้หมดอายุในระบบ LINE แล้ว กรุณาส่งใหม่อีกครั้ง';
  }
}

/** Said when a photo is offered for a closing that takes none. */
export const afterPhotoOnlyText = 'รูปหลังแก้ไขแนบได้เฉพาะเรื่องร้องทุกข์ที่ปิดเรื่องว่าแก้ไขแล้ว';
