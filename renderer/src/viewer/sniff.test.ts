import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTruncatedPdf, sniffKind } from './sniff';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../../server/test-fixtures/pdfs/${name}`, import.meta.url)));
const bytes = (...b: number[]) => new Uint8Array(b);

describe('file kind from the bytes', () => {
  it('recognises PDF, PNG and JPEG by signature, not by name', () => {
    expect(sniffKind(corpus('tracemonkey.pdf'))).toBe('pdf');
    expect(sniffKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffKind(new TextEncoder().encode('<html>not a pdf</html>'))).toBe('unknown');
    expect(sniffKind(new Uint8Array())).toBe('unknown');
  });

  it('accepts a PDF header after leading junk, as readers do', () => {
    expect(sniffKind(new TextEncoder().encode('\r\n  junk %PDF-1.7\n'))).toBe('pdf');
  });

  it('tells a cut-off PDF (no %%EOF at the end) from a whole one', () => {
    expect(isTruncatedPdf(corpus('tracemonkey.pdf'))).toBe(false);
    expect(isTruncatedPdf(corpus('helloworld-bad.pdf'))).toBe(false);
    expect(isTruncatedPdf(corpus('scan-bad.pdf'))).toBe(true);
    const whole = corpus('sizes.pdf');
    expect(isTruncatedPdf(whole.subarray(0, Math.floor(whole.length / 2)))).toBe(true);
  });
});
