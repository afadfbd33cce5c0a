/** Who is logged in: GET /auth/me (401 means nobody), and logging out. */
import { ApiError, get, post } from './api';
import type { Me } from './types';

export async function fetchMe(): Promise<Me | null> {
  try {
    return await get<Me>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Ends the session; returns where to go next (the identity provider's logout, if any). */
export async function logout(): Promise<string | null> {
  const result = await post<{ logoutUrl: string | null }>('/auth/logout');
  return result?.logoutUrl ?? null;
}

/** Where a person lands after logging in. */
export const homeFor = (me: Me): string => (me.kind === 'citizen' ? '/borger' : '/');
