/** The one fontkit function the letter renderer uses (fontkit ships no type definitions). */
declare module 'fontkit' {
  /** A parsed font; pdfkit accepts it in place of font bytes. */
  export interface Font {
    layout(text: string): unknown;
    postscriptName: string;
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
