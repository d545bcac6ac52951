/**
 * Keyboard-first review: which key does what. Pure, so the rules are tested without a browser;
 * `useReviewShortcuts` feeds it the page's key presses.
 *
 * Shortcuts never fire while the reviewer types (text fields, text areas, selects, editable
 * content), inside a dialog, or with Alt; the viewer may handle a key first (defaultPrevented).
 */
import type { MessageKey } from '../i18n';

export type ShortcutAction =
  | 'pass'
  | 'fail'
  | 'unset'
  | 'nextItem'
  | 'prevItem'
  | 'nextPage'
  | 'prevPage'
  | 'find'
  | 'accept'
  | 'draw'
  | 'annotateSelection'
  | 'help'
  | 'cancel';

/** The parts of a KeyboardEvent the rules read. */
export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
};

/** Input types whose keys are text (or would be hijacked by a letter shortcut). */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'file', 'color', 'range', 'hidden']);

type ElementLike = { tagName?: string; type?: string; isContentEditable?: boolean; closest?(selector: string): unknown };

function asElement(target: EventTarget | null): ElementLike | null {
  return target !== null && typeof target === 'object' && 'tagName' in target ? (target as ElementLike) : null;
}

/** Whether focus is somewhere the reviewer types: shortcuts stay out of the way there. */
export function isTextEntry(target: EventTarget | null): boolean {
  const el = asElement(target);
  if (!el?.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
  return el.isContentEditable === true;
}

/** Arrow keys move between checklist items only from an item itself, not from a choice in it (radios use arrows). */
function arrowsNavigateItems(target: EventTarget | null): boolean {
  const el = asElement(target);
  if (!el?.closest) return false;
  return el.closest('[data-review-item]') !== null && (el.tagName ?? '').toUpperCase() !== 'INPUT';
}

export function shortcutFor(e: KeyPress): ShortcutAction | null {
  if (e.defaultPrevented || e.altKey) return null;
  if (isTextEntry(e.target)) return null;
  const el = asElement(e.target);
  if (el?.closest?.('dialog')) return null;
  if (e.ctrlKey || e.metaKey) return e.key.toLowerCase() === 'f' && !e.shiftKey ? 'find' : null;
  switch (e.key) {
    case 'p':
      return 'pass';
    case 'f':
      return 'fail';
    case 'u':
      return 'unset';
    case 'j':
      return 'nextItem';
    case 'k':
      return 'prevItem';
    case 'ArrowDown':
      return arrowsNavigateItems(e.target) ? 'nextItem' : null;
    case 'ArrowUp':
      return arrowsNavigateItems(e.target) ? 'prevItem' : null;
    case 'n':
      return 'nextPage';
    case 'N':
      return 'prevPage';
    case '/':
      return 'find';
    case 'a':
      return 'accept';
    case 'd':
      return 'draw';
    case 's':
      return 'annotateSelection';
    case '?':
      return 'help';
    case 'Escape':
      return 'cancel';
    default:
      return null;
  }
}

/** The shortcut sheet: keys as shown, and what they do. */
export const SHORTCUT_SHEET: { keys: string[]; label: MessageKey }[] = [
  { keys: ['p'], label: 'review.keys.pass' },
  { keys: ['f'], label: 'review.keys.fail' },
  { keys: ['u'], label: 'review.keys.unset' },
  { keys: ['j', '↓'], label: 'review.keys.nextItem' },
  { keys: ['k', '↑'], label: 'review.keys.prevItem' },
  { keys: ['n'], label: 'review.keys.nextPage' },
  { keys: ['Shift+N'], label: 'review.keys.prevPage' },
  { keys: ['Ctrl+F', '/'], label: 'review.keys.find' },
  { keys: ['a'], label: 'review.keys.accept' },
  { keys: ['d'], label: 'review.keys.draw' },
  { keys: ['s'], label: 'review.keys.annotateSelection' },
  { keys: ['?'], label: 'review.keys.help' },
  { keys: ['Esc'], label: 'review.keys.escape' },
];
