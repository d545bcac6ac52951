import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { App } from './App';
import { createBrowserBridge } from './bridge/browser';

describe('App shell', () => {
  it('renders the banner, the main landmark with its heading and a loading status', () => {
    const html = renderToStaticMarkup(<App bridge={createBrowserBridge()} />);
    expect(html).toMatch(/<header[^>]*>.*<\/header><main[^>]*>/);
    expect(html).toContain('<h1>PoE Reviewer Workstation</h1>');
    expect(html).toContain('role="status"');
  });
});
