/**
 * Whether the page has less room than the screen (the training panel is open beside it): wide tables of
 * label–value pairs then use fewer columns instead of pushing their last column off the side. Runtime: browser.
 */
import { createContext, useContext } from 'react';

export const NarrowContext = createContext(false);

export const useNarrow = () => useContext(NarrowContext);
