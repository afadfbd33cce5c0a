/**
 * A case-page section whose API is being built on another branch (plan,
 * calendar, decisions): it asks its endpoint and says plainly when the
 * information is not available yet (404). Wire the real rendering when it lands.
 */
import type { ReactNode } from 'react';
import { useOptionalResource } from '../useResource';
import { Section } from './Section';
import { ErrorAlert, Loading } from './Status';

type Props<T> = { id: string; title: string; path: string; unavailableText: string; children: (data: T) => ReactNode };

export function PendingSection<T>({ id, title, path, unavailableText, children }: Props<T>) {
  const r = useOptionalResource<T>(path);
  return (
    <Section id={id} title={title} className={r.unavailable ? 'not-available' : undefined}>
      {r.loading && !r.data && <Loading />}
      <ErrorAlert error={r.error} />
      {r.unavailable && <p>{unavailableText}</p>}
      {r.data && children(r.data)}
    </Section>
  );
}
