import type { CaseOutcome, OutsideBody } from '../../schema/contracts/staff';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { LineGateway } from '../line/gateway';
import type { Refusal } from './case-machine';
import type { CaseRecord } from './cases-data';

/** One staff action on a case, as chat buttons, text commands and the staff API all express it. */
export type CaseRequest =
  | { action: 'accept' }
  | { action: 'assign'; unitId?: number; staffId?: number }
  | { action: 'ask_info'; message: string }
  | { action: 'update'; message: string }
  | { action: 'forward'; body: OutsideBody; agencyName?: string; reference: string }
  | {
      action: 'close';
      outcome: CaseOutcome;
      summary: string;
      duplicateOf?: string;
      /** An after photo already stored for this case (after-photos.ts), sent with the result. */
      afterPhotoId?: string;
    }
  | { action: 'reopen' }
  | { action: 'escalate'; message: string }
  | { action: 'instruct'; message: string };

export interface ActionDeps {
  db: Db;
  keyring: Keyring;
  line: Pick<LineGateway, 'push'>;
  org: { id: number; name: string };
  now: number;
  /** Where the worker is reached (APP_ORIGIN) and the organisation's slug: the after photo's link. */
  links?: { origin: string; orgSlug: string };
}

export type ActionResult =
  | {
      ok: true;
      case: CaseRecord;
      action: string;
      note: string | null;
      /** The complainant's notice went out (true), failed for now (false), or none was sent now (null). */
      delivered: boolean | null;
      /** When a notice waiting for the merge window goes out (lib/notice-merge.ts). */
      sendsAt: number | null;
    }
  | { ok: false; reason: Refusal | 'not_found' | 'invalid'; message: string; case?: CaseRecord };
