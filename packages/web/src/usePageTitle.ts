import { useEffect } from 'react';

/** Sets the browser tab's title: '<page> – Helhed'. */
export function usePageTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} – Helhed` : 'Helhed';
  }, [page]);
}
