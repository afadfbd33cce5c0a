import { useEffect, useRef } from 'react';

// While a page's chunk loads, React keeps the previous page hidden (display: none): only a shown h1 counts.
const focusHeading = (): boolean => {
  const h1 = [...document.querySelectorAll<HTMLElement>('main h1')].find((h) => h.offsetParent !== null);
  h1?.focus();
  return h1 !== undefined;
};

/**
 * After a navigation, move focus to the new page's h1 so keyboard and
 * screen-reader users start at the top of the new content. A page loaded as
 * its own chunk brings its h1 a moment later: focus goes to it when it comes.
 */
export function useFocusOnNavigate(view: string): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const navigated = previous.current !== null && previous.current !== view;
    previous.current = view;
    if (!navigated) return;
    window.scrollTo(0, 0);
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [view]);
}
