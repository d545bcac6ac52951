/** Who is signed in, and the actor the shared core sees for them. */
import type { Actor } from '../../shared/index';

export type UserRole = 'reviewer' | 'supervisor' | 'partner' | 'customer' | 'admin';

export type SignedInUser = {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  partnerId: string | null;
  tenantId: string | null;
};

/**
 * The actor for the core, built only from the signed-in user: a request body never chooses it.
 * Admins manage users and settings; they do not act on claims.
 */
export function actorOf(user: SignedInUser): Actor | null {
  if (user.role === 'admin') return null;
  return {
    id: user.id,
    role: user.role,
    ...(user.partnerId !== null ? { partnerId: user.partnerId } : {}),
    ...(user.tenantId !== null ? { tenantId: user.tenantId } : {}),
  };
}
