import { useEffect } from 'react';

export const SERVICE_NAME = 'Conference Recorder';

/** Titles never carry names: the window title shows in task bars and screen shares. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasErrors]);
}
