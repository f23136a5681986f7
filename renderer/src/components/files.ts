/**
 * Files in and out of the page, for every screen that exports or reads one (the export dialog,
 * the audit, the accuracy review, checking a signed file, a council certificate). The service
 * names and makes each file; the page only hands bytes to the browser's downloads (Electron's
 * save) or reads a file the user chose, after its size has been checked.
 */

/** The file's bytes to the browser's downloads, named by the service. */
export function download(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the bytes are let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file as base64, in slices: String.fromCharCode with a whole file's bytes as arguments overflows the stack. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
