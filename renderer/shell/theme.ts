/**
 * The theme the counter and head office's console share: it darkens antd's secondary and tertiary text, the
 * error red, the link blue and the primary button's hover and pressed blues so that every text meets WCAG AA
 * contrast (4.5:1) on white and light-grey backgrounds (and white text on a primary button under the
 * pointer); contrast.css does the same for the tag colours and empty lists. Runtime: browser.
 */
import './contrast.css';

export const THEME_TOKENS = {
  colorPrimary: '#1668dc',
  // Darker, not lighter, under the pointer: white on antd's lighter hover blue is ~3.5:1.
  colorPrimaryHover: '#0b57c2',
  colorPrimaryActive: '#0847a0',
  fontSize: 15,
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorError: '#cf1322',
  colorLink: '#0b57c2',
};
