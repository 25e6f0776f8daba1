import type { Env } from '../env';
import { createKeyring, type Keyring } from './secret-box';

/** The data keyring from the Worker's secrets (DATA_KEY, optional DATA_KEY_PREVIOUS). */
export function keyringFromEnv(env: Pick<Env, 'DATA_KEY' | 'DATA_KEY_PREVIOUS'>): Promise<Keyring> {
  return createKeyring(env.DATA_KEY, env.DATA_KEY_PREVIOUS);
}
