import { afterEach, describe, expect, it } from 'vitest';
import {
  BASE_CHECKLIST_ITEMS,
  CALENDAR_PRESETS,
  CLOCK_NAMES,
  DEFICIENCY_CODES,
  PRODUCT_FAMILIES,
  REJECTION_REASONS,
  ROLES,
  STATUSES,
  STATUS_LABELS,
} from '@shared/index';
import { CALENDAR_PRESET_IDS, en } from './en';
import { CATALOGUES, hasMessage, t, tIn, type MessageKey } from './index';
import { ja } from './ja';
import { setLanguagePreference, useLocale } from './locale';
import { messageParams } from './messageFormat';

afterEach(() => setLanguagePreference('system'));

describe('message catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('sync.pending', { count: 3 })).toBe('3 pending');
    expect(t('claim.heading', {})).toBe('Claim {id}');
  });

  it('has a label for every status, deficiency and rejection reason, taken from the core', () => {
    for (const s of STATUSES) expect(tIn('en', `status.${s}`)).toBe(STATUS_LABELS[s]);
    for (const c of DEFICIENCY_CODES) expect(en[`deficiency.${c}`]).toBeTruthy();
    for (const r of REJECTION_REASONS) expect(en[`rejection.${r}`]).toBeTruthy();
  });

  it('has no empty messages in any language', () => {
    for (const catalogue of Object.values(CATALOGUES)) expect(Object.entries(catalogue).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});

describe('every language has every message', () => {
  const enKeys = Object.keys(en).sort();

  // Compares key sets at run time too, so a key added to en.ts without its translation (or a
  // leftover translation of a removed key) fails here even where type checking is skipped.
  it.each(Object.entries(CATALOGUES))('%s has exactly the keys of en.ts', (_locale, catalogue) => {
    const keys = Object.keys(catalogue).sort();
    expect({ missing: enKeys.filter((k) => !(k in catalogue)), extra: keys.filter((k) => !(k in en)) }).toEqual({ missing: [], extra: [] });
  });

  it.each(Object.entries(CATALOGUES))('%s uses the same placeholders as English', (_locale, catalogue) => {
    const differing = enKeys.filter((k) => {
      const a = [...messageParams(en[k as MessageKey])].sort().join();
      const b = [...messageParams(catalogue[k as MessageKey] ?? '')].sort().join();
      return a !== b;
    });
    expect(differing).toEqual([]);
  });

  it('translates into Japanese instead of copying English sentences', () => {
    // Names and codes that read the same in both languages.
    const same = new Set<string>(['language.en', 'language.ja', 'family.business_applications', 'family.microsoft_365']);
    const copied = enKeys.filter((k) => {
      const value = ja[k as MessageKey];
      return !same.has(k) && value === en[k as MessageKey] && /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(value);
    });
    expect(copied).toEqual([]);
  });
});

describe('domain labels in Japanese follow the source page', () => {
  it('names statuses as the page does', () => {
    expect(tIn('ja', 'status.submitted')).toBe('送信済み');
    expect(tIn('ja', 'status.in_review')).toBe('レビュー中');
    expect(tIn('ja', 'status.partner_action_needed')).toBe('パートナーのアクションが必要');
    expect(tIn('ja', 'status.approved')).toMatch(/^承認済み/);
    expect(tIn('ja', 'status.rejected')).toBe('拒否');
  });

  it('names deficiencies and rejection reasons as the page does', () => {
    expect(tIn('ja', 'deficiency.missing_poe')).toMatch(/^PoE がない/);
    expect(tIn('ja', 'deficiency.missing_customer_verification')).toMatch(/^顧客の確認がない/);
    expect(tIn('ja', 'deficiency.missing_or_stale_date')).toBe('日付がない、または古い日付');
    expect(tIn('ja', 'deficiency.missing_product')).toMatch(/^製品がない/);
    expect(tIn('ja', 'rejection.partner_request')).toBe('パートナーの要求');
    expect(tIn('ja', 'rejection.customer_rejected')).toBe('顧客の拒否');
    expect(tIn('ja', 'rejection.no_partner_response')).toBe('パートナーの応答がありません');
  });

  it('labels every code of the core in every language', () => {
    const keys = [
      ...STATUSES.map((s) => `status.${s}`),
      ...DEFICIENCY_CODES.map((c) => `deficiency.${c}`),
      ...REJECTION_REASONS.map((r) => `rejection.${r}`),
      ...BASE_CHECKLIST_ITEMS.map((i) => `checklist.item.${i}`),
      ...PRODUCT_FAMILIES.map((f) => `family.${f}`),
      ...ROLES.map((r) => `role.${r}`),
      ...CLOCK_NAMES.map((c) => `clock.${c}`),
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });

  it('has a name for every calendar preset', () => {
    expect([...CALENDAR_PRESET_IDS].sort()).toEqual(CALENDAR_PRESETS.map((p) => p.id).sort());
  });
});

describe('plurals and numbers', () => {
  it('chooses the plural form of the language', () => {
    expect(tIn('en', 'documents.pages', { count: 1 })).toBe('1 page');
    expect(tIn('en', 'documents.pages', { count: 12 })).toBe('12 pages');
    expect(tIn('ja', 'documents.pages', { count: 1 })).toBe('1 ページ');
    expect(tIn('en', 'calendar.holidayCount', { count: 0 })).toBe('No holidays');
    expect(tIn('ja', 'calendar.holidayCount', { count: 16 })).toBe('祝日 16 日');
  });

  it('writes numbers with the language’s grouping', () => {
    expect(tIn('en', 'sync.pending', { count: 12345 })).toBe('12,345 pending');
    expect(tIn('ja', 'sync.pending', { count: 12345 })).toBe('保留中 12,345 件');
  });

  it('follows the language in effect', () => {
    setLanguagePreference('ja');
    expect(useLocale.getState().locale).toBe('ja');
    expect(t('nav.queue')).toBe('キュー');
    setLanguagePreference('en');
    expect(t('nav.queue')).toBe('Queue');
  });
});
