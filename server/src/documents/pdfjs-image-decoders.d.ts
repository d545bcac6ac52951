// pdfjs-dist ships no types for its stand-alone image decoders; tests use the JPEG one to prove
// that generated fixtures are real JPEGs.
declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
  }
}
