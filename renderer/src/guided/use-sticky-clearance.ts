import { useEffect, useRef } from 'react';

/**
 * WCAG 2.2 SC 2.4.11 (focus not obscured): a sticky bar must not cover the control that has
 * focus. The bar's height (it wraps on narrow windows, so it is measured, not assumed) is
 * published as a CSS variable that the page's scroll padding uses, so the browser scrolls a
 * focused field clear of the bar; as a backstop for browsers that ignore scroll padding when
 * moving focus, a focused element found under the bar is scrolled clear at once.
 */
export function useStickyClearance<T extends HTMLElement>(variable: string, edge: 'top' | 'bottom') {
  const ref = useRef<T>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return undefined;
    const root = document.documentElement;
    const publish = () => root.style.setProperty(variable, `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(bar);
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || bar.contains(target)) return;
      const barBox = bar.getBoundingClientRect();
      if (barBox.height === 0) return;
      const box = target.getBoundingClientRect();
      const gap = 8;
      if (edge === 'top' && box.top < barBox.bottom && box.bottom > barBox.top) window.scrollBy(0, box.top - barBox.bottom - gap);
      if (edge === 'bottom' && box.bottom > barBox.top && box.top < barBox.bottom) window.scrollBy(0, box.bottom - barBox.top + gap);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      root.style.removeProperty(variable);
    };
  }, [variable, edge]);
  return ref;
}
