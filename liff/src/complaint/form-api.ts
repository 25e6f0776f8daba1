import {
  type ComplaintReceipt,
  complaintReceipt,
  type EvidenceStored,
  evidenceStored,
  type FormCategories,
  formCategories,
} from '../../../schema/contracts/complaint-api';
import { apiClient, read } from '../api';

/** The LIFF complaint form's API for one organisation, authenticated with the LIFF ID token. */
export function formApi(org: string, idToken: string | null) {
  const form = apiClient(idToken).api.orgs[':org'].complaints;
  const param = { org: encodeURIComponent(org) };
  return {
    categories: (): Promise<FormCategories> => read(form.categories.$get({ param }), formCategories),
    // The file is the raw body, with its own type (worker/http/routes/complaint-evidence.ts).
    upload: (key: string, file: Blob): Promise<EvidenceStored> =>
      read(
        form.evidence.$post(
          { param, query: { key } },
          { headers: { 'content-type': file.type }, init: { body: file } },
        ),
        evidenceStored,
      ),
    remove: (key: string, id: string): Promise<void> =>
      read(form.evidence[':id'].$delete({ param: { ...param, id: encodeURIComponent(id) }, query: { key } })),
    // What the person filled in, as it is: the server answers field by field (the page ships no zod
    // contract to check it first).
    submit: (body: unknown): Promise<ComplaintReceipt> =>
      read(form.$post({ param, json: body as ComplaintSubmissionInput }), complaintReceipt),
  };
}

/** What the form sends (the server checks it: schema/contracts/complaint.ts). */
type ComplaintSubmissionInput = Parameters<
  ReturnType<typeof apiClient>['api']['orgs'][':org']['complaints']['$post']
>[0]['json'];

export type FormApi = ReturnType<typeof formApi>;
