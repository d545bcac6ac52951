/** `t(key, params)`: the one way screens get text. Placeholders are `{name}`; unknown ones stay visible. */
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';

export type MessageParams = Record<string, string | number>;

export function t(key: MessageKey, params?: MessageParams): string {
  const template = en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
