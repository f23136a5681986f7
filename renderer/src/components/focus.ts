/** Moves focus to an element by id, bringing it into view; used by in-page links. */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}
