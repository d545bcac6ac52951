import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { App } from './App';
import { createBrowserBridge } from './bridge/browser';

describe('App', () => {
  it('starts in a main landmark with a loading status while the session is restored', () => {
    const html = renderToStaticMarkup(<App bridge={createBrowserBridge({ storage: null })} />);
    expect(html).toMatch(/^<main[^>]*id="main"/);
    expect(html).toContain('role="status"');
    expect(html).toContain('Opening the workstation…');
  });
});
