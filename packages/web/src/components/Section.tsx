import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** A page section titled by its h2 (so it is a named region for screen readers). */
export function Section({ title, id, children, className }: { title: string; id?: string; children: ReactNode; className?: string }) {
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className={`panel ${className ?? ''}`.trim()}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A table that scrolls sideways when the screen is too narrow. Only then is it
 * a focusable, named region, so keyboard users can scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-scroll" {...(overflows ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
