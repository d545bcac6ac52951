import { describe, expect, it } from 'vitest';
import { isTextEntry, SHORTCUT_SHEET, shortcutFor, type KeyPress } from './shortcuts';

type Fake = { tagName: string; type?: string; isContentEditable?: boolean; inside?: string[] };
const el = ({ inside = [], ...rest }: Fake) => ({ ...rest, closest: (selector: string) => (inside.includes(selector) ? {} : null) }) as unknown as EventTarget;

const body = el({ tagName: 'BODY' });
const press = (key: string, target: EventTarget | null = body, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: key.length === 1 && key !== key.toLowerCase(),
  target,
  ...mods,
});

describe('review shortcuts', () => {
  it('maps the sheet’s keys to actions', () => {
    expect(shortcutFor(press('p'))).toBe('pass');
    expect(shortcutFor(press('f'))).toBe('fail');
    expect(shortcutFor(press('u'))).toBe('unset');
    expect(shortcutFor(press('j'))).toBe('nextItem');
    expect(shortcutFor(press('k'))).toBe('prevItem');
    expect(shortcutFor(press('n'))).toBe('nextPage');
    expect(shortcutFor(press('N'))).toBe('prevPage');
    expect(shortcutFor(press('/'))).toBe('find');
    expect(shortcutFor(press('f', body, { ctrlKey: true }))).toBe('find');
    expect(shortcutFor(press('F', body, { metaKey: true, shiftKey: false }))).toBe('find');
    expect(shortcutFor(press('a'))).toBe('accept');
    expect(shortcutFor(press('d'))).toBe('draw');
    expect(shortcutFor(press('s'))).toBe('annotateSelection');
    expect(shortcutFor(press('?', body, { shiftKey: true }))).toBe('help');
    expect(shortcutFor(press('Escape'))).toBe('cancel');
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('stays out of the way while the reviewer types', () => {
    for (const target of [el({ tagName: 'TEXTAREA' }), el({ tagName: 'INPUT' }), el({ tagName: 'INPUT', type: 'search' }), el({ tagName: 'SELECT' }), el({ tagName: 'DIV', isContentEditable: true })]) {
      expect(isTextEntry(target)).toBe(true);
      for (const key of ['p', 'f', 'j', 'n', '/', 'a', '?']) expect(shortcutFor(press(key, target))).toBeNull();
      expect(shortcutFor(press('f', target, { ctrlKey: true }))).toBeNull();
    }
    // Buttons, radios and checkboxes are not text: shortcuts work from them.
    for (const type of ['radio', 'checkbox', 'button']) {
      const target = el({ tagName: 'INPUT', type });
      expect(isTextEntry(target)).toBe(false);
      expect(shortcutFor(press('p', target))).toBe('pass');
    }
    expect(shortcutFor(press('p', el({ tagName: 'BUTTON' })))).toBe('pass');
  });

  it('leaves browser and viewer keys alone', () => {
    expect(shortcutFor(press('p', body, { ctrlKey: true }))).toBeNull(); // print
    expect(shortcutFor(press('f', body, { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('p', body, { altKey: true }))).toBeNull();
    expect(shortcutFor(press('n', body, { defaultPrevented: true }))).toBeNull();
    expect(shortcutFor(press('p', el({ tagName: 'BUTTON', inside: ['dialog'] })))).toBeNull();
    expect(shortcutFor(press('p', null))).toBe('pass');
  });

  it('arrows move between checklist items only from an item, never from its radio buttons or elsewhere', () => {
    const item = el({ tagName: 'LI', inside: ['[data-review-item]'] });
    const radio = el({ tagName: 'INPUT', type: 'radio', inside: ['[data-review-item]'] });
    expect(shortcutFor(press('ArrowDown', item))).toBe('nextItem');
    expect(shortcutFor(press('ArrowUp', item))).toBe('prevItem');
    expect(shortcutFor(press('ArrowDown', radio))).toBeNull();
    expect(shortcutFor(press('ArrowDown', body))).toBeNull();
  });

  it('the sheet lists every action once', () => {
    const labels = SHORTCUT_SHEET.map((s) => s.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual(expect.arrayContaining(['review.keys.pass', 'review.keys.fail', 'review.keys.nextItem', 'review.keys.nextPage', 'review.keys.find', 'review.keys.help']));
  });
});
