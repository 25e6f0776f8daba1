/**
 * The access log and the audit chain (docs/privacy.md, "Audit trail"), shared by the worker, the
 * tables and the LIFF. No drizzle, no worker code.
 */

/**
 * How staff read corruption cases: a card in chat, the LIFF detail, an evidence file, a confidential
 * reporter's contact, a list that showed corruption cases, the audit chain's export; and a grievance's
 * call-back phone read by its handler.
 */
export const caseViewVias = ['chat', 'liff', 'evidence', 'reveal', 'list', 'export', 'callback'] as const;
export type CaseViewVia = (typeof caseViewVias)[number];

/** What a chain row seals: a complaint event or an access log row. */
export const chainSources = ['event', 'view'] as const;
export type ChainSource = (typeof chainSources)[number];
