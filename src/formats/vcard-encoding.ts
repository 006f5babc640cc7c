/** vCard 2.1 value encodings (quoted-printable, base64) and their charsets. Pure. */
const utf8 = new TextEncoder();

export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (const part of value.split(/(=[0-9A-Fa-f]{2})/)) {
    if (/^=[0-9A-Fa-f]{2}$/.test(part)) bytes.push(parseInt(part.slice(1), 16));
    else for (const b of utf8.encode(part)) bytes.push(b);
  }
  return decodeBytes(bytes, charset);
}

/** 2.1 `ENCODING=BASE64` (3.0 `ENCODING=b`) on a text property: the bytes in CHARSET (default UTF-8); null if not base64. */
export function decodeBase64(value: string, charset: string): string | null {
  let binary: string;
  try {
    binary = atob(value.replace(/\s+/g, ''));
  } catch {
    return null;
  }
  return decodeBytes(Array.from(binary, (c) => c.charCodeAt(0)), charset);
}

function decodeBytes(bytes: number[], charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset || 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}
