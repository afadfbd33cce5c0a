import { useEffect, useRef } from 'react';

/**
 * After a navigation, move focus to the new page's h1 so keyboard and
 * screen-reader users start at the top of the new content.
 */
export function useFocusOnNavigate(view: string): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== view) {
      window.scrollTo(0, 0);
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
    previous.current = view;
  }, [view]);
}
