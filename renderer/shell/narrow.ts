/**
 * Whether the page has less room than a 1366-pixel screen gives it: the training panel is open beside it, or the
 * window itself is narrow (1366×768 at 125 % scaling is 1093 CSS pixels). Wide tables of label–value pairs then
 * use fewer columns instead of pushing their last column off the side. Runtime: browser.
 */
import { Grid } from 'antd';
import { createContext, useContext } from 'react';

export const NarrowContext = createContext(false);

/** How much room is missing: 0 none, 1 the panel or a narrow window, 2 both. */
export function useNarrow(): 0 | 1 | 2 {
  const panelOpen = useContext(NarrowContext);
  const screens = Grid.useBreakpoint();
  return ((panelOpen ? 1 : 0) + (screens.xl === false ? 1 : 0)) as 0 | 1 | 2;
}
