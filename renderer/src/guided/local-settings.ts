import { createContext, useContext } from 'react';
import { DEFAULT_LOCAL_SETTINGS, type LocalSettings } from '../../../domain/rules/local-settings';

/**
 * The council's settings, for the form's conditions (a late conference's reason is required)
 * and worked-out sentences (timescales, quorum). The domain's defaults where none is given.
 */
export const LocalSettingsContext = createContext<LocalSettings>(DEFAULT_LOCAL_SETTINGS);

export function useLocalSettings(): LocalSettings {
  return useContext(LocalSettingsContext);
}
