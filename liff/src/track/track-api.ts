import type {
  ErasureDone,
  MyDataView,
  TrackedCaseDetail,
  TrackedCaseList,
} from '../../../schema/contracts/tracking';
import { apiClient, read, readFile } from '../api';

/**
 * The tracker API of one organisation (worker/http/routes/track.ts), authenticated with the LIFF ID
 * token, through the app's typed client. Answers are read as the contract's types (type-only imports:
 * no zod in this chunk). The PIN goes in a POST body, never in a URL.
 */
export function trackApi(org: string, idToken: string | null) {
  const track = apiClient(idToken).api.orgs[':org'].track;
  const param = { org: encodeURIComponent(org) };
  return {
    list: () => read<Response, TrackedCaseList>(track.$get({ param })),
    myData: () => read<Response, MyDataView>(track['my-data'].$get({ param })),
    /** The same data as a JSON file to keep; never cached. */
    exportMyData: () => readFile(track['my-data'].export.$get({ param }, { init: { cache: 'no-store' } })),
    eraseMyData: () => read<Response, ErasureDone>(track['my-data'].erasure.$post({ param })),
    get: (code: string) =>
      read<Response, TrackedCaseDetail>(track[':code'].$get({ param: { ...param, code } })),
    open: (code: string, pin: string) =>
      read<Response, TrackedCaseDetail>(track.open.$post({ param, json: { code, pin } })),
    answer: (code: string, answer: string) =>
      read<Response, void>(track[':code'].answer.$post({ param: { ...param, code }, json: { answer } })),
    addInfo: (code: string, text: string, photos: string[], pin?: string) =>
      read<Response, { message: string }>(
        track[':code'].info.$post({
          param: { ...param, code },
          json: { text, ...(photos.length > 0 ? { photos } : {}), ...(pin ? { pin } : {}) },
        }),
      ),
  };
}

export type TrackApi = ReturnType<typeof trackApi>;
