import { useEffect } from 'react';

/** Longest wait for the page's data before giving up on the anchor. */
const WAIT_MS = 10_000;

/**
 * After a navigation to a path with '#part' (the work queue links to a case's
 * messages, plan, calendar …), scroll to that part once the page has loaded
 * its data — sections above it would push it away if we scrolled earlier —
 * and move focus to its heading, so keyboard users land there too.
 */
export function useScrollToHash(path: string): void {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const loading = () => [...document.querySelectorAll('main [role="status"]')].some((e) => /^Henter/.test(e.textContent ?? ''));
    const arrive = (): boolean => {
      const target = document.getElementById(id);
      if (!target || loading()) return false;
      target.scrollIntoView({ block: 'start' });
      const heading = target.querySelector<HTMLElement>('h2, h3') ?? target;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return true;
    };
    if (arrive()) return;
    const observer = new MutationObserver(() => {
      if (arrive()) stop();
    });
    const timer = window.setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return stop;
  }, [path]);
}
