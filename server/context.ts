/** What every route of head office receives. Runtime: Node. */
import type { Store } from './pg/store';
import type { RateLimiter } from './auth/rate-limit';

export interface HeadOffice {
  readonly store: Store;
  readonly now: () => number;
  readonly version: string;
  /** GASDESK_ADMIN_TOKEN, when the administrator token comes from the environment. */
  readonly adminTokenEnv?: string;
  readonly limiters: {
    readonly counter: RateLimiter;
    readonly anonymous: RateLimiter;
    readonly admin: RateLimiter;
  };
  /** Set once migrations are applied and the database answers. */
  ready: boolean;
}
