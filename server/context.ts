/** What every route of head office receives. Runtime: Node. */
import type { Store } from './pg/store';

export interface HeadOffice {
  readonly store: Store;
  readonly now: () => number;
  readonly version: string;
  /** GASDESK_ADMIN_TOKEN, when the administrator token comes from the environment. */
  readonly adminTokenEnv?: string;
  /** A console session ends after this long without a request (server/console/sessions.ts). */
  readonly consoleIdleMs: number;
  /** Whether the console's cookie is marked Secure (head office behind HTTPS). */
  readonly secureCookies: boolean;
  /** Set once migrations are applied and the database answers. */
  ready: boolean;
}
